/// Secrets recognised by their surroundings rather than their alphabet: PEM private-key blocks
/// and passwords inside connection-string URLs.
enum StructuralSecrets {
    /// A `-----BEGIN … PRIVATE KEY-----` block through its END line (or to the text's end when
    /// the END line is missing), or, at an END line with no BEGIN before it, the base64 body
    /// lines above it (the text may start inside a block).
    static func privateKeyBlock(_ text: ByteText, at start: Int) -> Span? {
        if text.has("-----BEGIN ", at: start) {
            guard let labelEnd = privateKeyLabelEnd(text, from: start + 11) else { return nil }
            guard let endMarker = text.find("-----END ", from: labelEnd),
                  let endLabelEnd = privateKeyLabelEnd(text, from: endMarker + 9)
            else {
                return Span(start: start, end: text.count, kind: "private-key", priority: Span.structural)
            }
            return Span(start: start, end: endLabelEnd, kind: "private-key", priority: Span.structural)
        }
        if text.has("-----END ", at: start), let labelEnd = privateKeyLabelEnd(text, from: start + 9) {
            return Span(start: bodyStartBefore(text, start), end: labelEnd, kind: "private-key", priority: Span.structural)
        }
        return nil
    }

    /// End of `LABEL-----` when the label (at most 64 bytes, one line) contains "PRIVATE KEY".
    private static func privateKeyLabelEnd(_ text: ByteText, from: Int) -> Int? {
        guard let dashes = text.find("-----", from: from, limit: 64) else { return nil }
        // Real labels are upper-case words: `RSA PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`.
        guard (from..<dashes).allSatisfy({ ByteClass.isUpper(text[$0]) || ByteClass.isDigit(text[$0]) || text[$0] == 0x20 }),
              text.find("PRIVATE KEY", from: from, limit: dashes - from) != nil
        else { return nil }
        return dashes + 5
    }

    /// Where the base64 body above an END marker starts: back over the same line's base64 (a
    /// one-line string with `\n` escapes), then over whole preceding lines that are base64 only.
    private static func bodyStartBefore(_ text: ByteText, _ end: Int) -> Int {
        var start = end
        while start > 0, ByteClass.isBase64(text[start - 1]) || text[start - 1] == UInt8(ascii: "\\") { start -= 1 }
        let lineStart = text.lineStart(end)
        guard (lineStart..<start).allSatisfy({ ByteClass.isSpaceOrTab(text[$0]) || ByteClass.isQuote(text[$0]) }) else {
            return start
        }
        start = lineStart
        let floor = max(0, end - 65_536)
        while start > floor {
            let previousStart = text.lineStart(start - 1)
            let previousEnd = text.lineEnd(previousStart)
            guard isKeyBodyLine(text, previousStart..<previousEnd) else { break }
            start = previousStart
        }
        return start
    }

    /// A line holding one base64 run of ≥ 16 bytes and nothing else but indentation, quotes,
    /// `\n` escapes and `+` joins (so prose, with its spaces between words, never qualifies).
    private static func isKeyBodyLine(_ text: ByteText, _ line: Range<Int>) -> Bool {
        var longRuns = 0
        var longest = 0
        var run = 0
        for index in line.lowerBound...line.upperBound {
            let b = index < line.upperBound ? text[index] : 0x20
            if ByteClass.isBase64(b) {
                run += 1
                continue
            }
            if !(ByteClass.isWhitespace(b) || ByteClass.isQuote(b) || b == UInt8(ascii: "\\")) { return false }
            if run >= 2 { longRuns += 1 }
            longest = max(longest, run)
            run = 0
        }
        return longRuns == 1 && longest >= 16
    }

    /// At the `:` of `scheme://user:password@host`, the password.
    static func connectionPassword(_ text: ByteText, colon: Int) -> Span? {
        guard text.has("://", at: colon), colon > 0, ByteClass.isAlnum(text[colon - 1]) else { return nil }
        let authorityStart = colon + 3
        let authorityEnd = text.runEnd(from: authorityStart, limit: 512) { b in
            !(ByteClass.isWhitespace(b) || ByteClass.isQuote(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "?")
                || b == UInt8(ascii: "#") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: ")"))
        }
        var at: Int?
        for index in stride(from: authorityEnd - 1, through: authorityStart, by: -1) where text[index] == UInt8(ascii: "@") {
            at = index
            break
        }
        guard let at,
              let separator = (authorityStart..<at).first(where: { text[$0] == UInt8(ascii: ":") })
        else { return nil }
        let password = separator + 1..<at
        guard !password.isEmpty else { return nil }
        let first = text[password.lowerBound]
        // References and placeholders: ${DB_PASSWORD}, $PASS, {password}, <password>, %s, ****.
        if first == UInt8(ascii: "$") || first == UInt8(ascii: "{") || first == UInt8(ascii: "<")
            || first == UInt8(ascii: "%") || password.allSatisfy({ text[$0] == UInt8(ascii: "*") }) {
            return nil
        }
        // `user:password@host`, `user:secret@host`: documentation, not a credential.
        let word = String(decoding: text.slice(password), as: UTF8.self).lowercased()
        if !word.contains(where: \.isNumber), ["pass", "pwd", "secret", "xxx"].contains(where: word.contains) { return nil }
        return Span(start: password.lowerBound, end: password.upperBound, kind: "connection-password",
                    priority: Span.structural)
    }
}
