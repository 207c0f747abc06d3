extension Language {
    /// TypeScript; `typescriptreact` (TSX) has its own grammar.
    public static let typescript = ecmascript(
        id: "typescript", displayName: "TypeScript", fenceTags: ["typescript", "ts", "tsx"],
        extensions: ["ts", "mts", "cts"], grammar: .bundled("typescript"), example: typescriptExample, queries: typescriptQueries,
        editors: EditorNames(nvim: ["typescript"], emacs: ["typescript-mode", "typescript-ts-mode"]))

    public static let typescriptreact: Language = {
        var language = ecmascript(
            id: "typescriptreact", displayName: "TypeScript", fenceTags: ["tsx", "typescript", "ts"],
            extensions: ["tsx"], grammar: .bundled("tsx"), example: typescriptExample, queries: typescriptQueries,
            editors: EditorNames(nvim: ["typescriptreact"], emacs: ["tsx-ts-mode"]))
        language.aliases = ["tsx"]
        return language
    }()

    static let typescriptExample = Example(
        signature: "function add(a: number, b: number): number", doc: "Returns the sum of a and b.", body: "  return a + b;")

    static let typescriptQueries = Queries(
        functions: """
            (function_declaration name: (identifier) @name body: (statement_block) @body) @function
            (generator_function_declaration name: (identifier) @name body: (statement_block) @body) @function
            (method_definition name: (_) @name body: (statement_block) @body) @function
            (function_signature name: (identifier) @name) @function
            (method_signature name: (_) @name) @function
            (abstract_method_signature name: (_) @name) @function
            (variable_declarator name: (identifier) @name value: [(arrow_function body: (statement_block) @body) (function body: (statement_block) @body)]) @function
            (expression_statement (assignment_expression left: (member_expression property: (property_identifier) @name)
              right: [(arrow_function body: (statement_block) @body) (function body: (statement_block) @body)])) @function
            (export_statement value: [(arrow_function body: (statement_block) @body) (function body: (statement_block) @body)]) @function
            """,
        comments: "(comment) @comment",
        imports: """
            (import_statement) @import
            (lexical_declaration (variable_declarator value: (call_expression function: (identifier) @_require (#eq? @_require "require")))) @import
            (export_statement source: (string)) @import
            """,
        definitions: """
            (function_declaration name: (identifier) @name) @definition
            (class_declaration name: (type_identifier) @name) @definition
            (interface_declaration name: (type_identifier) @name) @definition
            (type_alias_declaration name: (type_identifier) @name) @definition
            (method_definition name: (_) @name) @definition
            """,
        outline: ecmascriptOutline + """
            (abstract_class_declaration name: (_) @name) @type
            (interface_declaration name: (_) @name) @type
            (type_alias_declaration name: (_) @name) @type
            (enum_declaration name: (_) @name) @type
            (function_signature name: (identifier) @name) @function
            (extends_clause value: (identifier) @mention)
            (type_identifier) @mention
            (required_parameter value: (identifier) @mention)
            (optional_parameter value: (identifier) @mention)
            """,
        closures: """
            (arrow_function body: (statement_block) @body) @function
            (function body: (statement_block) @body) @function
            (generator_function body: (statement_block) @body) @function
            """)
}
