import DocwrightCore
import Syntax

/// Everything the per-language finders share for one request, and the one place that turns
/// their findings into a `GenerationTask`.
struct IntentContext {
    let source: AnalyzedSource
    let language: String
    let cursorLine: Int
    let path: String?
    let indentUnit: String
    let imports: [String]

    init(source: AnalyzedSource, language: String, cursorLine: Int, path: String?) {
        self.source = source
        self.language = language
        self.cursorLine = cursorLine
        self.path = path
        self.indentUnit = IndentStyle.detectUnit(in: source, around: cursorLine)
        self.imports = ImportScanner.scan(source, cursorLine: cursorLine)
    }

    var text: SourceText { source.text }
    var spec: LanguageSpec { source.spec }

    /// 1-based line number for messages.
    func displayLine(_ line: Int) -> Int { line + 1 }

    func makeTask(
        shape: GenerationTask.Shape, signature: String, rawDoc: String, docText: String,
        insertion: SourceRange, indentation: String, closerPresent: Bool
    ) -> GenerationTask {
        let start = text.offset(of: insertion.start)
        let end = max(text.offset(of: insertion.end), start)
        var task = GenerationTask(
            language: language, shape: shape, signature: signature, docText: docText, rawDoc: rawDoc,
            prefix: text.string(0..<start), suffix: text.string(end..<text.bytes.count),
            imports: imports, insertion: insertion, indentation: indentation, indentUnit: indentUnit,
            closerPresent: closerPresent, path: path)
        task.parseContextLength = start - source.tree.contextStart(before: start)
        return task
    }

    /// Where text goes "on the line after `line`": the start of the next line, or the whole of
    /// that line when it holds only whitespace (editor auto-indent), or the end of the text.
    func insertionAfter(line: Int) -> SourceRange {
        let next = line + 1
        guard text.isValidLine(next) else {
            return SourceRange(at: SourcePosition(line: line, utf8Column: text.lineLength(line)))
        }
        if text.isBlank(next), text.lineLength(next) > 0 {
            return SourceRange(start: SourcePosition(line: next, utf8Column: 0),
                               end: SourcePosition(line: next, utf8Column: text.lineLength(next)))
        }
        return SourceRange(at: SourcePosition(line: next, utf8Column: 0))
    }

    /// Source text of a byte range with line breaks normalised to `\n`.
    func normalizedString(_ range: Range<Int>) -> String {
        text.string(range).replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
    }
}
