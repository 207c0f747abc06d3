import DocwrightCore
import Languages
import Syntax

/// The document's import/include/use/require statements, as written (the registry's `imports`
/// query over the syntax tree). The modules they name are read by `Language.ImportForm.modules`
/// (Languages) where they are needed: routing by domain.
enum ImportScanner {
    /// Lines read from the top: imports live there. Beyond it only the lines around the cursor
    /// are read (the function being written may import lazily), so a request on a large file does
    /// not run the query over all of it.
    static let headLines = 1_000
    static let linesAroundCursor = 200

    static func scan(_ source: AnalyzedSource, cursorLine: Int) -> [String] {
        let text = source.text
        let language = source.spec.entry
        let last = max(text.lineCount - 1, 0)
        let head = 0..<text.lineEnds[min(text.lineCount, headLines) - 1]
        let near = text.lineStarts[min(max(cursorLine - linesAroundCursor, 0), last)]
            ..< text.lineEnds[min(max(cursorLine + linesAroundCursor, 0), last)]
        let ranges = near.lowerBound <= head.upperBound ? [0..<max(head.upperBound, near.upperBound)] : [head, near]
        guard let query = try? SyntaxQuery.cached(language: source.tree.language, source: language.queries.imports),
              let captures = try? ranges.flatMap({ try source.tree.captures(of: query, in: $0) })
        else { return [] }
        var imports: [String] = []
        var seenUpTo = -1
        for capture in captures where capture.name == "import" && capture.node.startByte > seenUpTo {
            seenUpTo = capture.node.endByte - 1
            // Comments inside a statement are not part of it (the grammar's, not a marker search).
            let code = String(decoding: source.tree.codeText(of: capture.node.byteRange), as: UTF8.self)
            imports.append(code.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n").trimmingWhitespace())
        }
        return imports
    }
}
