extension Language {
    public static let kotlin: Language = {
        var lexical = Lexical.cStyle(singleQuote: .char)
        lexical.tripleDouble = true
        lexical.nestedBlockComments = true
        var language = Language(
            id: "kotlin", displayName: "Kotlin", fenceTags: ["kotlin", "kt"], extensions: ["kt", "kts"], grammar: "kotlin",
            blockStyle: .braces, lexical: lexical, indentUnit: "    ",
            example: Example(signature: "fun add(a: Int, b: Int): Int", doc: "Returns the sum of a and b.", body: "    return a + b"),
            importForm: .jvm,
            queries: Queries(
                functions: """
                    (function_declaration (simple_identifier) @name (function_body)? @body) @function
                    """,
                comments: """
                    (line_comment) @comment
                    (multiline_comment) @comment
                    """,
                imports: "(import_header) @import",
                definitions: """
                    (function_declaration (simple_identifier) @name) @definition
                    (class_declaration (type_identifier) @name) @definition
                    (object_declaration (type_identifier) @name) @definition
                    """),
            editors: EditorNames(nvim: ["kotlin"], emacs: ["kotlin-mode", "kotlin-ts-mode"]))
        language.docMarkers = ["/**"]
        language.declarationKeywords = ["fun"]
        language.declarationStarts = ["fun "]
        language.attributePrefixes = ["@"]
        return language
    }()
}
