import Languages

/// Cuts a model's text where the function (or the requested lines) ends: Python by dedent,
/// brace languages by brace balance, Ruby/Lua by `end` balance. The window must start at the
/// first non-blank line.
enum BodyCutter {
    enum Mode {
        /// Lines at the body's indentation; ends at the first line indented less (Python bodies, next lines).
        case indented
        /// A whole Python function: ends at the first line after its signature indented no deeper than `def`.
        case pythonFunction
        /// A brace body without its closing brace; ends before the `}` that closes it.
        case braceBody
        /// A whole brace function; ends after the `}` that balances its first `{`.
        case braceFunction
        /// An `end` body without its `end`; ends before the `end` that closes it.
        case endBody
        /// A whole `function ... end`; ends after its balancing `end`.
        case endFunction
    }

    static func cut(_ bytes: [UInt8], _ window: Range<Int>, mode: Mode, traits: LanguageTraits, mask: CodeMask) -> Range<Int> {
        guard !window.isEmpty else { return window }
        let end: Int?
        switch mode {
        case .indented: end = dedentCut(bytes, window, mask: mask, afterSignature: false)
        case .pythonFunction: end = dedentCut(bytes, window, mask: mask, afterSignature: true)
        case .braceBody: end = braceCut(bytes, window, mask: mask, whole: false)
        case .braceFunction: end = braceCut(bytes, window, mask: mask, whole: true)
        case .endBody: end = keywordCut(bytes, window, mask: mask, traits: traits, whole: false)
        case .endFunction: end = keywordCut(bytes, window, mask: mask, traits: traits, whole: true)
        }
        var result = window.lowerBound..<(end ?? window.upperBound)
        // Brace and end bodies may also stop at a dedent (a model that forgot the closer).
        if mode == .braceBody || mode == .endBody, let dedent = dedentCut(bytes, result, mask: mask, afterSignature: false) {
            result = window.lowerBound..<dedent
        }
        return result
    }

    /// Start of the first line (outside brackets and strings) indented less than the first line,
    /// or — for whole functions — no deeper than it, once the signature's `:` has been seen.
    private static func dedentCut(_ bytes: [UInt8], _ window: Range<Int>, mask: CodeMask, afterSignature: Bool) -> Int? {
        let lines = ByteLines.lines(bytes, window)
        guard let first = lines.first else { return nil }
        let base = ByteLines.indentWidth(bytes, first)
        var depth = 0
        var bodyStarted = !afterSignature
        for (index, line) in lines.enumerated() {
            if index > 0, depth == 0, bodyStarted, !mask.startsInString(line.lowerBound),
               !ByteLines.isBlank(bytes, line) {
                let width = ByteLines.indentWidth(bytes, line)
                if afterSignature ? width <= base : width < base { return line.lowerBound }
            }
            var lastCode: UInt8?
            for offset in line where mask.isCode(offset) {
                switch bytes[offset] {
                case 0x28, 0x5B, 0x7B: depth += 1
                case 0x29, 0x5D, 0x7D: depth = max(depth - 1, 0)
                default: break
                }
                if !ByteLines.isSpace(bytes[offset]) { lastCode = bytes[offset] }
            }
            if afterSignature, !bodyStarted, depth == 0, lastCode == 0x3A { bodyStarted = true }
        }
        return nil
    }

    private static func braceCut(_ bytes: [UInt8], _ window: Range<Int>, mask: CodeMask, whole: Bool) -> Int? {
        var depth = 0
        var opened = false
        for offset in window where mask.isCode(offset) {
            switch bytes[offset] {
            case 0x7B:
                depth += 1
                opened = true
            case 0x7D:
                depth -= 1
                if whole, opened, depth == 0 { return offset + 1 }
                if depth < 0 { return cutBefore(offset, bytes, window) }
            default: break
            }
        }
        return nil
    }

    /// Cuts before the token at `offset`: at its line start when only whitespace precedes it.
    private static func cutBefore(_ offset: Int, _ bytes: [UInt8], _ window: Range<Int>) -> Int {
        let start = ByteLines.lineStart(bytes, containing: offset, floor: window.lowerBound)
        return ByteLines.isBlank(bytes, start..<offset) ? start : offset
    }

    private static func keywordCut(
        _ bytes: [UInt8], _ window: Range<Int>, mask: CodeMask, traits: LanguageTraits, whole: Bool
    ) -> Int? {
        let blocks = traits.entry?.endBlocks ?? Language.EndBlocks()
        let functionWords = traits.entry?.declarationKeywords ?? []
        var depth = 0
        var opened = false
        for line in ByteLines.lines(bytes, window) {
            let words = codeWords(bytes, line, mask: mask)
            var loopPending = false
            for (index, word) in words.enumerated() {
                let delta = keywordDelta(word.text, blocks: blocks, firstOnLine: index == 0, loopPending: &loopPending)
                if delta > 0 { opened = opened || functionWords.contains(word.text) }
                depth += delta
                guard word.text == "end" else { continue }
                if whole, opened, depth == 0 {
                    return ByteLines.lineEnd(bytes, from: word.offset, limit: window.upperBound)
                }
                if depth < 0 { return cutBefore(word.offset, bytes, window) }
            }
        }
        return nil
    }

    /// How a word changes the block depth in an end-keyword language (its registry entry's
    /// `endBlocks`). Loop words take their `do` with them.
    private static func keywordDelta(_ word: String, blocks: Language.EndBlocks, firstOnLine: Bool,
                                     loopPending: inout Bool) -> Int {
        switch word {
        case "end": return -1
        case "do":
            if loopPending { loopPending = false; return 0 }
            return 1
        default: break
        }
        if blocks.closers.contains(word) { return -1 }
        if blocks.openers.contains(word) || (firstOnLine && blocks.lineStartOpeners.contains(word)) { return 1 }
        if blocks.loops.contains(word) || (firstOnLine && blocks.lineStartLoops.contains(word)) {
            loopPending = true
            return 1
        }
        return 0
    }

    private struct Word {
        let text: String
        let offset: Int
    }

    /// Identifier-like words made of code bytes on one line.
    private static func codeWords(_ bytes: [UInt8], _ line: Range<Int>, mask: CodeMask) -> [Word] {
        var words: [Word] = []
        var start: Int?
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x3F || byte == 0x21
        }
        for offset in line.lowerBound...line.upperBound {
            let inWord = offset < line.upperBound && mask.isCode(offset) && isWordByte(bytes[offset])
            if inWord, start == nil { start = offset }
            if !inWord, let begin = start {
                // A word preceded by `.` or `:` is a method or symbol (`x.end`, `:end`), not a keyword.
                let preceded = begin > line.lowerBound && (bytes[begin - 1] == 0x2E || bytes[begin - 1] == 0x3A)
                if !preceded { words.append(Word(text: ByteLines.string(bytes, begin..<offset), offset: begin)) }
                start = nil
            }
        }
        return words
    }
}
