extension Language {
    public static let lua: Language = {
        var lexical = Lexical(lineComments: ["---", "--"])
        lexical.luaLong = true
        var language = Language(
            id: "lua", displayName: "Lua", fenceTags: ["lua"], extensions: ["lua"], grammar: .bundled("lua"),
            blockStyle: .endKeyword, lexical: lexical, indentUnit: "  ",
            example: Example(signature: "function add(a, b)", doc: "Returns the sum of a and b.", body: "  return a + b"),
            importForm: .lua,
            queries: Queries(
                functions: """
                    (function_definition_statement name: (_) @name body: (block)? @body) @function
                    (local_function_definition_statement name: (_) @name body: (block)? @body) @function
                    """,
                comments: "(comment) @comment",
                imports: """
                    (call function: (variable name: (identifier) @_require) (#eq? @_require "require")) @import
                    """,
                definitions: """
                    (function_definition_statement name: (_) @name) @definition
                    (local_function_definition_statement name: (_) @name) @definition
                    """,
                outline: """
                    (function_definition_statement name: (variable table: (_) @container method: (identifier) @name)) @method
                    (function_definition_statement name: (variable table: (_) @container field: (identifier) @name)) @function
                    (function_definition_statement name: (_) @name) @function
                    (local_function_definition_statement name: (_) @name) @function
                    (chunk (variable_assignment (variable_list . (variable table: (identifier) @container field: (identifier) @name) .)
                      (expression_list . value: (_) @value)) @constant
                      (#match? @name "^[A-Z][A-Z0-9_]+$"))
                    (chunk (variable_assignment (variable_list . (variable name: (identifier) @name) .)
                      (expression_list . value: (_) @value)) @variable)
                    (chunk (local_variable_declaration (variable_list . (variable name: (identifier) @name) .)
                      (expression_list . value: (_) @value)) @constant
                      (#match? @name "^[A-Z][A-Z0-9_]+$"))
                    (chunk (local_variable_declaration (variable_list . (variable name: (identifier) @name) .)
                      (expression_list . value: (_) @value)) @variable
                      (#not-match? @value "^require"))
                    (function_definition_statement body: (block) @body)
                    (local_function_definition_statement body: (block) @body)
                    (function_definition body: (block) @body)
                    """),
            editors: EditorNames(nvim: ["lua"], emacs: ["lua-mode", "lua-ts-mode"]))
        language.docMarkers = ["---"]
        language.declarationKeywords = ["function"]
        language.declarationStarts = ["function ", "local function "]
        language.outline = Outline(attached: ["comment"])
        // tree-sitter-languages 1.10.2's Lua external scanner reads uninitialised memory under the
        // 0.26 runtime (valgrind): a call such as `f(x)` may parse as an error. Not judged until fixed.
        language.parseVerdictsReliable = false
        language.endBlocks = EndBlocks(openers: ["function", "if", "repeat"], loops: ["for", "while"], closers: ["until"])
        return language
    }()
}
