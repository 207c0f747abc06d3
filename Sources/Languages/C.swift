extension Language {
    public static let c = cFamily(
        id: "c", displayName: "C", fenceTags: ["c", "h"], extensions: ["c", "h"], grammar: .bundled("c"),
        declarators: "[\(cDeclaratorShapes)]",
        definitions: """
            (function_definition declarator: (function_declarator declarator: (identifier) @name)) @definition
            (struct_specifier name: (type_identifier) @name body: (field_declaration_list)) @definition
            (type_definition declarator: (type_identifier) @name) @definition
            """,
        outline: cOutline,
        editors: EditorNames(nvim: ["c"], emacs: ["c-mode", "c-ts-mode"]))

    /// The outline query's patterns C and C++ share.
    static let cOutline = """
        (function_definition declarator: (function_declarator declarator: (identifier) @name)) @function
        (function_definition declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name))) @function
        (declaration declarator: (function_declarator declarator: (identifier) @name)) @function
        (declaration declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name))) @function
        (type_definition declarator: (type_identifier) @name) @type
        (struct_specifier name: (type_identifier) @name body: (_)) @type
        (union_specifier name: (type_identifier) @name body: (_)) @type
        (enum_specifier name: (type_identifier) @name body: (_)) @type
        (preproc_def name: (identifier) @name value: (_) @value) @constant
        (preproc_function_def name: (identifier) @name) @function
        (translation_unit (declaration (type_qualifier) @_const
          declarator: (init_declarator declarator: (identifier) @name value: (_) @value)) @constant
          (#any-of? @_const "const" "constexpr"))
        (translation_unit (declaration
          declarator: [(identifier) @name (init_declarator declarator: (identifier) @name value: (_) @value)]) @variable)
        (preproc_ifdef (declaration (type_qualifier) @_const
          declarator: (init_declarator declarator: (identifier) @name value: (_) @value)) @constant
          (#any-of? @_const "const" "constexpr"))
        (preproc_ifdef (declaration
          declarator: [(identifier) @name (init_declarator declarator: (identifier) @name value: (_) @value)]) @variable)
        (function_definition body: (compound_statement) @body)
        (type_identifier) @mention
        """

    /// The shapes of a C function's declarator: plain, behind `*` or `**` (C++ adds `&`).
    static let cDeclaratorShapes = """
        (function_declarator declarator: (_) @name)
        (pointer_declarator declarator: (function_declarator declarator: (_) @name))
        (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator declarator: (_) @name)))
        """

    /// Function definitions and prototypes, with their declarator as the grammar nests it
    /// (`int *f(void)` is a pointer declarator around the function's); `declarators` lists the
    /// shapes a function's declarator takes in the language.
    static func cFunctions(declarators: String) -> String {
        """
        (function_definition declarator: \(declarators) body: (compound_statement) @body) @function
        (declaration declarator: \(declarators)) @function

        """
    }

    /// The shared shape of the C and C++ entries: prototypes may be turned into definitions.
    static func cFamily(id: String, displayName: String, fenceTags: [String], extensions: [String], grammar: Grammar,
                        declarators: String, functions: String = "",
                        definitions: String, outline: String, closures: String = "", editors: EditorNames) -> Language {
        var lexical = Lexical.cStyle
        lexical.lineComments = ["///", "//"]
        var language = Language(
            id: id, displayName: displayName, fenceTags: fenceTags, extensions: extensions, grammar: grammar,
            blockStyle: .braces, lexical: lexical, indentUnit: "    ",
            example: Example(signature: "static int add(int a, int b)", doc: "Returns the sum of a and b.", body: "    return a + b;"),
            importForm: .include,
            queries: Queries(
                functions: cFunctions(declarators: declarators) + functions,
                comments: "(comment) @comment",
                imports: "(preproc_include) @import",
                definitions: definitions, outline: outline, closures: closures),
            editors: editors)
        language.docMarkers = ["///", "/**"]
        language.prototypesAllowed = true
        language.attributePrefixes = ["[[", "__attribute__"]
        language.outline = Outline(
            wrappers: ["template_declaration"], attached: ["comment"],
            builtins: ["size_t", "ssize_t", "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t",
                       "uint64_t", "uintptr_t", "bool", "FILE", "string", "vector", "map", "unique_ptr", "shared_ptr"])
        return language
    }
}
