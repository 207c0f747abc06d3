extension Language {
    public static let cpp = cFamily(
        id: "cpp", displayName: "C++", fenceTags: ["cpp", "c++", "cc", "cxx"], extensions: ["cc", "cpp", "cxx", "hpp", "hh"],
        grammar: .bundled("cpp"),
        declarators: cppDeclarators,
        // Member prototypes, and templates (the function starts at `template <…>`).
        functions: """
            (field_declaration declarator: \(cppDeclarators)) @function
            (template_declaration [(function_definition declarator: \(cppDeclarators) body: (compound_statement) @body)
                                   (declaration declarator: \(cppDeclarators))
                                   (field_declaration declarator: \(cppDeclarators))]) @function
            """,
        definitions: """
            (function_definition declarator: (function_declarator declarator: (_) @name)) @definition
            (class_specifier name: (type_identifier) @name body: (field_declaration_list)) @definition
            (struct_specifier name: (type_identifier) @name body: (field_declaration_list)) @definition
            (namespace_definition name: (_) @name) @definition
            """,
        outline: """
            (function_definition declarator: (function_declarator
              declarator: (qualified_identifier scope: (_) @container name: [(identifier) (destructor_name) (operator_name)] @name))) @method
            (function_definition declarator: (reference_declarator (function_declarator
              declarator: (qualified_identifier scope: (_) @container name: (identifier) @name)))) @method
            (function_definition declarator: (pointer_declarator declarator: (function_declarator
              declarator: (qualified_identifier scope: (_) @container name: (identifier) @name)))) @method
            (class_specifier name: (type_identifier) @name body: (_)) @type
            (alias_declaration name: (type_identifier) @name) @type
            (concept_definition name: (identifier) @name) @type
            (declaration_list (declaration (type_qualifier) @_const
              declarator: (init_declarator declarator: (identifier) @name value: (_) @value)) @constant
              (#any-of? @_const "const" "constexpr"))
            (namespace_definition body: (declaration_list (declaration
              declarator: [(identifier) @name (init_declarator declarator: (identifier) @name value: (_) @value)]) @variable))
            """ + cOutline,
        closures: "(lambda_expression body: (compound_statement) @body) @function",
        editors: EditorNames(nvim: ["cpp"], emacs: ["c++-mode", "c++-ts-mode"]))

    /// The shapes of a C++ function's declarator: C's, and behind `&`.
    static let cppDeclarators = """
        [\(cDeclaratorShapes)
         (reference_declarator (function_declarator declarator: (_) @name))]
        """
}
