extension Language {
    public static let python: Language = {
        var lexical = Language.Lexical(lineComments: ["#"])
        lexical.tripleDouble = true
        lexical.tripleSingle = true
        var language = Language(
            id: "python", displayName: "Python", fenceTags: ["python", "py", "python3"],
            extensions: ["py", "pyi", "ipynb"], grammar: "python", blockStyle: .indentation, lexical: lexical,
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
                    """),
            editors: EditorNames(nvim: ["python"], emacs: ["python-mode", "python-ts-mode"]))
        language.declarationKeywords = ["def"]
        language.declarationStarts = ["def ", "class "]
        language.attributePrefixes = ["@"]
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
