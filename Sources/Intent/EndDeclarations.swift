import DocwrightCore

/// Declarations closed by `end` (Ruby `def ... end`, Lua `function ... end`).
enum EndDeclarations {
    static let maximumBodyLines = 400

    /// A line declaring a function: a declaration keyword as its first word or after one
    /// modifier (`local function f(`, `private def x`), or assigned (`M.f = function(`).
    static func isDeclaration(_ trimmed: String, keywords: [String]) -> Bool {
        let words = trimmed.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
        guard let first = words.first, trimmed.hasPrefix(first) else { return false }
        if keywords.contains(first) || (words.count > 1 && keywords.contains(words[1])) { return true }
        return keywords.contains { trimmed.contains("= " + $0) }
    }

    static func isCloser(_ trimmed: String) -> Bool {
        guard trimmed.hasPrefix("end") else { return false }
        let rest = trimmed.dropFirst(3)
        guard let next = rest.first else { return true }
        return !(next.isLetter || next.isNumber || next == "_")
    }

    /// nil when the line does not start a function declaration.
    static func analyze(at line: Int, doc: AttachedDoc, in context: IntentContext) -> Finding? {
        let text = context.text
        guard text.isValidLine(line), isDeclaration(text.trimmed(line), keywords: context.spec.declarationKeywords) else { return nil }
        let signatureEnd = TreeDeclaration.signatureEnd(line: line, in: context.source) ?? text.lineEnds[line]
        let signature = context.normalizedString(text.firstNonBlankOffset(line)..<signatureEnd).trimmingWhitespace()
        let signatureLine = text.line(ofOffset: signatureEnd)
        let signatureIndent = text.indentation(line)
        let name = FunctionName.of(signature) ?? "the function"
        let rejection = { (last: Int) in
            Finding(outcome: .rejected(
                "`\(name)` at line \(context.displayLine(line)) already has a body; "
                    + "write the comment over an empty or stub body"),
                extent: doc.firstLine...max(last, signatureLine))
        }

        // What follows the signature on its own line: nothing, a comment, or (Lua) `end`.
        let rest = text.string(signatureEnd..<text.lineEnds[signatureLine])
        let restTrimmed = rest.trimmingWhitespace()
        if isCloser(restTrimmed) {
            let endOffset = signatureEnd + (rest.utf8.count - rest.drop { $0 == " " || $0 == "\t" }.utf8.count)
            let column = { (offset: Int) in offset - text.lineStarts[signatureLine] }
            let insertion = SourceRange(start: SourcePosition(line: signatureLine, utf8Column: column(signatureEnd)),
                                        end: SourcePosition(line: signatureLine, utf8Column: column(endOffset)))
            let task = context.makeTask(
                shape: .body, signature: signature, rawDoc: doc.rawDoc, docText: doc.docText, insertion: insertion,
                indentation: signatureIndent + context.indentUnit, closerPresent: true)
            return Finding(outcome: .task(task), extent: doc.firstLine...signatureLine)
        }
        if !restTrimmed.isEmpty, context.spec.lineCommentMarkers.allSatisfy({ !restTrimmed.hasPrefix($0) }) {
            return rejection(signatureLine)
        }

        var interior: [Int] = []
        var closeLine: Int?
        var candidate = signatureLine + 1
        while text.isValidLine(candidate), candidate - signatureLine <= maximumBodyLines {
            defer { candidate += 1 }
            if text.isBlank(candidate) { interior.append(candidate); continue }
            let trimmed = text.trimmed(candidate)
            if context.source.startsInCode(candidate), isCloser(trimmed) { closeLine = candidate; break }
            if !context.source.isCommentLine(candidate),
               text.indentationWidth(candidate) <= signatureIndent.utf8.count { break }
            interior.append(candidate)
        }
        // Blank lines after the last body line belong to what follows when there is no `end`.
        if closeLine == nil { while let last = interior.last, text.isBlank(last) { interior.removeLast() } }
        let body = StubBody.scan(interior, in: context.source)
        guard body.isStub else { return rejection(body.firstCode ?? signatureLine) }

        let start = text.startOfLineOrEnd(body.startLine(bodyOpensAfter: signatureLine))
        var end: SourcePosition
        if let closeLine {
            end = SourcePosition(line: closeLine, utf8Column: 0)
        } else {
            end = body.firstReplaceable == nil ? start : text.startOfLineOrEnd((body.lastNonBlank ?? signatureLine) + 1)
        }
        if end < start { end = start }
        let task = context.makeTask(
            shape: .body, signature: signature, rawDoc: doc.rawDoc, docText: doc.docText,
            insertion: SourceRange(start: start, end: end),
            indentation: body.indentation(signatureIndent: signatureIndent, unit: context.indentUnit, in: text),
            closerPresent: closeLine != nil)
        let extentEnd = closeLine ?? max(body.lastNonBlank ?? signatureLine, signatureLine + 1)
        return Finding(outcome: .task(task), extent: doc.firstLine...extentEnd)
    }
}
