import Languages

/// What `IntentFinder` knows about one language, read from its `Languages` registry entry:
/// comment markers, how blocks are delimited, what a function declaration looks like, and which
/// comment styles are documentation.
struct LanguageSpec {
    enum Family { case python, braces, endKeyword }

    let id: String
    /// The registry entry this view reads (its queries, import form, display name).
    let entry: Language
    let family: Family
    /// Line comment markers, longest first (`///` before `//`).
    let lineCommentMarkers: [String]
    /// `--[[ ]]` comments (Lua): `--[` opens a block comment, not a line comment.
    let luaLongComments: Bool
    /// Comment openers that mark documentation (a doc comment followed by nothing asks for a
    /// whole function; a plain comment asks for the next lines).
    let docMarkers: [String]
    let defaultIndentUnit: String
    /// Keywords one of which starts a function declaration in `end` languages (`def`, `function`).
    let declarationKeywords: [String]
    /// A declaration ending in `;` is a prototype that can be turned into a definition (C, C++).
    let prototypesAllowed: Bool
    /// Whole lines that may sit between a doc comment and its declaration (`@Override`, `#[test]`).
    let attributePrefixes: [String]
    /// Doc comments are XML (C#).
    let xmlDocComments: Bool
    /// A body's last expression is its value (Rust, Ruby).
    let lastExpressionReturns: Bool

    init(_ language: Language) {
        id = language.id
        entry = language
        switch language.blockStyle {
        case .indentation: family = .python
        case .braces: family = .braces
        case .endKeyword: family = .endKeyword
        }
        luaLongComments = language.lexical.luaLong
        lineCommentMarkers = language.lexical.lineComments
        docMarkers = language.docMarkers
        defaultIndentUnit = language.indentUnit
        declarationKeywords = language.declarationKeywords
        prototypesAllowed = language.prototypesAllowed
        attributePrefixes = language.attributePrefixes
        xmlDocComments = language.xmlDocComments
        lastExpressionReturns = language.lastExpressionReturns
    }

    static func named(_ id: String) -> LanguageSpec? {
        Languages.named(id).map(LanguageSpec.init)
    }

    static var supportedLanguages: [String] { Languages.ids }

}
