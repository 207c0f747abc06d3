extension Language {
    public static let swift: Language = {
        var lexical = Lexical.cStyle(singleQuote: .none)
        lexical.tripleDouble = true
        lexical.nestedBlockComments = true
        lexical.lineComments = ["///", "//"]
        var language = Language(
            id: "swift", displayName: "Swift", fenceTags: ["swift"], extensions: ["swift"], grammar: "swift",
            blockStyle: .braces, lexical: lexical, indentUnit: "    ",
            example: Example(signature: "func add(_ a: Int, _ b: Int) -> Int", doc: "Returns the sum of a and b.", body: "    a + b"),
            importForm: .swift,
            queries: Queries(
                functions: """
                    (function_declaration name: (simple_identifier) @name body: (function_body) @body) @function
                    (init_declaration body: (function_body) @body) @function
                    (protocol_function_declaration name: (simple_identifier) @name) @function
                    """,
                comments: """
                    (comment) @comment
                    (multiline_comment) @comment
                    """,
                imports: "(import_declaration) @import",
                definitions: """
                    (function_declaration name: (simple_identifier) @name) @definition
                    (class_declaration name: (type_identifier) @name) @definition
                    (protocol_declaration name: (type_identifier) @name) @definition
                    """),
            editors: EditorNames(nvim: ["swift"], emacs: ["swift-mode"]))
        language.docMarkers = ["///", "/**"]
        language.declarationKeywords = ["func", "init", "subscript"]
        language.declarationStarts = ["func "]
        language.attributePrefixes = ["@"]
        return language
    }()
}
