extension Language {
    public static let ruby: Language = {
        var language = Language(
            id: "ruby", displayName: "Ruby", fenceTags: ["ruby", "rb"], extensions: ["rb"], grammar: "ruby",
            blockStyle: .endKeyword, lexical: Lexical(lineComments: ["#"]), indentUnit: "  ",
            example: Example(signature: "def add(a, b)", doc: "Returns the sum of a and b.", body: "  a + b"),
            importForm: .ruby,
            queries: Queries(
                functions: """
                    (method name: (_) @name body: (body_statement)? @body) @function
                    (singleton_method name: (_) @name body: (body_statement)? @body) @function
                    """,
                comments: "(comment) @comment",
                imports: """
                    (call method: (identifier) @_require (#match? @_require "^(require|require_relative|load)$")) @import
                    """,
                definitions: """
                    (method name: (_) @name) @definition
                    (singleton_method name: (_) @name) @definition
                    (class name: (_) @name) @definition
                    (module name: (_) @name) @definition
                    """),
            editors: EditorNames(nvim: ["ruby"], emacs: ["ruby-mode", "ruby-ts-mode"]))
        language.declarationKeywords = ["def"]
        language.declarationStarts = ["def "]
        language.endBlocks = EndBlocks(openers: ["def", "class", "module", "begin", "case"],
                                       lineStartOpeners: ["if", "unless"], lineStartLoops: ["while", "until", "for"])
        return language
    }()
}
