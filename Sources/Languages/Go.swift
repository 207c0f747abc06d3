extension Language {
    public static let go: Language = {
        var lexical = Lexical.cStyle(singleQuote: .char)
        lexical.backtick = true
        lexical.backtickEscapes = false
        var language = Language(
            id: "go", displayName: "Go", fenceTags: ["go", "golang"], extensions: ["go"], grammar: "go",
            blockStyle: .braces, lexical: lexical, indentUnit: "\t",
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
                    """),
            editors: EditorNames(nvim: ["go"], emacs: ["go-mode", "go-ts-mode"]))
        language.declarationKeywords = ["func"]
        language.declarationStarts = ["func "]
        language.domainImports = [
            "data-ml": ["gonum.org/v1/gonum"], "web": ["net/http", "github.com/gin-gonic/gin"], "tests": ["testing"],
        ]
        return language
    }()
}
