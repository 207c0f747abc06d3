import DocwrightCore

/// Per-sample state while decoding a stream: text and token byte positions so far.
package struct StreamTracker: Sendable {
    package init() {}

    private var tokenBytes: [Int: Int] = [:]
    package private(set) var finished: Set<Int> = []
    package private(set) var tokenCount = 0
    package private(set) var sawTokens = false

    /// Gives streamed tokens their byte offsets in the sample's text (running token byte count).
    package mutating func offsets(for tokens: [RawToken]?, index: Int) -> [TokenLogprob]? {
        guard let tokens else { return nil }
        sawTokens = true
        var position = tokenBytes[index] ?? 0
        let placed = tokens.map { token in
            defer { position += token.byteCount }
            return TokenLogprob(token: token.text, logprob: token.logprob, textOffset: position)
        }
        tokenBytes[index] = position
        tokenCount += tokens.count
        return placed
    }

    package mutating func finish(_ index: Int) { finished.insert(index) }
}
