import DocwrightCore

/// Puts a stream's interleaved events (`ModelBackend.stream`) back together into samples, one
/// at a time as each completes, and in the end into the batch `sample` would have returned:
/// samples in index order, tokens kept only where they start inside the text (as
/// `LogprobAlignment` keeps them for unstreamed replies).
public struct StreamAssembly: Sendable {
    public let requested: Int
    private var texts: [Int: String] = [:]
    private var tokens: [Int: [TokenLogprob]] = [:]
    private var complete: [Int: Sample] = [:]
    public private(set) var usage = Usage()

    public init(requested: Int) {
        self.requested = requested
    }

    /// Samples complete so far.
    public var finishedCount: Int { complete.count }

    /// Takes one event; returns the sample it completed (with its index), if any.
    public mutating func consume(_ event: StreamEvent) -> (index: Int, sample: Sample)? {
        switch event {
        case .text(let index, let text, let newTokens):
            guard complete[index] == nil else { return nil }
            texts[index, default: ""] += text
            if let newTokens { tokens[index, default: []] += newTokens }
            return nil
        case .finished(let index, let reason):
            guard complete[index] == nil else { return nil }
            let sample = Self.sample(text: texts[index] ?? "", tokens: tokens[index], reason: reason)
            complete[index] = sample
            return (index, sample)
        case .usage(let reported):
            usage = usage + reported
            return nil
        }
    }

    /// The completed samples in index order (`sample`'s order); with `includingUnfinished`, also
    /// those that had text but no `finished` (finish reason `.unknown`, as an unstreamed reply
    /// without one gives).
    public func samples(includingUnfinished: Bool = false) -> [Sample] {
        var indices = Set(complete.keys)
        if includingUnfinished { indices.formUnion(texts.keys) }
        return indices.sorted().compactMap { index in
            complete[index] ?? Self.sample(text: texts[index] ?? "", tokens: tokens[index], reason: .unknown)
        }
    }

    private static func sample(text: String, tokens: [TokenLogprob]?, reason: FinishReason) -> Sample {
        let length = text.utf8.count
        let kept = tokens.map { all -> [TokenLogprob] in
            var kept: [TokenLogprob] = []
            var position = 0
            for token in all {
                let start = token.textOffset ?? position
                guard start < length else { break }
                kept.append(TokenLogprob(token: token.token, logprob: token.logprob, textOffset: start))
                position = start + token.token.utf8.count
            }
            return kept
        }
        return Sample(text: text, tokens: kept, finishReason: reason)
    }
}
