extension Language {
    public static let lua: Language = {
        var lexical = Lexical(lineComments: ["---", "--"])
        lexical.luaLong = true
        var language = Language(
            id: "lua", displayName: "Lua", fenceTags: ["lua"], extensions: ["lua"], grammar: .ownLibrary("lua"),
            blockStyle: .endKeyword, lexical: lexical, indentUnit: "  ",
            example: Example(signature: "function add(a, b)", doc: "Returns the sum of a and b.", body: "  return a + b"),
            importForm: .lua,
            queries: Queries(
                functions: """
                    (function_declaration name: (_) @name body: (block)? @body) @function
                    """,
                comments: "(comment) @comment",
                imports: """
                    (variable_declaration (assignment_statement (expression_list
                      value: (function_call name: (identifier) @_require (#eq? @_require "require"))))) @import
                    (function_call name: (identifier) @_require (#eq? @_require "require")) @import
                    """,
                definitions: """
                    (function_declaration name: (_) @name) @definition
                    """,
                outline: """
                    (function_declaration name: (method_index_expression table: (_) @container method: (identifier) @name)) @method
                    (function_declaration name: (dot_index_expression table: (_) @container field: (identifier) @name)) @function
                    (function_declaration name: (_) @name) @function
                    (chunk (assignment_statement
                      (variable_list . name: (dot_index_expression table: (identifier) @container field: (identifier) @name) .)
                      (expression_list . value: (_) @value)) @constant
                      (#match? @name "^[A-Z][A-Z0-9_]+$"))
                    (chunk (assignment_statement (variable_list . name: (identifier) @name .)
                      (expression_list . value: (_) @value)) @variable)
                    (chunk (variable_declaration (assignment_statement (variable_list . name: (identifier) @name .)
                      (expression_list . value: (_) @value))) @constant
                      (#match? @name "^[A-Z][A-Z0-9_]+$"))
                    (chunk (variable_declaration (assignment_statement (variable_list . name: (identifier) @name .)
                      (expression_list . value: (_) @value))) @variable
                      (#not-match? @value "^require"))
                    (function_declaration body: (block) @body)
                    (function_definition body: (block) @body)
                    """,
                closures: """
                    (function_definition body: (block) @body) @function
                    """),
            editors: EditorNames(nvim: ["lua"], emacs: ["lua-mode", "lua-ts-mode"]))
        language.docMarkers = ["---"]
        language.declarationKeywords = ["function"]
        language.declarationStarts = ["function ", "local function "]
        language.outline = Outline(attached: ["comment"])
        language.endBlocks = EndBlocks(openers: ["function", "if", "repeat"], loops: ["for", "while"], closers: ["until"])
        return language
    }()
}
