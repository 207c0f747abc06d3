extension Language {
    public static let ruby: Language = {
        var language = Language(
            id: "ruby", displayName: "Ruby", fenceTags: ["ruby", "rb"], extensions: ["rb"], grammar: .bundled("ruby"),
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
                    """,
                outline: """
                    (module name: (_) @container body: (body_statement (method name: (_) @name) @function))
                    (module name: (_) @container body: (body_statement (singleton_method name: (_) @name) @function))
                    (module name: (_) @container body: (body_statement (assignment left: (constant) @name right: (_) @value) @constant))
                    (method name: (_) @name) @function
                    (singleton_method name: (_) @name) @function
                    (class name: (_) @name) @type
                    (singleton_class value: (_) @name) @type
                    (program (assignment left: (constant) @name right: (_) @value) @constant)
                    (method body: (body_statement) @body)
                    (singleton_method body: (body_statement) @body)
                    (superclass (constant) @mention)
                    (superclass (scope_resolution name: (constant) @mention))
                    (call method: (identifier) @_include arguments: (argument_list (constant) @mention)
                      (#any-of? @_include "include" "extend" "prepend"))
                    (optional_parameter value: (constant) @mention)
                    """,
                closures: """
                    (do_block) @function @body
                    (block) @function @body
                    """),
            editors: EditorNames(nvim: ["ruby"], emacs: ["ruby-mode", "ruby-ts-mode"]))
        language.declarationKeywords = ["def"]
        language.declarationStarts = ["def "]
        language.lastExpressionReturns = true
        language.outline = Outline(attached: ["comment"], builtins: ["Object", "String", "Integer", "Float", "Array", "Hash",
                                                                      "Symbol", "Comparable", "Enumerable", "StandardError"])
        language.endBlocks = EndBlocks(openers: ["def", "class", "module", "begin", "case"],
                                       lineStartOpeners: ["if", "unless"], lineStartLoops: ["while", "until", "for"])
        return language
    }()
}
