extension Language {
    public static let lua: Language = {
        var lexical = Lexical(lineComments: ["---", "--"])
        lexical.luaLong = true
        var language = Language(
            id: "lua", displayName: "Lua", fenceTags: ["lua"], extensions: ["lua"], grammar: "lua",
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
                    """),
            editors: EditorNames(nvim: ["lua"], emacs: ["lua-mode", "lua-ts-mode"]))
        language.docMarkers = ["---"]
        language.declarationKeywords = ["function"]
        language.declarationStarts = ["function ", "local function "]
        // tree-sitter-languages 1.10.2's Lua external scanner reads uninitialised memory under the
        // 0.26 runtime (valgrind): a call such as `f(x)` may parse as an error. Not judged until fixed.
        language.parseVerdictsReliable = false
        language.endBlocks = EndBlocks(openers: ["function", "if", "repeat"], loops: ["for", "while"], closers: ["until"])
        return language
    }()
}
