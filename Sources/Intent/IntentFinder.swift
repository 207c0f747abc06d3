import DocwrightCore
import Languages
import Syntax

/// What `IntentFinder` found at a position.
public enum IntentResult: Sendable, Hashable {
    /// Something to generate.
    case task(GenerationTask)
    /// Nothing to generate here; `reason` is meant for the user (e.g. "no docstring or comment at line 12").
    case nothing(reason: String)
}

/// Finds the docstring or comment at (or around) a position and the code it asks for.
///
/// Three shapes (see `GenerationTask.Shape`):
/// - `.body`: a documented stub (`pass`, `...`, `raise NotImplementedError`, `todo!()`, `{}`,
///   `fatalError(...)`, `throw new Error("not implemented")`, `return 0;`, a Python def with only a docstring…).
///   The insertion replaces the stub lines (or the empty inside of `{}`); comments in the stub that are
///   not TODO markers are kept above the insertion.
/// - `.function`: a C/C++ prototype after a comment (the insertion replaces `;` to the end of its line,
///   and the generated text brings ` {`, the body and `}`), or likewise a stand-in expression body
///   (C# `=> throw new NotImplementedException();`, Kotlin `= TODO()`); a bare Python `def` line; or a doc-style comment
///   (`///`, `/** */`, `---`) followed by nothing (signature empty: the model writes the whole function).
/// - `.nextLines`: a plain comment followed by an empty line, the end of the file, or the end of its
///   block: the insertion is the line after the comment; or a plain comment inside an existing
///   function body followed by code (from the syntax tree, `TreeIntent`): the insertion is at the
///   line after the comment, over the placeholder lines there if any (`pass`, `todo!();`), and the
///   code below is context (fill-in-the-middle).
///
/// Insertion ranges: they start at column 0 of a line unless they start right after `{`, `)` or a
/// docstring on the same line, and end at column 0 of the closing line (`}`/`end`) or of the line after
/// the stub, unless the closer shares the line. `Postprocessor` (Prompting) turns a model's text into
/// exactly the bytes to put over the range.
///
/// Comments, strings and code are told apart by the document's tree-sitter tree (`LexicalMap`),
/// read only around the cursor; the finders then look at most a few hundred lines up and down.
/// Never traps on any input.
public enum IntentFinder {
    /// LSP language identifiers understood.
    public static let supportedLanguages: [String] = LanguageSpec.supportedLanguages

    /// - Parameters:
    ///   - text: The whole document.
    ///   - language: LSP language id (`python`, `typescriptreact`, `cpp`, …), case-insensitive.
    ///   - position: Zero-based line and UTF-8 column; a line past the end means the last line.
    ///   - path: The file's path, copied into the task for routing.
    ///   - tree: The document's syntax tree (of exactly `text`; the server keeps one per
    ///     document); nil or a tree of other text: parsed here. Without a grammar for the
    ///     language there is no task, and the reason says how to install one.
    public static func find(in text: String, language: String, position: SourcePosition, path: String? = nil,
                            tree: () -> SyntaxTree? = { nil }) -> IntentResult {
        let id = language.lowercased()
        guard let spec = LanguageSpec.named(id) else {
            return .nothing(reason: "docwright does not generate code for language '\(language)' "
                                + "(supported: \(supportedLanguages.joined(separator: ", ")))")
        }
        guard text.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            return .nothing(reason: "the document is empty: write a docstring or comment first")
        }
        let sourceText = SourceText(text)
        let syntaxTree: SyntaxTree
        do {
            syntaxTree = try syntaxTreeForIntents(of: text, source: sourceText, language: id, given: tree)
        } catch {
            return .nothing(reason: "cannot read this \(spec.entry.displayName) file: \(error)")
        }
        let cursor = min(max(position.line, 0), sourceText.lineCount - 1)
        let source = AnalyzedSource(text: sourceText, spec: spec, tree: syntaxTree, around: cursor)
        let context = IntentContext(source: source, language: id, cursorLine: cursor, path: path)

        var findings: [Finding] = []
        if spec.family == .python { findings += pythonDefFindings(in: context) }
        if !findings.contains(where: isDeclarationTask) { findings += CommentIntent.findings(in: context) }

        if let best = findings.first(where: isDeclarationTask) ?? findings.first(where: isTask),
           case .task(let task) = best.outcome {
            return .task(task)
        }
        if let finding = TreeIntent.nextLinesInBody(tree: syntaxTree, context: context, language: spec.entry),
           case .task(let task) = finding.outcome {
            return .task(task)
        }
        if let rejection = findings.first, case .rejected(let reason) = rejection.outcome {
            return .nothing(reason: reason)
        }
        return .nothing(reason: "no docstring or comment at line \(cursor + 1)")
    }

    /// A whole file's import statements as a task would carry them (the first 1,000 lines), from a
    /// fresh parse: for explaining a file's route without a position. Empty without a grammar.
    public static func imports(in text: String, language: String) -> [String] {
        let id = language.lowercased()
        let sourceText = SourceText(text)
        guard let spec = LanguageSpec.named(id), !text.isEmpty,
              let tree = try? syntaxTreeForIntents(of: text, source: sourceText, language: id, given: { nil }) else { return [] }
        let source = AnalyzedSource(text: sourceText, spec: spec, tree: tree, around: 0)
        return ImportScanner.scan(source, cursorLine: 0)
    }

    /// The document's tree, or one parsed here. Grammars end lines at `\n` only; a lone `\r` (a
    /// line break for LSP and for `SourceText`) is read as `\n` for parsing, which keeps every
    /// byte offset.
    private static func syntaxTreeForIntents(of text: String, source: SourceText, language: String,
                                             given tree: () -> SyntaxTree?) throws -> SyntaxTree {
        // Not copied on the common path (no `\r`, the document's own tree).
        let loneCarriageReturns = ByteSearch.contains(byte: 0x0D, in: text)
            ? source.bytes.indices.filter(source.isLoneCarriageReturn) : []
        if loneCarriageReturns.isEmpty, let given = tree(), ByteSearch.equal(given.utf8, text) {
            return given
        }
        var readable = source.bytes
        for index in loneCarriageReturns { readable[index] = 0x0A }
        return try SyntaxParser().parse(utf8: readable, language: Grammars.shared.language(language))
    }

    private static func isTask(_ finding: Finding) -> Bool {
        if case .task = finding.outcome { return true }
        return false
    }

    private static func isDeclarationTask(_ finding: Finding) -> Bool {
        if case .task(let task) = finding.outcome { return task.shape != .nextLines }
        return false
    }

    /// Python keeps docs inside the def: look for the def around the cursor first.
    private static func pythonDefFindings(in context: IntentContext) -> [Finding] {
        var results: [Finding] = []
        var line = context.cursorLine
        var tried = 0
        while line >= 0, context.cursorLine - line <= CommentIntent.lookUp, tried < 3 {
            defer { line -= 1 }
            guard PythonDeclarations.isDefLine(line, in: context.source) else { continue }
            tried += 1
            let above = CommentIntent.blockDirectlyAbove(line, in: context).map(AttachedDoc.init)
            guard let finding = PythonDeclarations.analyze(at: line, commentAbove: above, in: context),
                  finding.covers(context.cursorLine) else { continue }
            results.append(finding)
            if isTask(finding) { break }
        }
        return results
    }
}
