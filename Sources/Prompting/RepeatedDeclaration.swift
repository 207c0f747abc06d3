import DocwrightCore

/// Chat models often answer with the whole function although only its body was asked for:
/// find the task's declaration in the reply and keep what follows it (its docstring skipped).
enum RepeatedDeclaration {
    /// Finds the declaration among the first `searchLines` non-blank lines of the reply (chat replies
    /// may open with imports; continuations of a prompt would repeat it on their first line if at all).
    static func skip(
        _ bytes: [UInt8], _ window: Range<Int>, task: GenerationTask, traits: LanguageTraits, mask: CodeMask,
        searchLines: Int
    ) -> Range<Int> {
        if let name = FunctionName.of(task.signature),
           let body = bodyAfterDeclaration(bytes, window, name: name, traits: traits, mask: mask, searchLines: searchLines) {
            return skipRepeatedDoc(bytes, body, task: task, traits: traits)
        }
        return skipRepeatedDoc(bytes, window, task: task, traits: traits)
    }

    private static func bodyAfterDeclaration(
        _ bytes: [UInt8], _ window: Range<Int>, name: String, traits: LanguageTraits, mask: CodeMask, searchLines: Int
    ) -> Range<Int>? {
        var seen = 0
        for line in ByteLines.lines(bytes, window) where !ByteLines.isBlank(bytes, line) {
            seen += 1
            if seen > searchLines { return nil }
            let text = ByteLines.string(bytes, line).trimmedSpaces()
            guard declares(text, name: name, traits: traits) else { continue }
            switch traits.family {
            case .python:
                guard let colon = firstCode(0x3A, from: line.lowerBound, bytes, window, mask: mask) else { return nil }
                return nextLineStart(after: colon, bytes, window)
            case .braces:
                guard let brace = firstCode(0x7B, from: line.lowerBound, bytes, window, mask: mask, stopAt: 0x3B) else { continue }
                return nextLineStartIfRestBlank(after: brace, bytes, window)
            case .endKeyword:
                return nextLineStart(after: line.upperBound - 1, bytes, window)
            }
        }
        return nil
    }

    private static let notDeclarations = [
        "return", "if ", "if(", "while", "for ", "for(", "print", "console.", "assert", "echo", "puts", "else", "elif",
        "switch", "await", "yield", "=", "match ", "loop", "when", "guard", "do ", "do{", "try", "catch", "defer", "with ",
        "let ", "var ", "val ", "self.", "this.",
    ]

    private static func declares(_ line: String, name: String, traits: LanguageTraits) -> Bool {
        guard line.contains(name + "(") || line.contains(name + "<") || line.contains(name + " =")
                || (traits.family == .endKeyword && line.hasPrefix("def ")) else { return false }
        if notDeclarations.contains(where: { line.hasPrefix($0) }) { return false }
        switch traits.family {
        case .python: return line.hasPrefix("def ") || line.hasPrefix("async def ")
        case .endKeyword: return line.hasPrefix("def ") || line.contains("function")
        case .braces: return true
        }
    }

    /// First code byte equal to `target` after `start`, outside parentheses; nil at `stopAt`, at the
    /// window's end, or at a line break (outside parentheses) not followed by a continuation line.
    /// Comments and strings are the grammar's (`mask`).
    private static func firstCode(
        _ target: UInt8, from start: Int, _ bytes: [UInt8], _ window: Range<Int>, mask: CodeMask, stopAt: UInt8? = nil
    ) -> Int? {
        var depth = 0
        let continuations = ["{", "where", "->", "throws", ":", ")"]
        for offset in start..<window.upperBound {
            let byte = bytes[offset]
            if byte == 0x0A {
                guard depth == 0, target == 0x7B else { continue }
                let next = ByteLines.string(bytes, (offset + 1)..<ByteLines.lineEnd(bytes, from: offset + 1, limit: window.upperBound))
                if !continuations.contains(where: { next.trimmedSpaces().hasPrefix($0) }) { return nil }
                continue
            }
            guard mask.isCode(offset) else { continue }
            if byte == 0x28 || byte == 0x5B { depth += 1 }
            if byte == 0x29 || byte == 0x5D { depth -= 1 }
            if depth == 0, byte == target { return offset }
            if depth == 0, let stopAt, byte == stopAt { return nil }
        }
        return nil
    }

    private static func nextLineStart(after offset: Int, _ bytes: [UInt8], _ window: Range<Int>) -> Range<Int> {
        let end = ByteLines.lineEnd(bytes, from: offset, limit: window.upperBound)
        return min(end + 1, window.upperBound)..<window.upperBound
    }

    /// After `{`: the next line when the rest of the line is blank, else right after the brace.
    private static func nextLineStartIfRestBlank(after brace: Int, _ bytes: [UInt8], _ window: Range<Int>) -> Range<Int> {
        let end = ByteLines.lineEnd(bytes, from: brace + 1, limit: window.upperBound)
        if ByteLines.isBlank(bytes, (brace + 1)..<end) { return min(end + 1, window.upperBound)..<window.upperBound }
        return (brace + 1)..<window.upperBound
    }

    /// Drops a docstring (Python bodies) and leading comment lines that repeat the task's documentation.
    static func skipRepeatedDoc(_ bytes: [UInt8], _ window: Range<Int>, task: GenerationTask, traits: LanguageTraits) -> Range<Int> {
        let start = ByteLines.skipLeadingBlankLines(bytes, window)
        guard !start.isEmpty else { return start }
        let firstLine = start.lowerBound..<ByteLines.lineEnd(bytes, from: start.lowerBound, limit: window.upperBound)
        let text = ByteLines.string(bytes, firstLine).trimmedSpaces()
        let unprefixed = text.drop { "rRuUbBfF".contains($0) }
        if traits.family == .python, task.shape != .nextLines, unprefixed.hasPrefix("\"\"\"") || unprefixed.hasPrefix("'''") {
            let quote = Array(unprefixed.prefix(3).utf8)
            let open = ByteLines.find(quote, in: bytes, firstLine) ?? firstLine.lowerBound
            guard let close = ByteLines.find(quote, in: bytes, (open + 3)..<window.upperBound) else { return start }
            return nextLineStart(after: close + 2, bytes, window)
        }
        // Comment lines whose words all come from the documentation.
        var cursor = start.lowerBound
        let doc = task.docText.lowercased()
        while cursor < window.upperBound, !doc.isEmpty {
            let end = ByteLines.lineEnd(bytes, from: cursor, limit: window.upperBound)
            let line = ByteLines.string(bytes, cursor..<end).trimmedSpaces()
            let words = String(line.drop { "/*-#! ".contains($0) }).trimmedSpaces().lowercased()
            let isComment = line.hasPrefix(traits.lineComment) || line.hasPrefix("/*") || line.hasPrefix("*")
            guard isComment, words.isEmpty || doc.contains(words) else { break }
            cursor = min(end + 1, window.upperBound)
        }
        return cursor..<window.upperBound
    }
}
