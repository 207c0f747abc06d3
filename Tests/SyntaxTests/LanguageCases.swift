import Testing

/// One snippet pair per docwright language with a grammar: `valid` parses without errors,
/// `broken` (cut mid-block, as a truncated model reply is) does not. The valid snippets carry
/// non-ASCII text; `editDocument` turns them into CRLF, tab-indented documents.
struct LanguageCase: Sendable, CustomTestStringConvertible {
    let language: String
    let valid: String
    let broken: String

    var testDescription: String { language }

    /// The valid snippet with CRLF line ends and each indentation level as one tab.
    var editDocument: String {
        let lines = valid.split(separator: "\n", omittingEmptySubsequences: false)
        let unit = lines.map { $0.prefix { $0 == " " }.count }.filter { $0 > 0 }.min() ?? 1
        return lines.map { line -> String in
            let spaces = line.prefix { $0 == " " }.count
            return String(repeating: "\t", count: spaces / unit) + line.dropFirst(spaces)
        }.joined(separator: "\r\n")
    }

    static let all: [LanguageCase] = [
        LanguageCase(language: "python",
                     valid: "def add(a, b):\n    \"\"\"Return the sum — «ü» 漢字 🙂.\"\"\"\n    if a:\n        return a + b\n    return b\n",
                     broken: "def add(a, b):\n    if a:\n        return (a +\n"),
        LanguageCase(language: "javascript",
                     valid: "// Sum — «ü» 漢字 🙂\nfunction add(a, b) {\n  if (a) {\n    return a + b;\n  }\n  return b;\n}\n",
                     broken: "function add(a, b) {\n  if (a) {\n    return a +\n"),
        LanguageCase(language: "typescript",
                     valid: "// Sum — «ü» 漢字 🙂\nfunction add(a: number, b: number): number {\n  if (a) {\n    return a + b;\n  }\n  return b;\n}\n",
                     broken: "function add(a: number, b: number): number {\n  } else if (a) {\n"),
        LanguageCase(language: "typescriptreact",
                     valid: "// Greeting — «ü» 漢字 🙂\nexport function Hello(props: { name: string }) {\n  return <div title=\"é\">Hello {props.name}</div>;\n}\n",
                     broken: "export function Hello(props: { name: string }) {\n  return <div>Hello {props.name\n"),
        LanguageCase(language: "go",
                     valid: "package main\n\n// Add returns the sum — «ü» 漢字 🙂.\nfunc Add(a, b int) int {\n  if a > 0 {\n    return a + b\n  }\n  return b\n}\n",
                     broken: "package main\n\nfunc Add(a, b int) int {\n\tif a > 0 {\n\t\treturn a +\n"),
        LanguageCase(language: "rust",
                     valid: "/// Sum — «ü» 漢字 🙂.\nfn add(a: i32, b: i32) -> i32 {\n    if a > 0 {\n        return a + b;\n    }\n    b\n}\n",
                     broken: "fn add(a: i32, b: i32) -> i32 {\n    if a > 0 {\n        a +\n"),
        LanguageCase(language: "swift",
                     valid: "/// Sum — «ü» 漢字 🙂.\nfunc add(_ a: Int, _ b: Int) -> Int {\n    if a > 0 {\n        return a + b\n    }\n    return b\n}\n",
                     broken: "func add(_ a: Int, _ b: Int) -> Int {\n    if a > 0 {\n        return (a +\n"),
        LanguageCase(language: "java",
                     valid: "class M {\n  /** Sum — «ü» 漢字 🙂. */\n  static int add(int a, int b) {\n    if (a > 0) {\n      return a + b;\n    }\n    return b;\n  }\n}\n",
                     broken: "class M {\n  static int add(int a, int b) {\n    if (a > 0) {\n      return a +\n"),
        LanguageCase(language: "kotlin",
                     valid: "/** Sum — «ü» 漢字 🙂. */\nfun add(a: Int, b: Int): Int {\n    if (a > 0) {\n        return a + b\n    }\n    return b\n}\n",
                     broken: "fun add(a: Int, b: Int): Int {\n    if (a > 0) {\n        return (a +\n"),
        LanguageCase(language: "c",
                     valid: "/* Sum — «ü» 漢字 🙂. */\nint add(int a, int b) {\n  if (a > 0) {\n    return a + b;\n  }\n  return b;\n}\n",
                     broken: "int add(int a, int b) {\n  if (a > 0) {\n    return a +\n"),
        LanguageCase(language: "cpp",
                     valid: "#include <vector>\n// Sum — «ü» 漢字 🙂.\nint sum(const std::vector<int>& v) {\n  int s = 0;\n  for (int x : v) {\n    s += x;\n  }\n  return s;\n}\n",
                     broken: "int sum(const std::vector<int>& v) {\n  for (int x : v) {\n    s +=\n"),
        LanguageCase(language: "csharp",
                     valid: "class M {\n  /// <summary>Sum — «ü» 漢字 🙂.</summary>\n  static int Add(int a, int b) {\n    if (a > 0) {\n      return a + b;\n    }\n    return b;\n  }\n}\n",
                     broken: "class M {\n  static int Add(int a, int b) {\n    if (a > 0) {\n      return a +\n"),
        LanguageCase(language: "ruby",
                     valid: "# Sum — «ü» 漢字 🙂.\ndef add(a, b)\n  if a > 0\n    return a + b\n  end\n  b\nend\n",
                     broken: "def add(a, b)\n  if a > 0\n    return (a +\n"),
        LanguageCase(language: "lua",
                     valid: "-- Sum — «ü» 漢字 🙂.\nlocal function add(a, b)\n  if a > 0 then\n    return a + b\n  end\n  return b\nend\n",
                     broken: "local function add(a, b)\n  if a > 0 then\n    return (a +\n"),
    ]
}
