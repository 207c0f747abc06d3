import DocwrightCore
import Languages
import Syntax

/// Intent shapes read from the syntax tree (`Syntax`, queries from the `Languages` registry).
///
/// `nextLinesInBody`: a plain comment inside an existing function body (or an anonymous
/// function's: a callback, a closure, a Ruby block), followed by code — "what
/// to do next" (`# drop the rows whose email is empty` above the code that uses them). The task
/// is the next lines after the comment, fill-in-the-middle: the insertion is an empty range at
/// the start of the line after the comment, with the comment's indentation, and the code after
/// it is the suffix (context, not replaced).
enum TreeIntent {
    static func nextLinesInBody(tree: SyntaxTree, context: IntentContext, language: Language) -> Finding? {
        let source = context.source
        let text = context.text
        // The tree must be of this very text: offsets are shared.
        guard tree.utf8.count == text.bytes.count else { return nil }
        // The comment block on the cursor's line, or ending on the line above it (the cursor on the code below).
        var line = context.cursorLine
        if !source.isCommentLine(line), line > 0, source.isCommentLine(line - 1) { line -= 1 }
        guard source.isCommentLine(line), let block = CommentBlock.containing(line, in: source), block.hasWords else { return nil }
        let next = block.lastLine + 1
        guard text.isValidLine(next), !text.isBlank(next) else { return nil }
        let indentation = text.indentation(block.firstLine)
        let commentStart = text.offset(of: SourcePosition(line: block.firstLine, utf8Column: indentation.utf8.count))
        let codeStart = text.offset(of: SourcePosition(line: next, utf8Column: text.indentation(next).utf8.count))
        // Functions, and anonymous ones (a callback's body, a closure, a Ruby block) alike.
        var functions: [SyntaxQueryMatch] = []
        for source in [language.queries.functions, language.queries.closures] where !source.isEmpty {
            guard let query = try? SyntaxQuery.cached(language: tree.language, source: source),
                  let matches = try? tree.matches(of: query, in: commentStart..<(commentStart + 1)) else { return nil }
            functions += matches
        }
        let inBody = functions.contains { match in
            guard let function = match["function"], let body = match["body"] else { return false }
            // Inside the function, below its first line, and the code after it is still the function's.
            return function.byteRange.contains(commentStart) && function.byteRange.contains(codeStart)
                && function.startPoint.row < block.firstLine
                && (body.byteRange.contains(commentStart) || body.startByte > function.startByte)
        }
        guard inBody else { return nil }
        let standIns = placeholderLines(from: next, indentation: indentation, in: source)
        let end = standIns.upperBound
        let insertion = SourceRange(start: SourcePosition(line: next, utf8Column: 0),
                                    end: text.isValidLine(end) ? SourcePosition(line: end, utf8Column: 0)
                                        : SourcePosition(line: end - 1, utf8Column: text.lineLength(end - 1)))
        let task = context.makeTask(
            shape: .nextLines, signature: "", rawDoc: block.rawDoc, docText: block.docText,
            insertion: standIns.isEmpty ? SourceRange(at: insertion.start) : insertion, indentation: indentation,
            closerPresent: true)
        return Finding(outcome: .task(task), extent: block.firstLine...max(next, end - 1))
    }

    /// The lines from `first` on that only stand in for the code the comment asks for — `pass`,
    /// `todo!()`, `throw new Error("TODO")`, a `// TODO` — at the comment's indentation: the
    /// generated lines replace them. A `return` of a default value is not among them here: below
    /// a comment inside a body it is the function's real ending.
    private static func placeholderLines(from first: Int, indentation: String, in source: AnalyzedSource) -> Range<Int> {
        let text = source.text
        var line = first
        while text.isValidLine(line), line - first < 20, !text.isBlank(line), text.indentation(line) == indentation {
            let code = text.trimmed(line)
            // A line that also closes the block (`throw new Error("TODO"); }`, Lua's `error("x") end`) stays.
            let closes = code.hasSuffix("}") || code.hasSuffix(" end") || code.hasSuffix(";end")
            let kind = StubPatterns.classify(line: line, in: source, defaultReturns: false)
            guard kind == .marker || (kind == .placeholder && !closes) else { break }
            line += 1
        }
        return first..<line
    }
}
