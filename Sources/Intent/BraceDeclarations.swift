import DocwrightCore

/// Declarations in brace languages (JS/TS, Go, Rust, Swift, Java, Kotlin, C, C++, C#): finds the
/// signature after a doc comment, its `{ ... }` body or `;` prototype, and decides what to replace.
enum BraceDeclarations {
    static let maximumSignatureLines = 30
    static let maximumBodyLines = 400

    private enum Opener { case brace(Int), semicolon(Int) }

    /// nil when the line does not start a function declaration.
    static func analyze(at line: Int, doc: AttachedDoc, in context: IntentContext) -> Finding? {
        let text = context.text
        guard text.isValidLine(line) else { return nil }
        // The tree's declaration when the code parses there; else the code bytes read by hand
        // (a function being typed, which the grammar cannot place yet).
        let fromTree = TreeDeclaration.at(line: line, below: doc.lastLine, in: context.source)
        let opener: Opener
        switch fromTree {
        case .braces(let open, _): opener = .brace(open)
        case .prototype(let semicolon): opener = .semicolon(semicolon)
        case nil:
            guard let found = findOpener(from: line, in: context) else { return nil }
            opener = found
        }
        let signatureStart = text.firstNonBlankOffset(line)
        let openerOffset: Int
        let endsWithBrace: Bool
        switch opener {
        case .brace(let offset): (openerOffset, endsWithBrace) = (offset, true)
        case .semicolon(let offset): (openerOffset, endsWithBrace) = (offset, false)
        }
        let signature = context.normalizedString(signatureStart..<openerOffset).trimmingWhitespace()
        guard fromTree != nil || isFunctionSignature(signature, spec: context.spec, endsWithBrace: endsWithBrace) else {
            return nil
        }
        let signatureIndent = text.indentation(line)
        let name = FunctionName.of(signature) ?? "the function"

        switch opener {
        case .semicolon(let offset):
            let protoLine = text.line(ofOffset: offset)
            let extent = doc.firstLine...protoLine
            guard context.spec.prototypesAllowed, !hasInitializer(signature) else {
                return Finding(outcome: .rejected(
                    "`\(name)` at line \(context.displayLine(line)) is a declaration without a body; nothing to fill in"),
                    extent: extent)
            }
            let column = offset - text.lineStarts[protoLine]
            let insertion = SourceRange(start: SourcePosition(line: protoLine, utf8Column: column),
                                        end: SourcePosition(line: protoLine, utf8Column: text.lineLength(protoLine)))
            let task = context.makeTask(
                shape: .function, signature: signature, rawDoc: doc.rawDoc, docText: doc.docText,
                insertion: insertion, indentation: signatureIndent + context.indentUnit, closerPresent: false)
            return Finding(outcome: .task(task), extent: extent)
        case .brace(let open):
            var close: Int?
            if case .braces(_, let closeFromTree) = fromTree { close = closeFromTree } else { close = matchingClose(open: open, in: context) }
            return analyzeBody(open: open, close: close, signature: signature, signatureIndent: signatureIndent, name: name,
                               declarationLine: line, doc: doc, in: context)
        }
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
            guard inner.isEmpty || StubPatterns.isPlaceholder(inner, spec: context.spec) else { return rejectBody(openLine) }
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
        if !restOfOpenLine.isEmpty, !context.source.map.commentStarts(at: firstNonSpace(after: open + 1, in: text)) {
            guard StubPatterns.isPlaceholder(restOfOpenLine, spec: context.spec) else { return rejectBody(openLine) }
            startsOnOpenLine = true
        }

        let closeLine = close.map { text.line(ofOffset: $0) }
        let lastInterior = closeLine.map { $0 - 1 } ?? min(openLine + maximumBodyLines, text.lineCount - 1)
        let interior = openLine + 1 <= lastInterior ? Array(openLine + 1...lastInterior) : []
        let body = StubBody.scan(interior, in: context.source)
        guard body.isStub else { return rejectBody(body.firstCode ?? openLine) }

        var endPosition: SourcePosition
        var closerPresent = true
        if let close, let closeLine {
            let beforeClose = text.string(text.lineStarts[closeLine]..<close).trimmingWhitespace()
            if beforeClose.isEmpty {
                endPosition = SourcePosition(line: closeLine, utf8Column: 0)
            } else if StubPatterns.isPlaceholder(beforeClose, spec: context.spec) {
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

    private static func firstNonSpace(after offset: Int, in text: SourceText) -> Int {
        var index = offset
        while index < text.bytes.count, text.bytes[index] == 0x20 || text.bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// The `{` that opens the body or the `;` that ends a prototype, outside parentheses.
    private static func findOpener(from line: Int, in context: IntentContext) -> Opener? {
        let text = context.text
        let lastLine = min(line + maximumSignatureLines, text.lineCount - 1)
        var depth = 0
        var result: Opener?
        var currentLine = line
        var lastCodeLine = line
        var pendingLineCheck = false
        var sawParenthesis = false
        let cLike = context.spec.typeFirstDeclarations
        context.source.map.scanCode(
            from: text.firstNonBlankOffset(line), to: text.lineEnds[lastLine],
            onLineStart: { offset in
                currentLine = text.line(ofOffset: offset)
                pendingLineCheck = true
            },
            onCode: { index in
                let byte = text.bytes[index]
                if byte == 0x20 || byte == 0x09 { return true }
                if pendingLineCheck {
                    pendingLineCheck = false
                    if depth == 0 {
                        let gap = currentLine - lastCodeLine > 1
                        let previous = text.trimmed(lastCodeLine)
                        let next = text.trimmed(currentLine)
                        let continues = !gap && (signatureContinues(previous: previous, next: next)
                                                 || (cLike && !sawParenthesis))
                        if !continues { return false }
                    }
                }
                lastCodeLine = currentLine
                switch byte {
                case 0x28, 0x5B:
                    if byte == 0x28 { sawParenthesis = true }
                    depth += 1
                case 0x29, 0x5D:
                    depth -= 1
                    if depth < 0 { return false }
                case 0x7B:
                    if depth == 0 { result = .brace(index); return false }
                case 0x7D:
                    if depth == 0 { return false }
                case 0x3B:
                    if depth == 0 { result = .semicolon(index); return false }
                default: break
                }
                return true
            })
        return result
    }

    /// Whether a signature goes on from one line to the next (outside parentheses).
    static func signatureContinues(previous: String, next: String) -> Bool {
        let nextStarts = ["{", "->", "where", "throws", "rethrows", ":", "=>", "const", "noexcept", "override",
                          "final", "&&", "||", ".", "?", "async", "requires", "mutating", "extends", "implements"]
        let previousEnds = [",", "(", "->", "=>", "where", ":", "=", "|", "&", "<"]
        return nextStarts.contains { next.hasPrefix($0) } || previousEnds.contains { previous.hasSuffix($0) }
    }

    /// The `}` matching the `{` at `open`, within the body-size bound.
    private static func matchingClose(open: Int, in context: IntentContext) -> Int? {
        let text = context.text
        let lastLine = min(text.line(ofOffset: open) + maximumBodyLines, text.lineCount - 1)
        var depth = 1
        var close: Int?
        context.source.map.scanCode(from: open + 1, to: text.lineEnds[lastLine]) { index in
            switch text.bytes[index] {
            case 0x7B: depth += 1
            case 0x7D:
                depth -= 1
                if depth == 0 { close = index; return false }
            default: break
            }
            return true
        }
        return close
    }

    private static func hasInitializer(_ signature: String) -> Bool {
        guard let lastParen = signature.lastIndex(of: ")") else { return true }
        return signature[lastParen...].contains("=")
    }

    private static let controlWords: Set<String> = [
        "if", "else", "for", "while", "switch", "catch", "do", "try", "return", "with", "using", "lock", "foreach",
        "synchronized", "new", "throw", "case", "when", "guard", "defer", "match", "loop", "await", "yield",
        "delete", "typeof", "sizeof", "elif", "unless", "until", "select", "go",
    ]
    private static let typeWords: Set<String> = [
        "class", "struct", "interface", "enum", "record", "union", "namespace", "impl", "trait", "object",
        "protocol", "extension", "typedef", "define", "module", "package", "type", "import", "include",
    ]

    /// Whether the text before the body opener declares a function in this language.
    static func isFunctionSignature(_ signature: String, spec: LanguageSpec, endsWithBrace: Bool) -> Bool {
        let isJavaScript = spec.functionValues
        guard let paren = signature.firstIndex(of: "(") else {
            return isJavaScript && signature.contains("=>")
        }
        let head = signature[..<paren]
        let words = head.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }.map(String.init)
        if let first = words.first, controlWords.contains(first) { return false }
        if words.contains(where: typeWords.contains) { return false }
        if head.hasPrefix("#") { return false }
        if !spec.declarationKeywords.isEmpty {
            return words.contains(where: spec.declarationKeywords.contains)
        }
        if isJavaScript {
            if words.contains("function") || signature.contains("=>") { return true }
            return !head.contains("=") && !words.isEmpty && !head.contains(".")
        }
        // C-like: `type name(...)`; a single word is a constructor only when a body follows.
        if head.contains("=") && !head.contains("operator") { return false }
        if spec.dottedNamesAreCalls && head.contains(".") { return false }
        return words.count >= 2 || (words.count == 1 && endsWithBrace)
    }
}
