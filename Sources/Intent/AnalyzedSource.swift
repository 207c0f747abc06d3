import Syntax

/// A document plus its language and what its syntax tree says about each line near the
/// cursor: comment, code, or the inside of a string, asked in logarithmic time.
struct AnalyzedSource {
    /// Lines looked at on either side of the cursor: the finders look at most a few hundred
    /// lines up (comments) and down (signatures, bodies). Lines outside read as code.
    static let windowLines = 1_000

    let text: SourceText
    let spec: LanguageSpec
    let map: LexicalMap
    let tree: SyntaxTree
    /// The lines the map covers.
    let window: ClosedRange<Int>

    init(text: SourceText, spec: LanguageSpec, tree: SyntaxTree, around line: Int) {
        self.text = text
        self.spec = spec
        self.tree = tree
        let last = max(text.lineCount - 1, 0)
        let first = min(max(line - Self.windowLines, 0), last)
        window = first...min(max(line + Self.windowLines, first), last)
        map = LexicalMap(tree: tree, window: text.lineStarts[window.lowerBound]..<text.lineEnds[window.upperBound])
    }

    /// The line starts outside any comment or string that began on an earlier line.
    func startsInCode(_ line: Int) -> Bool {
        text.isValidLine(line) && map.continuesSpan(at: text.lineStarts[line]) == nil
    }

    /// The line starts inside a block comment (`/* ... */`, `--[[ ... ]]`) opened above it.
    func startsInBlockComment(_ line: Int) -> Bool {
        text.isValidLine(line) && map.continuesSpan(at: text.lineStarts[line])?.kind == .comment
    }

    /// A line that holds only comment: a line comment, or part of a block comment.
    func isCommentLine(_ line: Int) -> Bool {
        guard text.isValidLine(line) else { return false }
        if startsInBlockComment(line) { return true }
        guard startsInCode(line), !text.isBlank(line) else { return false }
        return map.commentStarts(at: text.firstNonBlankOffset(line))
    }

    /// Offset of the first code byte at or after `offset` on the same line, if any.
    func firstCodeOffset(line: Int, from offset: Int) -> Int? {
        guard text.isValidLine(line) else { return nil }
        var found: Int?
        map.scanCode(from: offset, to: text.lineEnds[line]) { index in
            let byte = text.bytes[index]
            if byte == 0x20 || byte == 0x09 { return true }
            found = index
            return false
        }
        return found
    }
}
