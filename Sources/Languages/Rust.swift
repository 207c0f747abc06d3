extension Language {
    public static let rust: Language = {
        var lexical = Lexical.cStyle(singleQuote: .rustChar)
        lexical.rustRaw = true
        lexical.nestedBlockComments = true
        lexical.lineComments = ["///", "//"]
        var language = Language(
            id: "rust", displayName: "Rust", fenceTags: ["rust", "rs"], extensions: ["rs"], grammar: "rust",
            blockStyle: .braces, lexical: lexical, indentUnit: "    ",
            example: Example(signature: "fn add(a: i32, b: i32) -> i32", doc: "Returns the sum of a and b.", body: "    a + b"),
            importForm: .rust,
            queries: Queries(
                functions: """
                    (function_item name: (identifier) @name body: (block) @body) @function
                    (function_signature_item name: (identifier) @name) @function
                    """,
                comments: """
                    (line_comment) @comment
                    (block_comment) @comment
                    """,
                imports: """
                    (use_declaration) @import
                    (extern_crate_declaration) @import
                    """,
                definitions: """
                    (function_item name: (identifier) @name) @definition
                    (struct_item name: (type_identifier) @name) @definition
                    (enum_item name: (type_identifier) @name) @definition
                    (trait_item name: (type_identifier) @name) @definition
                    (type_item name: (type_identifier) @name) @definition
                    """),
            editors: EditorNames(nvim: ["rust"], emacs: ["rust-mode", "rust-ts-mode", "rustic-mode"]))
        language.docMarkers = ["///", "/**"]
        language.declarationKeywords = ["fn"]
        language.declarationStarts = ["fn ", "pub fn "]
        language.attributePrefixes = ["#["]
        language.domainImports = ["data-ml": ["ndarray", "tch", "candle_core"], "web": ["actix_web", "axum", "rocket", "warp"]]
        return language
    }()
}
