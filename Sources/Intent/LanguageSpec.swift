/// What `IntentFinder` knows about one language: comments, how blocks are delimited, what a
/// function declaration looks like, and which comment styles are documentation.
struct LanguageSpec {
    enum Family { case python, braces, endKeyword }

    let id: String
    let family: Family
    let lexical: LexicalSyntax
    /// Line comment markers, longest first (`///` before `//`).
    let lineCommentMarkers: [String]
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

    static func named(_ id: String) -> LanguageSpec? {
        switch id {
        case "python": return python
        case "javascript", "javascriptreact", "typescript", "typescriptreact": return javascript(id)
        case "go": return go
        case "rust": return rust
        case "swift": return swift
        case "java": return cLike(id, keywords: [], attributes: ["@"], singleQuote: .char)
        case "kotlin": return kotlin
        case "c", "cpp": return cLike(id, keywords: [], attributes: ["[[", "__attribute__"], singleQuote: .char,
                                      prototypes: true)
        case "csharp": return csharp
        case "ruby": return ruby
        case "lua": return lua
        default: return nil
        }
    }

    static let supportedLanguages = [
        "python", "javascript", "javascriptreact", "typescript", "typescriptreact", "go", "rust", "swift",
        "java", "kotlin", "c", "cpp", "csharp", "ruby", "lua",
    ]

    private static let slashSlash: [UInt8] = Array("//".utf8)
    private static let blockOpen: [UInt8] = Array("/*".utf8)
    private static let blockClose: [UInt8] = Array("*/".utf8)

    private static func braceLexical(singleQuote: LexicalSyntax.SingleQuote) -> LexicalSyntax {
        LexicalSyntax(lineComments: [slashSlash], blockOpen: blockOpen, blockClose: blockClose,
                      singleQuote: singleQuote)
    }

    static let python = LanguageSpec(
        id: "python", family: .python,
        lexical: LexicalSyntax(lineComments: [Array("#".utf8)], singleQuote: .string,
                               tripleDouble: true, tripleSingle: true),
        lineCommentMarkers: ["#"], docMarkers: [], defaultIndentUnit: "    ",
        declarationKeywords: ["def"], prototypesAllowed: false, attributePrefixes: ["@"])

    static func javascript(_ id: String) -> LanguageSpec {
        var lexical = braceLexical(singleQuote: .string)
        lexical.backtick = true
        return LanguageSpec(
            id: id, family: .braces, lexical: lexical, lineCommentMarkers: ["//"], docMarkers: ["/**"],
            defaultIndentUnit: "  ", declarationKeywords: [], prototypesAllowed: false, attributePrefixes: ["@"])
    }

    static let go: LanguageSpec = {
        var lexical = braceLexical(singleQuote: .char)
        lexical.backtick = true
        lexical.backtickEscapes = false
        return LanguageSpec(
            id: "go", family: .braces, lexical: lexical, lineCommentMarkers: ["//"], docMarkers: [],
            defaultIndentUnit: "\t", declarationKeywords: ["func"], prototypesAllowed: false, attributePrefixes: [])
    }()

    static let rust: LanguageSpec = {
        var lexical = braceLexical(singleQuote: .rustChar)
        lexical.rustRaw = true
        lexical.nestedBlockComments = true
        return LanguageSpec(
            id: "rust", family: .braces, lexical: lexical, lineCommentMarkers: ["///", "//"],
            docMarkers: ["///", "/**"], defaultIndentUnit: "    ", declarationKeywords: ["fn"],
            prototypesAllowed: false, attributePrefixes: ["#["])
    }()

    static let swift: LanguageSpec = {
        var lexical = braceLexical(singleQuote: .none)
        lexical.tripleDouble = true
        lexical.nestedBlockComments = true
        return LanguageSpec(
            id: "swift", family: .braces, lexical: lexical, lineCommentMarkers: ["///", "//"],
            docMarkers: ["///", "/**"], defaultIndentUnit: "    ", declarationKeywords: ["func", "init", "subscript"],
            prototypesAllowed: false, attributePrefixes: ["@"])
    }()

    static let kotlin: LanguageSpec = {
        var lexical = braceLexical(singleQuote: .char)
        lexical.tripleDouble = true
        lexical.nestedBlockComments = true
        return LanguageSpec(
            id: "kotlin", family: .braces, lexical: lexical, lineCommentMarkers: ["//"], docMarkers: ["/**"],
            defaultIndentUnit: "    ", declarationKeywords: ["fun"], prototypesAllowed: false, attributePrefixes: ["@"])
    }()

    static let csharp: LanguageSpec = {
        var lexical = braceLexical(singleQuote: .char)
        lexical.verbatim = true
        return LanguageSpec(
            id: "csharp", family: .braces, lexical: lexical, lineCommentMarkers: ["///", "//"],
            docMarkers: ["///", "/**"], defaultIndentUnit: "    ", declarationKeywords: [],
            prototypesAllowed: false, attributePrefixes: ["["])
    }()

    static func cLike(
        _ id: String, keywords: [String], attributes: [String], singleQuote: LexicalSyntax.SingleQuote,
        prototypes: Bool = false
    ) -> LanguageSpec {
        var lexical = braceLexical(singleQuote: singleQuote)
        if id == "java" { lexical.tripleDouble = true }
        return LanguageSpec(
            id: id, family: .braces, lexical: lexical, lineCommentMarkers: id == "java" ? ["//"] : ["///", "//"],
            docMarkers: id == "java" ? ["/**"] : ["///", "/**"], defaultIndentUnit: "    ",
            declarationKeywords: keywords, prototypesAllowed: prototypes, attributePrefixes: attributes)
    }

    static let ruby = LanguageSpec(
        id: "ruby", family: .endKeyword,
        lexical: LexicalSyntax(lineComments: [Array("#".utf8)], singleQuote: .string),
        lineCommentMarkers: ["#"], docMarkers: [], defaultIndentUnit: "  ",
        declarationKeywords: ["def"], prototypesAllowed: false, attributePrefixes: [])

    static let lua = LanguageSpec(
        id: "lua", family: .endKeyword,
        lexical: LexicalSyntax(lineComments: [Array("--".utf8)], singleQuote: .string, luaLong: true),
        lineCommentMarkers: ["---", "--"], docMarkers: ["---"], defaultIndentUnit: "  ",
        declarationKeywords: ["function"], prototypesAllowed: false, attributePrefixes: [])

    /// Block comment markers (`/*`, `*/`) for languages that have them.
    var hasBlockComments: Bool { lexical.blockOpen != nil || lexical.luaLong }

    /// The word that closes a block in end-keyword languages.
    var closerWord: String { family == .endKeyword ? "end" : "}" }
}
