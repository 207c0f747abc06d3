import DocwrightCore
import Syntax

/// Python `def`s: signature up to its `:`, the docstring (or a `#` comment block above), and the
/// stub body after it (`pass`, `...`, `raise NotImplementedError`, or nothing).
enum PythonDeclarations {
    static let maximumBodyLines = 400
    static let maximumDocstringLines = 400

    static func isDefLine(_ line: Int, in source: AnalyzedSource) -> Bool {
        guard source.startsInCode(line) else { return false }
        let trimmed = source.text.trimmed(line)
        return trimmed.hasPrefix("def ") || trimmed.hasPrefix("async def ") || trimmed.hasPrefix("def\t")
    }

    /// nil when the line is not a `def`. `commentAbove` documents the def when it has no docstring.
    static func analyze(at line: Int, commentAbove: AttachedDoc?, in context: IntentContext) -> Finding? {
        let text = context.text
        guard text.isValidLine(line), isDefLine(line, in: context.source) else { return nil }
        let name = FunctionName.of(text.trimmed(line)) ?? "the function"
        let firstLine = commentAbove?.firstLine ?? line
        guard let colon = TreeDeclaration.signatureEnd(line: line, in: context.source) else {
            return Finding(outcome: .rejected("the signature of `\(name)` at line \(context.displayLine(line)) is incomplete"),
                           extent: firstLine...line)
        }
        let signatureLine = text.line(ofOffset: colon)
        let signature = context.normalizedString(text.firstNonBlankOffset(line)..<colon + 1)
        let signatureIndent = text.indentation(line)
        if context.source.firstCodeOffset(line: signatureLine, from: colon + 1) != nil {
            return Finding(outcome: .rejected("`\(name)` at line \(context.displayLine(line)) is a one-line def; "
                                              + "put its body on the next lines"),
                           extent: firstLine...signatureLine)
        }

        // First body line: a docstring, or the stub itself.
        var bodyLine = signatureLine + 1
        while text.isValidLine(bodyLine), text.isBlank(bodyLine), bodyLine - signatureLine < maximumBodyLines { bodyLine += 1 }
        let hasBody = text.isValidLine(bodyLine) && !text.isBlank(bodyLine)
            && text.indentationWidth(bodyLine) > signatureIndent.utf8.count
        var doc = commentAbove
        var afterDoc = signatureLine
        var bodyIndent = signatureIndent + context.indentUnit
        // A function-local import may come first (`import math` then the "docstring", as in
        // HumanEval/115): Python then keeps the string as a plain statement, but it still says
        // what the function should do.
        let docLine = hasBody ? lineAfterLocalImports(from: bodyLine, in: context) : bodyLine
        if hasBody, let docstring = docstring(at: docLine, in: context) {
            guard let end = docstring.end else {
                return Finding(outcome: .rejected("the docstring of `\(name)` at line \(context.displayLine(bodyLine)) is not closed"),
                               extent: firstLine...text.lineCount - 1)
            }
            let endLine = text.line(ofOffset: end)
            if context.source.firstCodeOffset(line: endLine, from: end) != nil {
                return rejectBody(name: name, line: line, extent: firstLine...endLine, context: context)
            }
            doc = AttachedDoc(firstLine: firstLine, rawDoc: text.string(docstring.start..<end),
                              docText: docstring.text)
            afterDoc = endLine
            bodyIndent = text.indentation(bodyLine)
        } else if hasBody {
            bodyIndent = text.indentation(bodyLine)
        }
        guard let doc else {
            return Finding(outcome: .rejected("`\(name)` at line \(context.displayLine(line)) has no docstring; "
                                              + "write one describing what it should do"),
                           extent: firstLine...max(signatureLine, afterDoc))
        }

        // The rest of the body must be a stub.
        var interior: [Int] = []
        var candidate = afterDoc + 1
        while text.isValidLine(candidate), candidate - afterDoc <= maximumBodyLines {
            if !text.isBlank(candidate), text.indentationWidth(candidate) <= signatureIndent.utf8.count,
               context.source.startsInCode(candidate) { break }
            interior.append(candidate)
            candidate += 1
        }
        while let last = interior.last, text.isBlank(last) { interior.removeLast() }
        let body = StubBody.scan(interior, in: context.source)
        guard body.isStub else {
            return rejectBody(name: name, line: line, extent: firstLine...(body.firstCode ?? afterDoc), context: context)
        }

        var insertion: SourceRange
        if let first = body.firstReplaceable {
            let end = text.startOfLineOrEnd((body.lastNonBlank ?? first) + 1)
            insertion = SourceRange(start: SourcePosition(line: first, utf8Column: 0), end: end)
        } else {
            insertion = context.insertionAfter(line: body.lastGuidance ?? afterDoc)
        }
        if insertion.end < insertion.start { insertion.end = insertion.start }
        let shape: GenerationTask.Shape = hasBody ? .body : .function
        let task = context.makeTask(
            shape: shape, signature: signature, rawDoc: doc.rawDoc, docText: doc.docText, insertion: insertion,
            indentation: bodyIndent, closerPresent: true)
        let lastLine = max(body.lastNonBlank ?? afterDoc, afterDoc)
        return Finding(outcome: .task(task), extent: firstLine...min(lastLine + 1, max(text.lineCount - 1, lastLine)))
    }

