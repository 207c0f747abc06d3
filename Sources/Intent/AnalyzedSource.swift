import Syntax

/// A document plus its language and what its syntax tree says about each line near the
/// cursor: comment, code, or the inside of a string, asked in logarithmic time.
struct AnalyzedSource {
    /// Lines read on either side of the cursor at first: finders mostly look a few dozen lines
    /// up (comments) and down (signatures, bodies).
    static let initialLines = 150
    /// How far past a line it asks about the map reads when a finder looks outside what it has read.
    static let growthLines = 400

    let text: SourceText
    let spec: LanguageSpec
    let tree: SyntaxTree
    private let lexical: Lexical

    /// The document's `LexicalMap`, grown on demand (one request's finders share it, on one thread).
    private final class Lexical {
        var map: LexicalMap
        init(_ map: LexicalMap) { self.map = map }
    }

    init(text: SourceText, spec: LanguageSpec, tree: SyntaxTree, around line: Int) {
        self.text = text
        self.spec = spec
        self.tree = tree
        lexical = Lexical(LexicalMap(tree: tree, window: Self.lines(around: line, Self.initialLines, in: text)))
    }

    /// The bytes of the lines within `radius` of `line`.
    private static func lines(around line: Int, _ radius: Int, in text: SourceText) -> Range<Int> {
        let last = max(text.lineCount - 1, 0)
        let first = min(max(line - radius, 0), last)
        return text.lineStarts[first]..<text.lineEnds[min(max(line + radius, first), last)]
    }

    /// The map, having read at least `range` (and `growthLines` beyond it when it had to read more).
    func map(covering range: Range<Int>) -> LexicalMap {
        let covered = lexical.map.covered
        if range.lowerBound < covered.lowerBound || range.upperBound > covered.upperBound {
            let low = Self.lines(around: text.line(ofOffset: max(range.lowerBound, 0)), Self.growthLines, in: text)
            let high = Self.lines(around: text.line(ofOffset: max(range.upperBound - 1, 0)), Self.growthLines, in: text)
            lexical.map.cover(min(low.lowerBound, range.lowerBound)..<max(high.upperBound, range.upperBound), of: tree)
        }
        return lexical.map
    }

    /// The map, having read the line at `offset`.
    func map(at offset: Int) -> LexicalMap { map(covering: offset..<(offset + 1)) }

    /// The line starts outside any comment or string that began on an earlier line.
    func startsInCode(_ line: Int) -> Bool {
        text.isValidLine(line) && map(at: text.lineStarts[line]).continuesSpan(at: text.lineStarts[line]) == nil
    }

    /// The line starts inside a block comment (`/* ... */`, `--[[ ... ]]`) opened above it.
    func startsInBlockComment(_ line: Int) -> Bool {
        text.isValidLine(line) && map(at: text.lineStarts[line]).continuesSpan(at: text.lineStarts[line])?.kind == .comment
    }

    /// A line that holds only comment: a line comment, or part of a block comment.
    func isCommentLine(_ line: Int) -> Bool {
        guard text.isValidLine(line) else { return false }
        if startsInBlockComment(line) { return true }
        guard startsInCode(line), !text.isBlank(line) else { return false }
        let first = text.firstNonBlankOffset(line)
        return map(at: first).commentStarts(at: first)
    }

    /// Offset of the first code byte at or after `offset` on the same line, if any.
    func firstCodeOffset(line: Int, from offset: Int) -> Int? {
        guard text.isValidLine(line) else { return nil }
        var found: Int?
        map(covering: offset..<text.lineEnds[line]).scanCode(from: offset, to: text.lineEnds[line]) { index in
            let byte = text.bytes[index]
            if byte == 0x20 || byte == 0x09 { return true }
            found = index
            return false
        }
        return found
    }
}
