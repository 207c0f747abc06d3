extension Language {
    public static let swift: Language = {
        var lexical = Lexical.cStyle
        lexical.lineComments = ["///", "//"]
        var language = Language(
            id: "swift", displayName: "Swift", fenceTags: ["swift"], extensions: ["swift"], grammar: .ownLibrary("swift"),
            blockStyle: .braces, lexical: lexical, indentUnit: "    ",
            example: Example(signature: "func add(_ a: Int, _ b: Int) -> Int", doc: "Returns the sum of a and b.", body: "    a + b"),
            importForm: .swift,
            queries: Queries(
                functions: """
                    (function_declaration name: (simple_identifier) @name body: (function_body) @body) @function
                    (init_declaration body: (function_body) @body) @function
                    (protocol_function_declaration name: (simple_identifier) @name) @function
                    """,
                comments: """
                    (comment) @comment
                    (multiline_comment) @comment
                    """,
                imports: "(import_declaration) @import",
                definitions: """
                    (function_declaration name: (simple_identifier) @name) @definition
                    (class_declaration name: (type_identifier) @name) @definition
                    (protocol_declaration name: (type_identifier) @name) @definition
                    """,
                outline: """
                    (class_declaration name: (user_type (type_identifier) @container)
                      body: (class_body (function_declaration name: (simple_identifier) @name) @method))
                    (function_declaration name: (simple_identifier) @name) @function
                    (class_declaration name: (type_identifier) @name) @type
                    (protocol_declaration name: (type_identifier) @name) @type
                    (typealias_declaration name: (type_identifier) @name) @type
                    (source_file (property_declaration (value_binding_pattern) @_let
                      name: (pattern bound_identifier: (simple_identifier) @name) value: (_)? @value) @constant
                      (#eq? @_let "let"))
                    (source_file (property_declaration
                      name: (pattern bound_identifier: (simple_identifier) @name) value: (_)? @value) @variable)
                    (function_declaration body: (function_body) @body)
                    (init_declaration body: (function_body) @body)
                    (deinit_declaration body: (function_body) @body)
                    (property_declaration computed_value: (computed_property) @body)
                    (subscript_declaration (computed_property) @body)
                    (type_identifier) @mention
                    """,
                closures: """
                    (lambda_literal) @function @body
                    """),
            editors: EditorNames(nvim: ["swift"], emacs: ["swift-mode"]))
        language.docMarkers = ["///", "/**"]
        language.declarationKeywords = ["func", "init", "subscript"]
        language.declarationStarts = ["func "]
        language.attributePrefixes = ["@"]
        language.outline = Outline(
            attached: ["comment", "multiline_comment"],
            builtins: ["Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Double",
                       "Float", "Bool", "String", "Character", "Void", "Any", "AnyObject", "Self", "Optional", "Array",
                       "Dictionary", "Set", "Never", "Error", "Sendable", "Hashable", "Equatable", "Codable"])
        return language
    }()
}
