extension Language {
    public static let java: Language = {
        var lexical = Lexical.cStyle(singleQuote: .char)
        lexical.tripleDouble = true
        var language = Language(
            id: "java", displayName: "Java", fenceTags: ["java"], extensions: ["java"], grammar: "java",
            blockStyle: .braces, lexical: lexical, indentUnit: "    ",
            example: Example(signature: "static int add(int a, int b)", doc: "Returns the sum of a and b.", body: "    return a + b;"),
            importForm: .jvm,
            queries: Queries(
                functions: """
                    (method_declaration name: (identifier) @name body: (block)? @body) @function
                    (constructor_declaration name: (identifier) @name body: (constructor_body) @body) @function
                    """,
                comments: """
                    (line_comment) @comment
                    (block_comment) @comment
                    """,
                imports: "(import_declaration) @import",
                definitions: """
                    (method_declaration name: (identifier) @name) @definition
                    (class_declaration name: (identifier) @name) @definition
                    (interface_declaration name: (identifier) @name) @definition
                    (enum_declaration name: (identifier) @name) @definition
                    """),
            editors: EditorNames(nvim: ["java"], emacs: ["java-mode", "java-ts-mode"]))
        language.docMarkers = ["/**"]
        language.attributePrefixes = ["@"]
        language.domainImports = ["tests": ["org.junit", "junit"]]
        return language
    }()
}
