/// Everything that can go wrong between a language id and a tree, each with a message a user can
/// act on (`description`).
public enum SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No directory with the runtime and grammars was found; `searched` lists where we looked.
    case grammarsNotFound(searched: [String])
    /// The language id has no grammar in the registry (`Grammars.supportedLanguages`).
    case unsupportedLanguage(String)
    /// The grammar directory exists but this language's library is missing or fails to load.
    case grammarUnavailable(language: String, reason: String)
    /// The grammar was built for an ABI the runtime cannot read.
    case incompatibleGrammar(language: String, abi: Int, supported: ClosedRange<Int>)
    /// The runtime library is missing or too old.
    case runtimeUnavailable(String)
    /// The parse ran past its time budget (the text is unusual or the grammar loops).
    case parseTimedOut(language: String, milliseconds: Int)
    /// The caller's `ParseCancellation` was triggered.
    case parseCancelled(language: String)
    /// The runtime returned no tree (out of memory).
    case parseFailed(language: String)
    /// tree-sitter reads at most 4 GiB - 1 bytes.
    case textTooLarge(bytes: Int)
    /// A query did not compile: `kind` (syntax, node type, field, capture, structure, language),
    /// the byte `offset` into the query source and the 1-based `line`/`column` there.
    case invalidQuery(language: String, kind: String, offset: Int, line: Int, column: Int, near: String)
    /// A query uses a predicate (`#name?`) docwright does not evaluate, or uses it wrongly.
    case unsupportedPredicate(language: String, predicate: String, reason: String)
    /// A query was run on a tree of another language (or a node of another tree).
    case queryLanguageMismatch(query: String, tree: String)
    /// A tree's edit does not fit its text (offsets out of range or reversed).
    case invalidEdit(String)

    public var description: String {
        switch self {
        case .grammarsNotFound(let searched):
            return "tree-sitter grammars not found (looked in \(searched.joined(separator: ", "))); "
                + "run scripts/grammars install, or set DOCWRIGHT_GRAMMARS to a directory it filled"
        case .unsupportedLanguage(let id):
            return "no tree-sitter grammar for language '\(id)' (supported: \(Grammars.supportedLanguages.joined(separator: ", ")))"
        case .grammarUnavailable(let language, let reason):
            return "the \(language) grammar could not be loaded: \(reason); run scripts/grammars install"
        case .incompatibleGrammar(let language, let abi, let supported):
            return "the \(language) grammar has ABI \(abi), but the tree-sitter runtime reads \(supported.lowerBound)–\(supported.upperBound); run scripts/grammars install"
        case .runtimeUnavailable(let reason):
            return reason
        case .parseTimedOut(let language, let milliseconds):
            return "parsing \(language) stopped after \(milliseconds) ms (time limit)"
        case .parseCancelled(let language):
            return "parsing \(language) was cancelled"
        case .parseFailed(let language):
            return "tree-sitter returned no tree for \(language)"
        case .textTooLarge(let bytes):
            return "the text is too large to parse (\(bytes) bytes; tree-sitter reads less than 4 GiB)"
        case .invalidQuery(let language, let kind, let offset, let line, let column, let near):
            return "\(language) query: \(kind) error at line \(line), column \(column) (byte \(offset)) near '\(near)'"
        case .unsupportedPredicate(let language, let predicate, let reason):
            return "\(language) query: predicate #\(predicate) \(reason)"
        case .queryLanguageMismatch(let query, let tree):
            return "a \(query) query cannot run on a \(tree) tree"
        case .invalidEdit(let reason):
            return "invalid edit: \(reason)"
        }
    }
}
