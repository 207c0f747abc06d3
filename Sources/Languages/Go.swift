extension Language {
    public static let go: Language = {
        var language = Language(
            id: "go", displayName: "Go", fenceTags: ["go", "golang"], extensions: ["go"], grammar: .bundled("go"),
            blockStyle: .braces, lexical: .cStyle, indentUnit: "\t",
            example: Example(signature: "func Add(a, b int) int", doc: "Add returns the sum of a and b.", body: "\treturn a + b"),
            importForm: .go,
            queries: Queries(
                functions: """
                    (function_declaration name: (identifier) @name body: (block)? @body) @function
                    (method_declaration name: (field_identifier) @name body: (block)? @body) @function
                    """,
                comments: "(comment) @comment",
                imports: "(import_declaration) @import",
                definitions: """
                    (function_declaration name: (identifier) @name) @definition
                    (method_declaration name: (field_identifier) @name) @definition
                    (type_spec name: (type_identifier) @name) @definition
                    """,
                outline: """
                    (source_file (function_declaration name: (identifier) @name) @function)
                    (source_file (method_declaration
                      receiver: (parameter_list (parameter_declaration type: [
                        (type_identifier) @container
                        (pointer_type (type_identifier) @container)
                        (generic_type type: (type_identifier) @container)
                        (pointer_type (generic_type type: (type_identifier) @container))]))
                      name: (field_identifier) @name) @method)
                    (source_file (type_declaration (type_spec name: (type_identifier) @name) @type) @group)
                    (source_file (type_declaration (type_alias name: (type_identifier) @name) @type) @group)
                    (source_file (const_declaration (const_spec name: (identifier) @name value: (_)? @value) @constant) @group)
                    (source_file (var_declaration (var_spec name: (identifier) @name value: (_)? @value) @variable) @group)
                    (function_declaration body: (block) @body)
                    (method_declaration body: (block) @body)
                    (func_literal body: (block) @body)
                    (package_clause (package_identifier) @package)
                    (type_identifier) @mention
                    """,
                closures: """
                    (func_literal body: (block) @body) @function
                    """),
            editors: EditorNames(nvim: ["go"], emacs: ["go-mode", "go-ts-mode"]))
        language.declarationKeywords = ["func"]
        language.declarationStarts = ["func "]
        language.outline = Outline(
            attached: ["comment"],
            builtins: ["bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
                       "uint64", "uintptr", "byte", "rune", "float32", "float64", "complex64", "complex128", "error",
                       "any", "comparable"])
        language.domainImports = [
            "data-ml": ["gonum.org/v1/gonum"], "web": ["net/http", "github.com/gin-gonic/gin"], "tests": ["testing"],
        ]
        return language
    }()
}