    /// The first line after single-line `import`/`from … import` statements at `line`'s
    /// indentation (blank lines between them skipped); `line` itself when it is no import.
    private static func lineAfterLocalImports(from line: Int, in context: IntentContext) -> Int {
        let text = context.text
        let indent = text.indentationWidth(line)
        var current = line
        while text.isValidLine(current), current - line < maximumBodyLines {
            if text.isBlank(current) {
                current += 1
                continue
            }
            guard text.indentationWidth(current) == indent, context.source.startsInCode(current) else { break }
            let trimmed = text.trimmed(current)
            let isImport = trimmed.hasPrefix("import ") || (trimmed.hasPrefix("from ") && trimmed.contains(" import "))
            guard isImport, !trimmed.hasSuffix("\\"), !trimmed.hasSuffix("(") else { break }
            current += 1
        }
        return text.isValidLine(current) && !text.isBlank(current) ? current : line
    }

    private static func rejectBody(name: String, line: Int, extent: ClosedRange<Int>, context: IntentContext) -> Finding {
        Finding(outcome: .rejected("`\(name)` at line \(context.displayLine(line)) already has a body; "
                                   + "put the docstring over `pass`, `...` or `raise NotImplementedError`"),
                extent: extent)
    }

    struct Docstring {
        /// Offset of the string's prefix or opening quote.
        let start: Int
        /// Offset just after the closing quote; nil when unterminated.
        let end: Int?
        let text: String
    }

    /// The string literal that starts `line`, if the line starts with one.
    static func docstring(at line: Int, in context: IntentContext) -> Docstring? {
        let text = context.text
        let start = text.firstNonBlankOffset(line)
        var quote = start
        while quote < text.lineEnds[line], quote - start < 2, "rRuUbBfF".utf8.contains(text.bytes[quote]) { quote += 1 }
        guard quote < text.lineEnds[line], text.bytes[quote] == 0x22 || text.bytes[quote] == 0x27 else { return nil }
        let lastLine = min(line + maximumDocstringLines, text.lineCount - 1)
        let quoteByte = text.bytes[quote]
        let triple = quote + 2 < text.bytes.count && text.bytes[quote + 1] == quoteByte && text.bytes[quote + 2] == quoteByte
        let quoteLength = triple ? 3 : 1
        // The grammar's string token; one that runs past the bound or lacks its closing quotes is
        // unterminated (the tree then has an error there or swallowed what follows).
        guard let literal = context.source.map(covering: start..<text.lineEnds[lastLine]).span(startingAt: start), literal.kind == .string,
              literal.range.upperBound <= text.lineEnds[lastLine], literal.range.count >= quoteLength * 2 + (quote - start),
              text.bytes[(literal.range.upperBound - quoteLength)..<literal.range.upperBound].allSatisfy({ $0 == quoteByte })
        else {
            return Docstring(start: start, end: nil, text: "")
        }
        let end = literal.range.upperBound
        let inner = context.normalizedString(quote + quoteLength..<max(end - quoteLength, quote + quoteLength))
        return Docstring(start: start, end: end, text: cleanDocstring(inner))
    }

    /// Like `inspect.cleandoc`: first line stripped, the rest dedented, blank edges dropped.
    static func cleanDocstring(_ inner: String) -> String {
        let lines = inner.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rest = lines.dropFirst()
        let common = rest.filter { !$0.trimmingWhitespace().isEmpty }
            .map { $0.leadingWhitespace().unicodeScalars.count }.min() ?? 0
        var result = [(lines.first ?? "").trimmingWhitespace()]
        for line in rest {
            let blank = line.trimmingWhitespace().isEmpty
            result.append(blank ? "" : String(line.unicodeScalars.dropFirst(common)).trimmingTrailingWhitespace())
        }
        while let first = result.first, first.isEmpty { result.removeFirst() }
        while let last = result.last, last.isEmpty { result.removeLast() }
        return result.joined(separator: "\n")
    }
}
