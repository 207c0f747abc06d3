import DocwrightCore

/// Comment blocks near the cursor: a comment over a declaration documents it; a comment followed
/// by an empty line (or the end of a block) asks for the next lines — or, for doc-style comments
/// (`///`, `/**`), for a whole function.
enum CommentIntent {
    /// Comment blocks examined above the cursor at most.
    static let maximumBlocks = 4
    /// Lines looked at above the cursor at most.
    static let lookUp = 400
    /// Attribute/decorator lines allowed between a comment and its declaration.
    static let maximumAttributeLines = 10

    /// Findings whose extent covers the cursor, nearest first.
    static func findings(in context: IntentContext) -> [Finding] {
        var results: [Finding] = []
        var searchFrom = context.cursorLine
        for _ in 0..<maximumBlocks {
            let budget = lookUp - (context.cursorLine - searchFrom)
            guard searchFrom >= 0, budget > 0,
                  let block = CommentBlock.nearest(atOrAbove: searchFrom, limit: budget, in: context.source)
            else { break }
            let finding = analyze(block, in: context)
            if finding.covers(context.cursorLine) {
                results.append(finding)
                if case .task(let task) = finding.outcome, task.shape != .nextLines { break }
            }
            searchFrom = block.firstLine - 1
        }
        return results
    }

    /// The comment block that ends right above `line` (decorators/attributes in between allowed).
    static func blockDirectlyAbove(_ line: Int, in context: IntentContext) -> CommentBlock? {
        var candidate = line - 1
        var skipped = 0
        while candidate >= 0, skipped < maximumAttributeLines, isAttribute(candidate, in: context) {
            candidate -= 1
            skipped += 1
        }
        guard candidate >= 0, context.source.isCommentLine(candidate) else { return nil }
        return CommentBlock.containing(candidate, in: context.source)
    }

    private static func isAttribute(_ line: Int, in context: IntentContext) -> Bool {
        guard context.source.startsInCode(line), !context.text.isBlank(line) else { return false }
        let trimmed = context.text.trimmed(line)
        return context.spec.attributePrefixes.contains { trimmed.hasPrefix($0) }
            && !TreeDeclaration.namesFunction(onLine: line, in: context.source)
    }

    static func analyze(_ block: CommentBlock, in context: IntentContext) -> Finding {
        let text = context.text
        var next = block.lastLine + 1
        var skipped = 0
        while text.isValidLine(next), skipped < maximumAttributeLines, isAttribute(next, in: context) {
            next += 1
            skipped += 1
        }
        let commentIndent = text.indentation(block.firstLine)
        if !text.isValidLine(next) || text.isBlank(next) || endsBlock(next, commentIndent: commentIndent, in: context) {
            return nextLines(after: block, closerFollows: text.isValidLine(next) && !text.isBlank(next), in: context)
        }
        let doc = AttachedDoc(block)
        let finding: Finding?
        switch context.spec.family {
        case .python: finding = PythonDeclarations.analyze(at: next, commentAbove: doc, in: context)
        case .braces: finding = BraceDeclarations.analyze(at: next, doc: doc, in: context)
        case .endKeyword: finding = EndDeclarations.analyze(at: next, doc: doc, in: context)
        }
        if let finding { return finding }
        return Finding(
            outcome: .rejected("the comment at line \(context.displayLine(block.firstLine)) is followed by code, "
                               + "not by a function stub or an empty line"),
            extent: block.firstLine...block.lastLine)
    }

    /// Whether `line` closes the block the comment sits in (`}`, `end`, or a dedent).
    private static func endsBlock(_ line: Int, commentIndent: String, in context: IntentContext) -> Bool {
        let text = context.text
        if text.indentationWidth(line) < commentIndent.utf8.count { return true }
        let trimmed = text.trimmed(line)
        switch context.spec.family {
        case .braces:
            return trimmed.hasPrefix("}") || trimmed.hasPrefix(")") || trimmed.hasPrefix("]")
        case .endKeyword:
            return EndDeclarations.isCloser(trimmed)
                || ["else", "elsif", "elseif", "rescue", "ensure", "when", "until"].contains { trimmed.hasPrefix($0) }
        case .python:
            return false
        }
    }

    private static func nextLines(after block: CommentBlock, closerFollows: Bool, in context: IntentContext) -> Finding {
        let text = context.text
        guard block.hasWords else {
            return Finding(outcome: .rejected("the comment at line \(context.displayLine(block.firstLine)) has no words to act on"),
                           extent: block.firstLine...block.lastLine)
        }
        let wholeFunction = block.isDocStyle && !closerFollows
        let task = context.makeTask(
            shape: wholeFunction ? .function : .nextLines, signature: "", rawDoc: block.rawDoc,
            docText: block.docText, insertion: context.insertionAfter(line: block.lastLine),
            indentation: text.indentation(block.firstLine), closerPresent: !wholeFunction)
        let last = text.isValidLine(block.lastLine + 1) && text.isBlank(block.lastLine + 1)
            ? block.lastLine + 1 : block.lastLine
        return Finding(outcome: .task(task), extent: block.firstLine...last)
    }
}
