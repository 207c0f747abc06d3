/// What the user asked for, found by `Intent` from the docstring or comment at the cursor.
/// Pure data: `Prompting` turns it into a prompt, `Config` routes it, `Server` applies the edit.
public struct GenerationTask: Sendable, Hashable, Codable {
    public enum Shape: String, Sendable, Hashable, Codable {
        /// A documented stub (`pass`, `todo!()`, `{}`): replace the stub with a body.
        case body
        /// A signature + doc comment with no body at all (C prototype, bare `def` line): write the body.
        case function
        /// A plain "what to do next" comment: write the lines that follow it.
        case nextLines
    }

    /// LSP language identifier (`python`, `javascript`, `typescript`, `go`, `rust`, …).
    public var language: String
    public var shape: Shape
    /// The declaration line(s) the body belongs to, as written (empty for `.nextLines`).
    public var signature: String
    /// The docstring or comment text, without comment markers.
    public var docText: String
    /// The docstring or comment exactly as written in the file, with markers.
    public var rawDoc: String
    /// File text before the insertion range (what a completion model continues).
    public var prefix: String
    /// How many UTF-8 bytes at the end of `prefix` a parser reads before inserted code to lex it
    /// as the file would: from the start of the declaration around the insertion (`Intent` sets
    /// it from the syntax tree). nil: not known (readers take the end of `prefix`).
    public var parseContextLength: Int?
    /// File text after the insertion range.
    public var suffix: String
    /// Import / include / use statements found in the file, as written (routing by domain reads
    /// their modules with the language's `ImportForm`).
    public var imports: [String]
    /// Where the generated text goes; replaces the stub when there is one.
    public var insertion: SourceRange
    /// Indentation of the body lines (e.g. "    " or "\t\t").
    public var indentation: String
    /// One indentation step in this file's style (e.g. "    ", "  ", "\t").
    public var indentUnit: String
    /// Whether the generated text must end with a closing line (e.g. `}`) that is already present
    /// after the insertion range (true) or must be produced (false).
    public var closerPresent: Bool
    /// Path of the file if known (for routing by glob and for messages).
    public var path: String?
    /// Definitions and regions from the rest of the project the prompt should carry, ranked
    /// (`ProjectContext` fills it in; empty when there is no workspace index).
    public var context: [ContextSnippet] = []

    public init(
        language: String, shape: Shape, signature: String, docText: String, rawDoc: String,
        prefix: String, suffix: String, imports: [String], insertion: SourceRange,
        indentation: String, indentUnit: String = "    ", closerPresent: Bool = true,
        path: String? = nil
    ) {
        self.language = language
        self.shape = shape
        self.signature = signature
        self.docText = docText
        self.rawDoc = rawDoc
        self.prefix = prefix
        self.suffix = suffix
        self.imports = imports
        self.insertion = insertion
        self.indentation = indentation
        self.indentUnit = indentUnit
        self.closerPresent = closerPresent
        self.path = path
    }
}
