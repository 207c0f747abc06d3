extension Language {
    public static let cpp = cFamily(
        id: "cpp", displayName: "C++", fenceTags: ["cpp", "c++", "cc", "cxx"], extensions: ["cc", "cpp", "cxx", "hpp", "hh"],
        grammar: "cpp",
        definitions: """
            (function_definition declarator: (function_declarator declarator: (_) @name)) @definition
            (class_specifier name: (type_identifier) @name body: (field_declaration_list)) @definition
            (struct_specifier name: (type_identifier) @name body: (field_declaration_list)) @definition
            (namespace_definition name: (_) @name) @definition
            """,
        editors: EditorNames(nvim: ["cpp"], emacs: ["c++-mode", "c++-ts-mode"]))
}
