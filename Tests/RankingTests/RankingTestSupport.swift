import DocwrightCore
@testable import Ranking

/// Builds a sample from (token, logprob) pieces, with byte offsets unless told otherwise;
/// `text` defaults to the joined tokens, `kept` to the whole text.
func makeSample(
    _ pieces: [(String, Double?)], text: String? = nil, kept: Range<Int>? = nil, finish: FinishReason = .stop,
    offsets: Bool = true, processed: String? = nil
) -> ProcessedSample {
    var offset = 0
    var tokens: [TokenLogprob] = []
    for (token, logprob) in pieces {
        tokens.append(TokenLogprob(token: token, logprob: logprob, textOffset: offsets ? offset : nil))
        offset += token.utf8.count
    }
    let fullText = text ?? pieces.map(\.0).joined()
    let range = kept ?? 0..<fullText.utf8.count
    let keptText = processed ?? String(decoding: Array(fullText.utf8)[range.clamped(to: 0..<fullText.utf8.count)], as: UTF8.self)
    return ProcessedSample(sample: Sample(text: fullText, tokens: tokens, finishReason: finish), text: keptText, keptUTF8Range: range)
}

/// A sample whose every token has the same log-probability (one token per line).
func uniformSample(_ text: String, logprob: Double?, finish: FinishReason = .stop) -> ProcessedSample {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var pieces: [(String, Double?)] = []
    for (index, line) in lines.enumerated() {
        let piece = String(line) + (index < lines.count - 1 ? "\n" : "")
        if !piece.isEmpty { pieces.append((piece, logprob)) }
    }
    return makeSample(pieces, finish: finish)
}

/// A sample without any log-probabilities (Anthropic-style backend).
func plainSample(_ text: String, finish: FinishReason = .stop) -> ProcessedSample {
    ProcessedSample(sample: Sample(text: text, tokens: nil, finishReason: finish), text: text,
                    keptUTF8Range: 0..<text.utf8.count)
}

func pythonTask(signature: String, doc: String, indentation: String = "    ", suffix: String = "") -> GenerationTask {
    let docLines = doc.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? "" : indentation + $0 }.joined(separator: "\n")
    let rawDoc = indentation + "\"\"\"" + docLines.dropFirst(indentation.count) + "\n" + indentation + "\"\"\""
    let prefix = signature + "\n" + rawDoc + "\n"
    return GenerationTask(
        language: "python", shape: .body, signature: signature, docText: doc, rawDoc: rawDoc, prefix: prefix,
        suffix: suffix, imports: [], insertion: SourceRange(at: SourcePosition(line: 3, utf8Column: 0)),
        indentation: indentation
    )
}

/// A ranker with no subprocess work unless asked.
func pureRanker(_ policy: RankingPolicy = .meanLogprob, demoteTruncated: Bool = true) -> Ranker {
    Ranker(policy: policy, demoteTruncated: demoteTruncated, syntaxChecker: nil)
}
