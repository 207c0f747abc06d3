import DocwrightCore

/// One generated token as a provider reported it, before hygiene.
package struct RawToken: Sendable, Hashable {
    package var text: String
    /// UTF-8 length of the token (from the reply's `bytes` when given: `text` may be lossy).
    package var byteCount: Int
    package var logprob: Double?
    /// The reply's `text_offset` (legacy completions), in whatever unit and origin the server used.
    package var reportedOffset: Int?

    package init(text: String, bytes: [UInt8]? = nil, logprob: Double?, reportedOffset: Int? = nil) {
        self.text = text
        self.byteCount = bytes?.count ?? RawToken.byteCount(of: text)
        self.logprob = RawToken.sanitized(logprob)
        self.reportedOffset = reportedOffset
    }

    /// OpenAI writes tokens that are not whole UTF-8 characters as `bytes:\xe2\x80`.
    private static func byteCount(of text: String) -> Int {
        guard text.hasPrefix("bytes:") else { return text.utf8.count }
        let escapes = text.split(separator: "\\x", omittingEmptySubsequences: false).count - 1
        return escapes > 0 ? escapes : text.utf8.count
    }

    /// nil for missing, non-finite, and OpenAI's -9999 "no value" sentinel.
    package static func sanitized(_ logprob: Double?) -> Double? {
        guard let logprob, logprob.isFinite, logprob > -9999 else { return nil }
        return logprob
    }
}

/// Keeps exactly the tokens that make up a sample's text and gives each its byte offset.
///
/// Servers disagree: llama.cpp's joined tokens are a prefix of the text (not always all of it);
/// llama-cpp-python's legacy arrays run past the stop string. A token is kept when it starts
/// inside the text; the first token starting at or after the text's end, and all after it, go.
package enum LogprobAlignment {
    package static func align(_ tokens: [RawToken], to text: String) -> [TokenLogprob] {
        let textLength = text.utf8.count
        let starts = startOffsets(of: tokens, in: text)
        var kept: [TokenLogprob] = []
        kept.reserveCapacity(tokens.count)
        for (token, start) in zip(tokens, starts) {
            guard let start, start < textLength else { break }
            kept.append(TokenLogprob(token: token.text, logprob: token.logprob, textOffset: start))
        }
        return kept
    }

    /// Byte offset of each token in `text`; nil where the token lies beyond the text.
    private static func startOffsets(of tokens: [RawToken], in text: String) -> [Int?] {
        var cumulative: [Int] = []
        cumulative.reserveCapacity(tokens.count)
        var position = 0
        for token in tokens {
            cumulative.append(position)
            position += token.byteCount
        }
        let reported = tokens.compactMap(\.reportedOffset)
        guard reported.count == tokens.count, let origin = reported.first else { return cumulative }

        // text_offset counts from the prompt's start (or 0): make it relative to the first token.
        let relative = reported.map { $0 - origin }
        let textLength = text.utf8.count
        let agreesWithBytes = zip(relative, cumulative).allSatisfy { rel, cum in cum >= textLength || rel == cum }
        if agreesWithBytes { return relative }
        // Otherwise the server counted characters (Python's len): map code points to bytes.
        var byteOffsetOfScalar: [Int] = [0]
        for scalar in text.unicodeScalars { byteOffsetOfScalar.append((byteOffsetOfScalar.last ?? 0) + scalar.utf8.count) }
        return relative.map { rel in
            rel >= 0 && rel < byteOffsetOfScalar.count ? byteOffsetOfScalar[rel] : nil
        }
    }
}
