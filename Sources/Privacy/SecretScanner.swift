/// One forward pass over the text's UTF-8 bytes, dispatching at word starts (token formats,
/// secret-sounding names), at `://` (connection strings) and at `-----` (PEM blocks). Every
/// sub-scan is bounded, so the whole pass is linear in the text's length.
struct SecretScanner {
    let text: ByteText
    let policy: ValuePolicy

    func scan() -> [Span] {
        var spans: [Span] = []
        var index = 0
        let count = text.count
        while index < count {
            let b = text[index]
            if ByteClass.isWord(b) {
                guard index == 0 || !ByteClass.isWord(text[index - 1]) else {
                    index += 1
                    continue
                }
                if let span = TokenPatterns.match(text, at: index) {
                    spans.append(span)
                    index = span.end
                    continue
                }
                index = scanName(at: index, into: &spans)
                continue
            }
            if b == UInt8(ascii: ":"), let span = StructuralSecrets.connectionPassword(text, colon: index) {
                spans.append(span)
            } else if b == UInt8(ascii: "-"), text.has("-----", at: index),
                      let span = StructuralSecrets.privateKeyBlock(text, at: index) {
                spans.append(span)
                index = max(span.end, index + 1)
                continue
            }
            index += 1
        }
        return spans
    }

    /// Reads the name starting at `start` (words joined by `.` or `-`); when it sounds like a
    /// secret and a value is assigned to it, records the value. Returns where scanning resumes.
    private func scanName(at start: Int, into spans: inout [Span]) -> Int {
        let wordEnd = text.runEnd(from: start, limit: 256, ByteClass.isWord)
        var nameEnd = wordEnd
        while nameEnd - start < 128, text.at(nameEnd) == UInt8(ascii: ".") || text.at(nameEnd) == UInt8(ascii: "-"),
              ByteClass.isWord(text.at(nameEnd + 1)) {
            nameEnd = text.runEnd(from: nameEnd + 1, limit: 128, ByteClass.isWord)
        }
        guard let keyClass = KeyNames.classify(text, start..<nameEnd),
              let assignment = Assignment.parse(text, keyStart: start, keyEnd: nameEnd)
        else { return wordEnd }
        if let kind = policy.kind(of: assignment, keyClass: keyClass, in: text) {
            spans.append(Span(start: assignment.value.lowerBound, end: assignment.value.upperBound,
                              kind: kind, priority: Span.generic))
        }
        // Resume inside the value: a recognised token there gets its specific kind.
        return max(wordEnd, min(nameEnd, assignment.value.lowerBound))
    }
}
