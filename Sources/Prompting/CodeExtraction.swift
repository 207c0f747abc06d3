import Languages

/// Finds the code in a chat reply: the first fenced block (preferring one tagged with the
/// language), else the reply without the prose lines around it.
enum CodeExtraction {
    static func codeRegion(_ bytes: [UInt8], _ window: Range<Int>, traits: LanguageTraits) -> Range<Int> {
        let window = skipThinking(bytes, window)
        let lines = ByteLines.lines(bytes, window)
        var blocks: [(tag: String, content: Range<Int>)] = []
        var open: (tag: String, start: Int)?
        for line in lines {
            let text = ByteLines.string(bytes, line).trimmingLeadingSpaces()
            guard text.hasPrefix("```") || text.hasPrefix("~~~") else { continue }
            if let current = open {
                blocks.append((current.tag, current.start..<line.lowerBound))
                open = nil
            } else {
                let tag = String(text.dropFirst(3)).trimmedSpaces().lowercased()
                open = (tag, min(line.upperBound + 1, window.upperBound))
            }
        }
        if let current = open { blocks.append((current.tag, current.start..<window.upperBound)) }
        let nonEmpty = blocks.filter { !ByteLines.isBlank(bytes, $0.content) }
        if let tagged = nonEmpty.first(where: { matchesLanguage($0.tag, traits) }) ?? nonEmpty.first {
            return tagged.content
        }
        if !blocks.isEmpty { return window.upperBound..<window.upperBound }
        return withoutProse(bytes, window)
    }

    private static func matchesLanguage(_ tag: String, _ traits: LanguageTraits) -> Bool {
        let first = String(tag.split(separator: " ").first ?? "")
        return (traits.entry?.fenceTags ?? [traits.id]).contains(first)
    }

    /// Drops a leading `<think>…</think>` section some reasoning models emit.
    private static func skipThinking(_ bytes: [UInt8], _ window: Range<Int>) -> Range<Int> {
        let start = ByteLines.skipLeadingBlankLines(bytes, window).lowerBound
        let open = Array("<think>".utf8)
        guard start + open.count <= window.upperBound, Array(bytes[start..<start + open.count]) == open,
              let close = ByteLines.find(Array("</think>".utf8), in: bytes, start..<window.upperBound) else { return window }
        return (close + 8)..<window.upperBound
    }

    /// The reply without leading and trailing prose lines ("Here is the implementation:").
    private static func withoutProse(_ bytes: [UInt8], _ window: Range<Int>) -> Range<Int> {
        var lines = ByteLines.lines(bytes, window)
        while let first = lines.first, ByteLines.isBlank(bytes, first) || isProse(ByteLines.string(bytes, first)) {
            lines.removeFirst()
        }
        while let last = lines.last, ByteLines.isBlank(bytes, last) || isProse(ByteLines.string(bytes, last)) {
            lines.removeLast()
        }
        guard let first = lines.first, let last = lines.last else { return window.upperBound..<window.upperBound }
        var region = first.lowerBound..<last.upperBound
        // A one-line reply wrapped in backticks: `return a + b`.
        let text = ByteLines.string(bytes, region).trimmedSpaces()
        if lines.count == 1, text.count > 2, text.hasPrefix("`"), text.hasSuffix("`") {
            let lead = bytes[region].firstIndex(of: 0x60) ?? region.lowerBound
            let trail = bytes[region].lastIndex(of: 0x60) ?? region.upperBound
            if lead < trail { region = (lead + 1)..<trail }
        }
        return region
    }

    private static let codeStarts = [
        "def ", "class ", "if ", "for ", "while ", "return", "import ", "from ", "func ", "fn ", "function ", "fun ",
        "let ", "var ", "const ", "val ", "public ", "private ", "static ", "else", "elif ", "try", "except", "with ",
        "raise ", "throw ", "print", "local ", "end", "#", "//", "--", "@", "}",
    ]

    /// Sentence-like: starts with a letter, has several words, ends like a sentence or a colon,
    /// and holds none of the characters code is made of.
    static func isProse(_ line: String) -> Bool {
        let text = line.trimmedSpaces()
        guard let first = text.first, first.isLetter, !codeStarts.contains(where: { text.hasPrefix($0) }) else { return false }
        guard text.split(separator: " ").count >= 3 else { return false }
        guard let last = text.last, ".:!?".contains(last) else { return false }
        let codeMarks = ["=", ";", "{", "}", "[", "->", "=>", "()", "\""]
        if codeMarks.contains(where: { text.contains($0) }) { return false }
        // `name(` is a call; "code (in Python)" with a space is prose.
        var previous: Character = " "
        for character in text {
            if character == "(", previous.isLetter || previous.isNumber || previous == "_" { return false }
            previous = character
        }
        return true
    }
}

extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " || $0 == "\t" }) }

    func trimmedSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
