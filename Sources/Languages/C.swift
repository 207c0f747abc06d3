extension Language {
    public static let c = cFamily(
        id: "c", displayName: "C", fenceTags: ["c", "h"], extensions: ["c", "h"], grammar: "c",
        definitions: """
            (function_definition declarator: (function_declarator declarator: (identifier) @name)) @definition
            (struct_specifier name: (type_identifier) @name body: (field_declaration_list)) @definition
            (type_definition declarator: (type_identifier) @name) @definition
            """,
        editors: EditorNames(nvim: ["c"], emacs: ["c-mode", "c-ts-mode"]))

    /// The shared shape of the C and C++ entries: prototypes may be turned into definitions.
    static func cFamily(id: String, displayName: String, fenceTags: [String], extensions: [String], grammar: String,
                        definitions: String, editors: EditorNames) -> Language {
        var lexical = Lexical.cStyle(singleQuote: .char)
        lexical.lineComments = ["///", "//"]
        var language = Language(
            id: id, displayName: displayName, fenceTags: fenceTags, extensions: extensions, grammar: grammar,
            blockStyle: .braces, lexical: lexical, indentUnit: "    ",
            example: Example(signature: "static int add(int a, int b)", doc: "Returns the sum of a and b.", body: "    return a + b;"),
            importForm: .include,
            queries: Queries(
                functions: """
                    (function_definition declarator: (function_declarator declarator: (_) @name) body: (compound_statement) @body) @function
                    (declaration declarator: (function_declarator declarator: (_) @name)) @function
                    """,
                comments: "(comment) @comment",
                imports: "(preproc_include) @import",
                definitions: definitions),
            editors: editors)
        language.docMarkers = ["///", "/**"]
        language.prototypesAllowed = true
        language.attributePrefixes = ["[[", "__attribute__"]
        return language
    }
}
