extension Language {
    /// JavaScript; `javascriptreact` (JSX) is the same grammar under another id.
    public static let javascript: Language = {
        var language = ecmascript(
            id: "javascript", displayName: "JavaScript", fenceTags: ["javascript", "js", "jsx"],
            extensions: ["js", "mjs", "cjs"], grammar: .bundled("javascript"),
            example: Example(signature: "function add(a, b)", doc: "Returns the sum of a and b.", body: "  return a + b;"),
            queries: javascriptQueries, editors: EditorNames(nvim: ["javascript"], emacs: ["js-mode", "js-ts-mode"]))
        // node does not read JSX: `javascriptreact` has no external check.
        language.externalCheck = .nodeCheck
        return language
    }()

    public static let javascriptreact = ecmascript(
        id: "javascriptreact", displayName: "JavaScript", fenceTags: ["jsx", "javascript", "js"],
        extensions: ["jsx"], grammar: .bundled("javascript"),
        example: javascript.example, queries: javascriptQueries,
        editors: EditorNames(nvim: ["javascriptreact"], emacs: []))

    static let javascriptQueries = Queries(
        functions: """
            (function_declaration name: (identifier) @name body: (statement_block) @body) @function
            (generator_function_declaration name: (identifier) @name body: (statement_block) @body) @function
            (method_definition name: (_) @name body: (statement_block) @body) @function
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
            (class_declaration name: (identifier) @name) @definition
            (method_definition name: (_) @name) @definition
            """,
        outline: ecmascriptOutline + """
            (class_heritage (identifier) @mention)
            """,
        closures: """
            (arrow_function body: (statement_block) @body) @function
            (function body: (statement_block) @body) @function
            (generator_function body: (statement_block) @body) @function
            """)

    /// The outline query's patterns JavaScript and TypeScript share.
    static let ecmascriptOutline = """
        (function_declaration name: (identifier) @name) @function
        (generator_function_declaration name: (identifier) @name) @function
        (class_declaration name: (_) @name) @type
        (program (lexical_declaration (variable_declarator name: (identifier) @name value: [(arrow_function) (function)]) @function) @group)
        (export_statement (lexical_declaration (variable_declarator name: (identifier) @name value: [(arrow_function) (function)]) @function) @group)
        (program (lexical_declaration "const" (variable_declarator name: (identifier) @name value: (_)? @value) @constant) @group
          (#not-match? @value "^require[(]"))
        (export_statement (lexical_declaration "const" (variable_declarator name: (identifier) @name value: (_)? @value) @constant) @group)
        (program (lexical_declaration (variable_declarator name: (identifier) @name value: (_)? @value) @variable) @group
          (#not-match? @value "^require[(]"))
        (export_statement (lexical_declaration (variable_declarator name: (identifier) @name value: (_)? @value) @variable) @group)
        (program (variable_declaration (variable_declarator name: (identifier) @name value: (_)? @value) @variable) @group
          (#not-match? @value "^require[(]"))
        (program (expression_statement (assignment_expression
          left: (member_expression object: [(identifier) (member_expression)] property: (property_identifier) @name)
          right: [(function) (arrow_function) (class)])) @function)
        (program (expression_statement (assignment_expression left: (member_expression) @name right: (_) @value)) @variable
          (#match? @name "^(module[.])?exports$"))
        (function_declaration body: (statement_block) @body)
        (generator_function_declaration body: (statement_block) @body)
        (method_definition body: (statement_block) @body)
        (function body: (statement_block) @body)
        (arrow_function body: (statement_block) @body)
        (assignment_pattern right: (identifier) @mention)
        """

    /// The shared shape of the JavaScript and TypeScript entries.
    static func ecmascript(id: String, displayName: String, fenceTags: [String], extensions: [String], grammar: Grammar,
                           example: Example, queries: Queries, editors: EditorNames) -> Language {
        var language = Language(
            id: id, displayName: displayName, fenceTags: fenceTags, extensions: extensions, grammar: grammar,
            blockStyle: .braces, lexical: .cStyle, indentUnit: "  ", example: example, importForm: .ecmascript,
            queries: queries, editors: editors)
        language.docMarkers = ["/**"]
        language.declarationStarts = ["function "]
        language.attributePrefixes = ["@"]
        language.outline = Outline(
            wrappers: ["export_statement"], attached: ["comment"],
            builtins: ["number", "string", "boolean", "any", "unknown", "never", "void", "object", "undefined", "null",
                       "bigint", "symbol", "Array", "Promise", "Record", "Partial", "Readonly", "Map", "Set", "Object",
                       "String", "Number", "Boolean", "Function", "Error", "Date", "this"])
        language.domainImports = [
            "data-ml": ["@tensorflow/tfjs", "ndarray"],
            "web": ["express", "koa", "hapi", "@nestjs", "react", "react-dom", "next", "vue", "nuxt", "svelte", "@sveltejs",
                    "@angular", "axios"],
            "tests": ["jest", "@jest/globals", "mocha", "chai", "vitest", "@testing-library"],
        ]
        return language
    }
}
