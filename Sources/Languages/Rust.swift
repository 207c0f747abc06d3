extension Language {
    public static let rust: Language = {
        var lexical = Lexical.cStyle
        lexical.lineComments = ["///", "//!", "//"]
        var language = Language(
            id: "rust", displayName: "Rust", fenceTags: ["rust", "rs"], extensions: ["rs"], grammar: .bundled("rust"),
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
                    (mod_item !body) @import
                    """,
                definitions: """
                    (function_item name: (identifier) @name) @definition
                    (struct_item name: (type_identifier) @name) @definition
                    (enum_item name: (type_identifier) @name) @definition
                    (trait_item name: (type_identifier) @name) @definition
                    (type_item name: (type_identifier) @name) @definition
                    """,
                outline: """
                    (impl_item
                      type: [(type_identifier) @container (generic_type type: (type_identifier) @container)
                             (scoped_type_identifier name: (type_identifier) @container)]
                      body: (declaration_list (function_item name: (identifier) @name) @method))
                    (impl_item
                      type: [(type_identifier) @container (generic_type type: (type_identifier) @container)
                             (scoped_type_identifier name: (type_identifier) @container)]
                      body: (declaration_list (const_item name: (identifier) @name value: (_)? @value) @constant))
                    (function_item name: (identifier) @name) @function
                    (function_signature_item name: (identifier) @name) @function
                    (struct_item name: (type_identifier) @name) @type
                    (enum_item name: (type_identifier) @name) @type
                    (union_item name: (type_identifier) @name) @type
                    (trait_item name: (type_identifier) @name) @type
                    (type_item name: (type_identifier) @name) @type
                    (macro_definition name: (identifier) @name) @function
                    (source_file (const_item name: (identifier) @name value: (_)? @value) @constant)
                    (source_file (static_item name: (identifier) @name value: (_)? @value) @variable)
                    (mod_item body: (declaration_list (const_item name: (identifier) @name value: (_)? @value) @constant))
                    (mod_item body: (declaration_list (static_item name: (identifier) @name value: (_)? @value) @variable))
                    (function_item body: (block) @body)
                    (type_identifier) @mention
                    """,
                closures: "(closure_expression body: (block) @body) @function"),
            editors: EditorNames(nvim: ["rust"], emacs: ["rust-mode", "rust-ts-mode", "rustic-mode"]))
        language.docMarkers = ["///", "/**"]
        language.declarationKeywords = ["fn"]
        language.declarationStarts = ["fn ", "pub fn "]
        language.attributePrefixes = ["#["]
        language.lastExpressionReturns = true
        language.outline = Outline(
            attached: ["line_comment", "block_comment", "attribute_item"],
            builtins: ["Self", "Option", "Result", "Vec", "String", "Box", "Rc", "Arc", "HashMap", "HashSet", "BTreeMap",
                       "str", "bool", "char", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128",
                       "isize", "f32", "f64"])
        language.domainImports = ["data-ml": ["ndarray", "tch", "candle_core"], "web": ["actix_web", "axum", "rocket", "warp"]]
        return language
    }()
}
