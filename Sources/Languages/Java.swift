extension Language {
    public static let java: Language = {
        var language = Language(
            id: "java", displayName: "Java", fenceTags: ["java"], extensions: ["java"], grammar: .bundled("java"),
            blockStyle: .braces, lexical: .cStyle, indentUnit: "    ",
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
                    """,
                outline: """
                    (class_declaration name: (identifier) @name) @type
                    (interface_declaration name: (identifier) @name) @type
                    (enum_declaration name: (identifier) @name) @type
                    (record_declaration name: (identifier) @name) @type
                    (annotation_type_declaration name: (identifier) @name) @type
                    (method_declaration body: (block) @body)
                    (constructor_declaration body: (constructor_body) @body)
                    (compact_constructor_declaration body: (block) @body)
                    (static_initializer (block) @body)
                    (package_declaration [(identifier) (scoped_identifier)] @package)
                    (type_identifier) @mention
                    """,
                closures: """
                    (lambda_expression body: (block) @body) @function
                    """),
            editors: EditorNames(nvim: ["java"], emacs: ["java-mode", "java-ts-mode"]))
        language.docMarkers = ["/**"]
        language.attributePrefixes = ["@"]
        language.outline = Outline(
            attached: ["line_comment", "block_comment"],
            builtins: ["String", "Object", "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Character",
                       "Void", "List", "Map", "Set", "Optional", "Collection", "Override", "var"])
        language.domainImports = ["tests": ["org.junit", "junit"]]
        return language
    }()
}
