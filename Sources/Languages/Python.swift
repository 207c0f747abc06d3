extension Language {
    public static let python: Language = {
        var language = Language(
            id: "python", displayName: "Python", fenceTags: ["python", "py", "python3"],
            extensions: ["py", "pyi", "ipynb"], grammar: .bundled("python"), blockStyle: .indentation, lexical: Lexical(lineComments: ["#"]),
            indentUnit: "    ",
            example: Example(signature: "def add(a, b):", doc: "Return the sum of a and b.", body: "    return a + b"),
            importForm: .python,
            queries: Queries(
                functions: """
                    (function_definition name: (identifier) @name body: (block) @body) @function
                    """,
                comments: """
                    (comment) @comment
                    (function_definition body: (block . (expression_statement (string) @doc)))
                    (class_definition body: (block . (expression_statement (string) @doc)))
                    (module . (expression_statement (string) @doc))
                    """,
                imports: """
                    (import_statement) @import
                    (import_from_statement) @import
                    (future_import_statement) @import
                    """,
                definitions: """
                    (function_definition name: (identifier) @name) @definition
                    (class_definition name: (identifier) @name) @definition
                    """,
                outline: """
                    (function_definition name: (identifier) @name) @function
                    (class_definition name: (identifier) @name) @type
                    (module (expression_statement (assignment left: (identifier) @name right: (_)? @value)) @constant
                      (#match? @name "^_*[A-Z][A-Z0-9_]*$"))
                    (module (expression_statement (assignment left: (identifier) @name right: (_)? @value)) @variable)
                    (function_definition body: (block . (expression_statement (string)) @doc) @body)
                    (function_definition body: (block) @body)
                    (type (identifier) @mention)
                    (type (attribute) @mention)
                    (generic_type (identifier) @mention)
                    (class_definition superclasses: (argument_list (identifier) @mention))
                    (class_definition superclasses: (argument_list (attribute) @mention))
                    (default_parameter value: (identifier) @mention)
                    (typed_default_parameter value: (identifier) @mention)
                    (decorator (identifier) @mention)
                    (decorator (call function: (identifier) @mention))
                    (assignment right: (call function: (identifier) @mention))
                    """,
                // A script's main block is its body.
                closures: """
                    (if_statement condition: (comparison_operator (identifier) @_name) consequence: (block) @body
                      (#eq? @_name "__name__")) @function
                    """),
            editors: EditorNames(nvim: ["python"], emacs: ["python-mode", "python-ts-mode"]))
        language.declarationKeywords = ["def"]
        language.externalCheck = .pythonCompile
        language.runnableExamples = .pythonDoctest
        language.declarationStarts = ["def ", "class "]
        language.attributePrefixes = ["@"]
        language.outline = Outline(
            wrappers: ["decorated_definition"], attached: ["comment"],
            builtins: ["int", "float", "complex", "str", "bytes", "bool", "None", "list", "dict", "set", "frozenset",
                       "tuple", "object", "type", "Any", "Optional", "Union", "List", "Dict", "Set", "Tuple", "Callable",
                       "Iterable", "Iterator", "Sequence", "Mapping", "self", "cls", "True", "False"])
        language.domainImports = [
            "data-ml": ["numpy", "pandas", "torch", "torchvision", "sklearn", "scikit-learn", "tensorflow", "keras", "scipy",
                        "polars", "jax", "flax", "matplotlib", "seaborn", "plotly", "statsmodels", "xgboost", "lightgbm",
                        "catboost", "transformers", "datasets"],
            "web": ["flask", "django", "fastapi", "starlette", "aiohttp", "tornado"],
            "tests": ["pytest", "unittest", "hypothesis"],
            "scripts": ["argparse", "sys", "os", "subprocess", "shutil", "getopt", "click", "typer", "pathlib"],
        ]
        return language
    }()
}
