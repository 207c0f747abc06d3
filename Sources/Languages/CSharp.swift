extension Language {
    public static let csharp: Language = {
        var lexical = Lexical.cStyle(singleQuote: .char)
        lexical.verbatim = true
        lexical.lineComments = ["///", "//"]
        var language = Language(
            id: "csharp", displayName: "C#", fenceTags: ["csharp", "cs", "c#"], extensions: ["cs"], grammar: "c_sharp",
            blockStyle: .braces, lexical: lexical, indentUnit: "    ",
            example: Example(signature: "static int Add(int a, int b)", doc: "Returns the sum of a and b.", body: "    return a + b;"),
            importForm: .csharp,
            queries: Queries(
                functions: """
                    (method_declaration name: (identifier) @name body: (block)? @body) @function
                    (constructor_declaration name: (identifier) @name body: (block) @body) @function
                    (local_function_statement name: (identifier) @name body: (block) @body) @function
                    """,
                comments: "(comment) @comment",
                imports: "(using_directive) @import",
                definitions: """
                    (method_declaration name: (identifier) @name) @definition
                    (class_declaration name: (identifier) @name) @definition
                    (interface_declaration name: (identifier) @name) @definition
                    (struct_declaration name: (identifier) @name) @definition
                    """),
            editors: EditorNames(nvim: ["cs"], emacs: ["csharp-mode", "csharp-ts-mode"]))
        language.aliases = ["c_sharp"]
        language.docMarkers = ["///", "/**"]
        language.attributePrefixes = ["["]
        return language
    }()
}
