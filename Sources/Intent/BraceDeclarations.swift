import DocwrightCore
import Syntax

/// Declarations in brace languages (JS/TS, Go, Rust, Swift, Java, Kotlin, C, C++, C#): finds the
/// signature after a doc comment, its `{ ... }` body or `;` prototype, and decides what to replace.
enum BraceDeclarations {
    static let maximumBodyLines = 400

    /// nil when no function declaration starts at the line (the tree says so).
    static func analyze(at line: Int, doc: AttachedDoc, in context: IntentContext) -> Finding? {
        let text = context.text
        guard text.isValidLine(line), let declaration = TreeDeclaration.at(line: line, below: doc.lastLine, in: context.source)
        else { return nil }
        let signatureStart = signatureStart(line: line, declaration: declaration, text: text)
        let signatureIndent = text.indentation(line)

        switch declaration {
        case .prototype(let end, let semicolon):
            let signature = context.normalizedString(signatureStart..<end).trimmingWhitespace()
            let name = FunctionName.of(signature) ?? "the function"
            let protoLine = text.line(ofOffset: end)
            let extent = doc.firstLine...protoLine
            if !context.spec.prototypesAllowed, semicolon,
               let implementation = overloadImplementation(after: protoLine, name: name, doc: doc, in: context) {
                return implementation
            }
            guard context.spec.prototypesAllowed, semicolon, !hasInitializer(signature) else {
                return Finding(outcome: .rejected(
                    "`\(name)` at line \(context.displayLine(line)) is a declaration without a body; nothing to fill in"),
                    extent: extent)
            }
            let column = end - text.lineStarts[protoLine]
            let insertion = SourceRange(start: SourcePosition(line: protoLine, utf8Column: column),
                                        end: SourcePosition(line: protoLine, utf8Column: text.lineLength(protoLine)))
            let task = context.makeTask(
                shape: .function, signature: signature, rawDoc: doc.rawDoc, docText: doc.docText,
                insertion: insertion, indentation: signatureIndent + context.indentUnit, closerPresent: false)
            return Finding(outcome: .task(task), extent: extent)
        case .expression(let signatureEnd, let end, let value, let typed):
            return analyzeExpressionBody(signature: context.normalizedString(signatureStart..<signatureEnd).trimmingWhitespace(),
                                         signatureEnd: signatureEnd, end: end, value: value, typed: typed,
                                         indentation: signatureIndent, declarationLine: line, doc: doc, in: context)
        case .braces(let open, let close):
            let signature = context.normalizedString(signatureStart..<open).trimmingWhitespace()
            return analyzeBody(open: open, close: close, signature: signature, signatureIndent: signatureIndent,
                               name: FunctionName.of(signature) ?? "the function", declarationLine: line, doc: doc, in: context)
        }
    }

    /// The signature starts on `line`, or on the line of its `{`/`;`/`=>` if that comes first
    /// (never a range running backwards, whatever lines were taken for attributes).
    private static func signatureStart(line: Int, declaration: TreeDeclaration, text: SourceText) -> Int {
        min(text.firstNonBlankOffset(line), text.firstNonBlankOffset(text.line(ofOffset: declaration.signatureBound)))
    }

    /// Overload signatures (TypeScript's `function f(a: string): number;` lines) documented
    /// together: the implementation that follows them is what the doc asks for (its stub).
    private static func overloadImplementation(after protoLine: Int, name: String, doc: AttachedDoc,
                                               in context: IntentContext) -> Finding? {
        let text = context.text
        var previous = protoLine
        for _ in 0..<maximumOverloads {
            let next = previous + 1
            guard text.isValidLine(next), let declaration = TreeDeclaration.at(line: next, below: previous, in: context.source)
            else { return nil }
            let start = signatureStart(line: next, declaration: declaration, text: text)
            switch declaration {
            case .prototype(let end, true):
                guard FunctionName.of(context.normalizedString(start..<end)) == name else { return nil }
                previous = text.line(ofOffset: end)
            case .braces(let open, let close):
                let signature = context.normalizedString(start..<open).trimmingWhitespace()
                guard FunctionName.of(signature) == name else { return nil }
                // Its stub is the task; a written body says so.
                return analyzeBody(open: open, close: close, signature: signature, signatureIndent: text.indentation(next),
                                   name: name, declarationLine: next, doc: doc, in: context)
            default:
                return nil
            }
        }
        return nil
    }

    /// Overload signatures looked through at most.
    static let maximumOverloads = 20

    /// `=> throw new NotImplementedException();` or `= TODO()`: the stand-in expression and
    /// its arrow become a block body, written as for a prototype (` {`, the body, `}`).
    private static func analyzeExpressionBody(
        signature: String, signatureEnd: Int, end: Int, value: Range<Int>, typed: Bool, indentation: String,
        declarationLine: Int, doc: AttachedDoc, in context: IntentContext
    ) -> Finding {
        let text = context.text
        let extent = doc.firstLine...text.line(ofOffset: max(end - 1, signatureEnd))
        let expression = context.normalizedString(value).trimmingWhitespace()
        let name = FunctionName.of(signature) ?? "the function"
        guard StubPatterns.isPlaceholder(expression, spec: context.spec) else {
            return Finding(outcome: .rejected(
                "`\(name)` at line \(context.displayLine(declarationLine)) already has a body; "
                    + "write a doc comment over a stub (e.g. `=> throw new NotImplementedException()`, `= TODO()`)"),
                extent: extent)
        }
        guard typed else {
            return Finding(outcome: .rejected(
                "`\(name)` at line \(context.displayLine(declarationLine)) has no declared return type: "
                    + "declare one (`\(signature): Int = TODO()`) so its body can be written as a block"),
                extent: extent)
        }
        let insertion = SourceRange(start: text.position(ofOffset: signatureEnd), end: text.position(ofOffset: end))
        let task = context.makeTask(
            shape: .function, signature: signature, rawDoc: doc.rawDoc, docText: doc.docText, insertion: insertion,
            indentation: indentation + context.indentUnit, closerPresent: false)
        return Finding(outcome: .task(task), extent: extent)
    }

