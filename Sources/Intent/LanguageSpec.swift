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
    /// Keywords one of which must appear as a word in a function declaration; empty = C-like
    /// (`type name(...)`).
    let declarationKeywords: [String]
    /// A declaration ending in `;` is a prototype that can be turned into a definition (C, C++).
    let prototypesAllowed: Bool
    /// Whole lines that may sit between a doc comment and its declaration (`@Override`, `#[test]`).
    let attributePrefixes: [String]
    /// Functions are also values (`const f = (x) => {…}`, `function (x) {…}`): ECMAScript.
    let functionValues: Bool
    /// A declaration starts with its type (`int f(…)`, `List<T> f(…)`): no declaration keyword
    /// and no function values; its head may span lines until its parameter list.
    var typeFirstDeclarations: Bool { declarationKeywords.isEmpty && !functionValues }
    /// `a.b(…)` before a body is a call, never a definition (the JVM's classes hold their methods).
    let dottedNamesAreCalls: Bool
    /// Doc comments are XML (C#).
    let xmlDocComments: Bool

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
        functionValues = language.importForm == .ecmascript
        dottedNamesAreCalls = language.importForm == .jvm
        xmlDocComments = language.xmlDocComments
    }

    static func named(_ id: String) -> LanguageSpec? {
        Languages.named(id).map(LanguageSpec.init)
    }

    static var supportedLanguages: [String] { Languages.ids }

}
