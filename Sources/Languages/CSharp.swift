extension Language {
    public static let csharp: Language = {
        var lexical = Lexical.cStyle
        lexical.lineComments = ["///", "//"]
        var language = Language(
            id: "csharp", displayName: "C#", fenceTags: ["csharp", "cs", "c#"], extensions: ["cs"], grammar: .bundled("c_sharp"),
            blockStyle: .braces, lexical: lexical, indentUnit: "    ",
            example: Example(signature: "static int Add(int a, int b)", doc: "Returns the sum of a and b.", body: "    return a + b;"),
            importForm: .csharp,
            queries: Queries(
                functions: """
                    (method_declaration name: (identifier) @name body: (_)? @body) @function
                    (constructor_declaration name: (identifier) @name body: (_) @body) @function
                    (local_function_statement name: (identifier) @name body: (_) @body) @function
                    """,
                comments: "(comment) @comment",
                imports: "(using_directive) @import",
                definitions: """
                    (method_declaration name: (identifier) @name) @definition
                    (class_declaration name: (identifier) @name) @definition
                    (interface_declaration name: (identifier) @name) @definition
                    (struct_declaration name: (identifier) @name) @definition
                    """,
                outline: """
                    (class_declaration name: (identifier) @name) @type
                    (interface_declaration name: (identifier) @name) @type
                    (struct_declaration name: (identifier) @name) @type
                    (enum_declaration name: (identifier) @name) @type
                    (record_declaration name: (identifier) @name) @type
                    (delegate_declaration name: (identifier) @name) @type
                    (method_declaration body: (block) @body)
                    (constructor_declaration body: (block) @body)
                    (destructor_declaration body: (block) @body)
                    (operator_declaration body: (block) @body)
                    (accessor_declaration body: (block) @body)
                    (local_function_statement body: (block) @body)
                    (file_scoped_namespace_declaration name: (_) @package)
                    (namespace_declaration name: (_) @package)
                    (_ type: (identifier) @mention)
                    (_ type: (generic_name (identifier) @mention))
                    (_ type: (nullable_type (identifier) @mention))
                    (_ type: (array_type type: (identifier) @mention))
                    (base_list (identifier) @mention)
                    (base_list (generic_name (identifier) @mention))
                    (type_argument_list (identifier) @mention)
                    (qualified_name name: (identifier) @mention)
                    """,
                closures: """
                    (lambda_expression body: (block) @body) @function
                    (anonymous_method_expression (block) @body) @function
                    """),
            editors: EditorNames(nvim: ["cs"], emacs: ["csharp-mode", "csharp-ts-mode"]))
        language.aliases = ["c_sharp"]
        language.docMarkers = ["///", "/**"]
        language.xmlDocComments = true
        language.attributePrefixes = ["["]
        language.outline = Outline(
            attached: ["comment"],
            builtins: ["String", "Object", "Int32", "Int64", "Boolean", "Double", "Decimal", "List", "Dictionary",
                       "IEnumerable", "Task", "Action", "Func", "var", "dynamic"])
        return language
    }()
}