    private static func analyzeBody(
        open: Int, close: Int?, signature: String, signatureIndent: String, name: String, declarationLine: Int,
        doc: AttachedDoc, in context: IntentContext
    ) -> Finding {
        let text = context.text
        let openLine = text.line(ofOffset: open)
        let openColumn = open - text.lineStarts[openLine]
        let unit = context.indentUnit
        let rejectBody = { (last: Int) in
            Finding(outcome: .rejected(
                "`\(name)` at line \(context.displayLine(declarationLine)) already has a body; "
                    + "write a doc comment over an empty or stub body (e.g. `{}`)"),
                extent: doc.firstLine...max(last, openLine))
        }

        if let close, text.line(ofOffset: close) == openLine {
            // `{}` or `{ todo!() }` on the signature line: replace the inside.
            let inner = text.string(open + 1..<close).trimmingWhitespace()
            guard inner.isEmpty || StubPatterns.isStubStatement(inner, spec: context.spec) else { return rejectBody(openLine) }
            let insertion = SourceRange(start: SourcePosition(line: openLine, utf8Column: openColumn + 1),
                                        end: SourcePosition(line: openLine, utf8Column: close - text.lineStarts[openLine]))
            let task = context.makeTask(
                shape: .body, signature: signature, rawDoc: doc.rawDoc, docText: doc.docText, insertion: insertion,
                indentation: signatureIndent + unit, closerPresent: true)
            return Finding(outcome: .task(task), extent: doc.firstLine...openLine)
        }

        // Text after `{` on its line: nothing, a comment, or a placeholder.
        let restOfOpenLine = text.string(open + 1..<text.lineEnds[openLine]).trimmingWhitespace()
        var startsOnOpenLine = false
        let restStart = firstNonSpace(after: open + 1, in: text)
        if !restOfOpenLine.isEmpty, !context.source.map(at: restStart).commentStarts(at: restStart) {
            guard StubPatterns.isStubStatement(restOfOpenLine, spec: context.spec) else { return rejectBody(openLine) }
            startsOnOpenLine = true
        }

        let closeLine = close.map { text.line(ofOffset: $0) }
        let lastInterior = closeLine.map { $0 - 1 } ?? unclosedBodyEnd(after: openLine, signatureIndent: signatureIndent, in: context)
        let interior = openLine + 1 <= lastInterior ? Array(openLine + 1...lastInterior) : []
        let body = StubBody.scan(interior, in: context.source)
        guard body.isStub else { return rejectBody(body.firstCode ?? openLine) }

        var endPosition: SourcePosition
        var closerPresent = true
        if let close, let closeLine {
            let beforeClose = text.string(text.lineStarts[closeLine]..<close).trimmingWhitespace()
            if beforeClose.isEmpty {
                endPosition = SourcePosition(line: closeLine, utf8Column: 0)
            } else if StubPatterns.isStubStatement(beforeClose, spec: context.spec) {
                endPosition = SourcePosition(line: closeLine, utf8Column: close - text.lineStarts[closeLine])
            } else {
                return rejectBody(closeLine)
            }
        } else {
            // No closing brace yet: the generated text must bring its own.
            closerPresent = false
            endPosition = text.startOfLineOrEnd((body.lastNonBlank ?? openLine) + 1)
        }

        let startPosition: SourcePosition
        if startsOnOpenLine {
            startPosition = SourcePosition(line: openLine, utf8Column: openColumn + 1)
        } else {
            startPosition = text.startOfLineOrEnd(body.startLine(bodyOpensAfter: openLine))
        }
        if endPosition < startPosition { endPosition = startPosition }
        let task = context.makeTask(
            shape: .body, signature: signature, rawDoc: doc.rawDoc, docText: doc.docText,
            insertion: SourceRange(start: startPosition, end: endPosition),
            indentation: body.indentation(signatureIndent: signatureIndent, unit: unit, in: text),
            closerPresent: closerPresent)
        let extentEnd = closeLine ?? max(body.lastNonBlank ?? openLine, openLine + 1)
        return Finding(outcome: .task(task), extent: doc.firstLine...extentEnd)
    }

    /// The last line of a body whose `}` is not typed yet: up to the code that follows at the
    /// signature's indentation or less (the next declaration, the end of the enclosing block).
    private static func unclosedBodyEnd(after openLine: Int, signatureIndent: String, in context: IntentContext) -> Int {
        let text = context.text
        let last = min(openLine + maximumBodyLines, text.lineCount - 1)
        guard openLine + 1 <= last else { return last }
        for line in openLine + 1...last where !text.isBlank(line) && context.source.startsInCode(line)
            && !context.source.isCommentLine(line) && text.indentationWidth(line) <= signatureIndent.utf8.count {
            return line - 1
        }
        return last
    }

    private static func firstNonSpace(after offset: Int, in text: SourceText) -> Int {
        var index = offset
        while index < text.bytes.count, text.bytes[index] == 0x20 || text.bytes[index] == 0x09 { index += 1 }
        return index
    }

    private static func hasInitializer(_ signature: String) -> Bool {
        guard let lastParen = signature.lastIndex(of: ")") else { return true }
        return signature[lastParen...].contains("=")
    }
}
