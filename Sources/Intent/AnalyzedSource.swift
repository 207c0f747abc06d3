/// A document plus its language and the lexical state at the start of every line, so any
/// line can be asked "is this comment, code, or inside a string?" in constant time.
struct AnalyzedSource {
    let text: SourceText
    let spec: LanguageSpec
    let lexer: Lexer
    /// Lexical state at the start of each line.
    let lineStates: [LexState]

    init(text: SourceText, spec: LanguageSpec) {
        self.text = text
        self.spec = spec
        let lexer = Lexer(syntax: spec.lexical, bytes: text.bytes)
        self.lexer = lexer
        var states: [LexState] = [.code]
        states.reserveCapacity(text.lineCount)
        lexer.scan(from: 0, to: text.bytes.count, state: .code, onLineStart: { _, state in
            states.append(state)
        }, onCode: { _ in true })
        // One state per line even if the scanner and the line index disagree at the very end.
        while states.count < text.lineCount { states.append(states.last ?? .code) }
        self.lineStates = Array(states.prefix(text.lineCount))
    }

    func startsInCode(_ line: Int) -> Bool {
        text.isValidLine(line) && lineStates[line] == .code
    }

    /// The line starts inside a block comment (`/* ... */`, `--[[ ... ]]`).
    func startsInBlockComment(_ line: Int) -> Bool {
        guard text.isValidLine(line) else { return false }
        switch lineStates[line] {
        case .blockComment, .luaLongComment: return true
        default: return false
        }
    }

    /// A line that holds only comment: a line comment, or part of a block comment.
    func isCommentLine(_ line: Int) -> Bool {
        guard text.isValidLine(line) else { return false }
        if startsInBlockComment(line) { return true }
        guard startsInCode(line), !text.isBlank(line) else { return false }
        return lexer.commentOpening(at: text.firstNonBlankOffset(line)) != nil
    }

    /// The line is a line comment (`//`, `#`, `--`) starting in code.
    func isLineCommentLine(_ line: Int) -> Bool {
        guard text.isValidLine(line), startsInCode(line), !text.isBlank(line) else { return false }
        return lexer.commentOpening(at: text.firstNonBlankOffset(line)) == .lineComment
    }

    /// Offset of the first code byte at or after `offset` on the same line, if any.
    func firstCodeOffset(line: Int, from offset: Int) -> Int? {
        guard text.isValidLine(line) else { return nil }
        var found: Int?
        lexer.scan(from: offset, to: text.lineEnds[line], state: .code) { index in
            let byte = text.bytes[index]
            if byte == 0x20 || byte == 0x09 { return true }
            found = index
            return false
        }
        return found
    }
}
