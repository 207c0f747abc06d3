extension Language {
    public static let kotlin: Language = {
        var language = Language(
            id: "kotlin", displayName: "Kotlin", fenceTags: ["kotlin", "kt"], extensions: ["kt", "kts"], grammar: .bundled("kotlin"),
            blockStyle: .braces, lexical: .cStyle, indentUnit: "    ",
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
                    """,
                outline: """
                    (function_declaration receiver: (user_type (type_identifier) @container) name: (simple_identifier) @name) @method
                    (function_declaration name: (simple_identifier) @name) @function
                    (class_declaration name: (type_identifier) @name) @type
                    (object_declaration name: (type_identifier) @name) @type
                    (type_alias name: (type_identifier) @name) @type
                    (source_file (property_declaration (modifiers (property_modifier) @_const)
                      (variable_declaration (simple_identifier) @name) expression: (_)? @value) @constant
                      (#eq? @_const "const"))
                    (source_file (property_declaration (variable_declaration (simple_identifier) @name) expression: (_)? @value) @variable)
                    (function_declaration body: (function_body) @body)
                    (getter (function_body) @body)
                    (setter (function_body) @body)
                    (package_header (identifier) @package)
                    (type_identifier) @mention
                    """,
                closures: """
                    (lambda_literal) @function @body
                    """),
            editors: EditorNames(nvim: ["kotlin"], emacs: ["kotlin-mode", "kotlin-ts-mode"]))
        language.docMarkers = ["/**"]
        language.declarationKeywords = ["fun"]
        language.declarationStarts = ["fun "]
        language.attributePrefixes = ["@"]
        language.outline = Outline(
            attached: ["line_comment", "multiline_comment"],
            builtins: ["Int", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Char", "String", "Unit", "Any",
                       "Nothing", "List", "MutableList", "Map", "MutableMap", "Set", "MutableSet", "Array", "Sequence"])
        return language
    }()
}
