import DocwrightCore
import Testing

/// What a stub may hold besides `pass`/`todo!()`/`{}`: a `return` of a default value (what a
/// typed language needs to compile), a bare default value where the last expression is the
/// value, an expression body that only throws (C# `=>`, Kotlin `=`); and placeholders right below
/// a comment inside a body, which the next lines replace.
let standInCases: [IntentCase] = [
    // A default return is the whole stub body.
    .task("return 0 under a doc comment", "c", "/* Length of s.¦ */\nsize_t len(const char *s)\n{\n    return 0;\n}\n",
          marked: "/* Length of s. */\nsize_t len(const char *s)\n{\n[[    return 0;\n]]}\n",
          indentation: "    ", signature: "size_t len(const char *s)", doc: "Length of s."),
    .task("return 0.0 in a class, on the brace line", "cpp", "class S {\npublic:\n    /// The median.¦\n    double median() const { return 0.0; }\n};\n",
          marked: "class S {\npublic:\n    /// The median.\n    double median() const {[[ return 0.0; ]]}\n};\n",
          indentation: "        ", signature: "double median() const", doc: "The median."),
    .task("Go's several default results", "go", "package p\n\n// Open reads path.¦\nfunc Open(path string) ([]string, error) {\n\treturn nil, nil\n}\n",
          marked: "package p\n\n// Open reads path.\nfunc Open(path string) ([]string, error) {\n[[\treturn nil, nil\n]]}\n",
          indentation: "\t", signature: "func Open(path string) ([]string, error)", doc: "Open reads path."),
    .task("an empty array, CRLF", "swift", "/// The words of s.¦\r\nfunc words(_ s: String) -> [String] {\r\n    return []\r\n}\r\n",
          marked: "/// The words of s.\r\nfunc words(_ s: String) -> [String] {\r\n[[    return []\r\n]]}\r\n",
          indentation: "    ", signature: "func words(_ s: String) -> [String]", doc: "The words of s."),
    .task("a default method returning 0, with a TODO", "java", "interface Shape {\n    /** The perimeter.¦ */\n    default double perimeter() {\n        // TODO\n        return 0;\n    }\n}\n",
          marked: "interface Shape {\n    /** The perimeter. */\n    default double perimeter() {\n[[        // TODO\n        return 0;\n]]    }\n}\n",
          indentation: "        ", signature: "default double perimeter()", doc: "The perimeter."),
    .task("an arrow function returning 0, tabs", "typescript", "/** Clamp x.¦ */\nexport const clamp = (x: number): number => {\n\treturn 0;\n};\n",
          marked: "/** Clamp x. */\nexport const clamp = (x: number): number => {\n[[\treturn 0;\n]]};\n",
          indentation: "\t", signature: "export const clamp = (x: number): number =>", doc: "Clamp x."),
    .task("return None", "python", "def find(xs, x):\n    \"\"\"Index of x in xs, or None — ü.¦\"\"\"\n    return None\n",
          marked: "def find(xs, x):\n    \"\"\"Index of x in xs, or None — ü.\"\"\"\n[[    return None\n]]",
          indentation: "    ", signature: "def find(xs, x):", doc: "Index of x in xs, or None — ü."),
    .task("return nil", "lua", "--- A copy of t.¦\nlocal function copy(t)\n  return nil\nend\n",
          marked: "--- A copy of t.\nlocal function copy(t)\n[[  return nil\n]]end\n",
          indentation: "  ", signature: "local function copy(t)", doc: "A copy of t."),
    .task("a bare Vec::new()", "rust", "/// The long words of s.¦\nfn long_words(s: &str) -> Vec<String> {\n    Vec::new()\n}\n",
          marked: "/// The long words of s.\nfn long_words(s: &str) -> Vec<String> {\n[[    Vec::new()\n]]}\n",
          indentation: "    ", signature: "fn long_words(s: &str) -> Vec<String>", doc: "The long words of s."),
    .task("a bare empty array", "ruby", "class Cart\n  # The items above limit.¦\n  def expensive(limit)\n    []\n  end\nend\n",
          marked: "class Cart\n  # The items above limit.\n  def expensive(limit)\n[[    []\n]]  end\nend\n",
          indentation: "    ", signature: "def expensive(limit)", doc: "The items above limit."),
    .task("a value-initialised type, attributes on the signature's line", "cpp",
          "template <typename T>\nclass Box {\npublic:\n    /// The value, or def.¦\n    [[nodiscard]] T valueOr(T def) const noexcept {\n        return T{};\n    }\n};\n",
          marked: "template <typename T>\nclass Box {\npublic:\n    /// The value, or def.\n    [[nodiscard]] T valueOr(T def) const noexcept {\n[[        return T{};\n]]    }\n};\n",
          indentation: "        ", signature: "[[nodiscard]] T valueOr(T def) const noexcept", doc: "The value, or def."),
    .task("Go's not-implemented error", "go", "package p\n\n// Load reads p.¦\nfunc Load(p string) (*Config, error) {\n\treturn nil, errors.New(\"not implemented\")\n}\n",
          marked: "package p\n\n// Load reads p.\nfunc Load(p string) (*Config, error) {\n[[\treturn nil, errors.New(\"not implemented\")\n]]}\n",
          indentation: "\t", signature: "func Load(p string) (*Config, error)", doc: "Load reads p."),
    .nothing("a call returning a value", "cpp", "/// Twice.¦\nint twice(int x) {\n    return compute(x);\n}\n", reason: "already has a body"),
    .nothing("a computed return", "go", "package p\n\n// Twice doubles.¦\nfunc Twice(a int) int {\n\treturn a * 2\n}\n", reason: "already has a body"),
    .nothing("a default return after code", "c", "/* Sum. ¦*/\nint sum(int *a, int n) {\n    int s = 0;\n    return 0;\n}\n", reason: "already has a body"),
    .nothing("a bare value where a return is needed", "java", "class A {\n    /** Zero.¦ */\n    int zero() {\n        0;\n    }\n}\n", reason: "already has a body"),
    .nothing("a default string holding a comma", "typescript", "/** Pair.¦ */\nfunction pair(): string {\n  return \"a, b\";\n}\n", reason: "already has a body"),

    // A TODO that only marks the place is replaced; one that says what to do is kept for the model.
    .task("a TODO with an instruction stays above the body", "python",
          "def f(x):\n    \"\"\"Return x doubled.¦\"\"\"\n    # TODO: handle negative x\n    pass\n",
          marked: "def f(x):\n    \"\"\"Return x doubled.\"\"\"\n    # TODO: handle negative x\n[[    pass\n]]",
          indentation: "    ", signature: "def f(x):", doc: "Return x doubled."),
    .task("TODO(ann): implement. is only a marker", "go",
          "package p\n\n// Twice doubles x.¦\nfunc Twice(x int) int {\n\t// TODO(ann): implement.\n\treturn 0\n}\n",
          marked: "package p\n\n// Twice doubles x.\nfunc Twice(x int) int {\n[[\t// TODO(ann): implement.\n\treturn 0\n]]}\n",
          indentation: "\t", signature: "func Twice(x int) int", doc: "Twice doubles x."),
    .task("an instruction without a tag is guidance too", "javascript",
          "/** Sort xs.¦ */\nfunction sort(xs) {\n  // implement with a merge sort\n}\n",
          marked: "/** Sort xs. */\nfunction sort(xs) {\n  // implement with a merge sort\n[[]]}\n",
          indentation: "  ", signature: "function sort(xs)", doc: "Sort xs."),
    .task("your code here is a marker", "java",
          "class A {\n    /** Twice x.¦ */\n    int twice(int x) {\n        // your code here\n    }\n}\n",
          marked: "class A {\n    /** Twice x. */\n    int twice(int x) {\n[[        // your code here\n]]    }\n}\n",
          indentation: "        ", signature: "int twice(int x)", doc: "Twice x."),

    // Expression bodies that only stand in: the generated text brings ` {`, the body and `}`.
    .task("C# arrow body throwing", "csharp", "public class Calc {\n    /// <summary>Twice x.¦</summary>\n    public int Twice(int x) => throw new NotImplementedException();\n}\n",
          shape: .function,
          marked: "public class Calc {\n    /// <summary>Twice x.</summary>\n    public int Twice(int x)[[ => throw new NotImplementedException();]]\n}\n",
          indentation: "        ", signature: "public int Twice(int x)", doc: "Twice x.", closerPresent: false),
    .task("C# arrow body on the next line, CRLF", "csharp", "class U {\r\n    /// <summary>Blank s — ß.¦</summary>\r\n    static bool Blank(string s) =>\r\n        throw new NotImplementedException(\"todo\");\r\n}\r\n",
          shape: .function,
          marked: "class U {\r\n    /// <summary>Blank s — ß.</summary>\r\n    static bool Blank(string s)[[ =>\r\n        throw new NotImplementedException(\"todo\");]]\r\n}\r\n",
          indentation: "        ", signature: "static bool Blank(string s)", doc: "Blank s — ß.", closerPresent: false),
    .task("Kotlin = TODO()", "kotlin", "/** The factorial of n.¦ */\nfun factorial(n: Int): Long = TODO()\n",
          shape: .function, marked: "/** The factorial of n. */\nfun factorial(n: Int): Long[[ = TODO()]]\n",
          indentation: "    ", signature: "fun factorial(n: Int): Long", doc: "The factorial of n.", closerPresent: false),
    .task("Kotlin = on its own line, tabs", "kotlin", "class Box {\n\t/** The area.¦ */\n\tfun area(): Int =\n\t\tTODO(\"not yet\")\n}\n",
          shape: .function, marked: "class Box {\n\t/** The area. */\n\tfun area(): Int[[ =\n\t\tTODO(\"not yet\")]]\n}\n",
          indentation: "\t\t", signature: "fun area(): Int", doc: "The area.", closerPresent: false),
    .nothing("Kotlin = TODO() without a return type", "kotlin", "/** Twice n.¦ */\nfun twice(n: Int) = TODO()\n",
             reason: "no declared return type"),
    .task("a C# constructor's arrow body", "csharp", "class P {\n    /// <summary>Makes a point.¦</summary>\n    public P(int x) => throw new NotImplementedException();\n}\n",
          shape: .function,
          marked: "class P {\n    /// <summary>Makes a point.</summary>\n    public P(int x)[[ => throw new NotImplementedException();]]\n}\n",
          indentation: "        ", signature: "public P(int x)", doc: "Makes a point.", closerPresent: false),
    .nothing("a C# arrow body computing", "csharp", "class A {\n    /// <summary>Twice.¦</summary>\n    int Twice(int x) => x * 2;\n}\n", reason: "already has a body"),
    .nothing("a Kotlin expression body computing", "kotlin", "/** One.¦ */\nfun one(): Int = 1\n", reason: "already has a body"),

    // Placeholders right below a comment inside a body are replaced; what follows stays.
    .task("pass below the comment", "python", "def parse(lines):\n    out = {}\n    for line in lines:\n        # split on '=' and store¦\n        pass\n    return out\n",
          shape: .nextLines, marked: "def parse(lines):\n    out = {}\n    for line in lines:\n        # split on '=' and store\n[[        pass\n]]    return out\n",
          indentation: "        ", signature: "", doc: "split on '=' and store"),
    .task("a throwing placeholder", "javascript", "function clean(rows) {\n  const out = [];\n  // drop the rows whose email is empty¦\n  throw new Error(\"TODO\");\n}\n",
          shape: .nextLines, marked: "function clean(rows) {\n  const out = [];\n  // drop the rows whose email is empty\n[[  throw new Error(\"TODO\");\n]]}\n",
          indentation: "  ", signature: "", doc: "drop the rows whose email is empty"),
    .task("todo!() then code, CRLF", "rust", "fn main() {\r\n    let xs = vec![3, 1];\r\n    // sort xs¦\r\n    todo!();\r\n    println!(\"{:?}\", xs);\r\n}\r\n",
          shape: .nextLines, marked: "fn main() {\r\n    let xs = vec![3, 1];\r\n    // sort xs\r\n[[    todo!();\r\n]]    println!(\"{:?}\", xs);\r\n}\r\n",
          indentation: "    ", signature: "", doc: "sort xs"),
    .task("a default return below the comment stays", "go", "package p\n\nfunc Load(p string) error {\n\tf := open(p)\n\t// read every line of f¦\n\treturn nil\n}\n",
          shape: .nextLines, marked: "package p\n\nfunc Load(p string) error {\n\tf := open(p)\n\t// read every line of f\n[[]]\treturn nil\n}\n",
          indentation: "\t", signature: "", doc: "read every line of f"),
]

@Suite("Intent: stand-ins for a body")
struct StandInIntentTests {
    @Test(arguments: standInCases)
    func standIn(_ row: IntentCase) { check(row) }
}
