/// One tiny worked example per language, shown to chat models before the real request so they
/// answer with just the body, in a fence, at the right indentation.
struct FewShotExample {
    let signature: String
    let doc: String
    let body: String

    static func forLanguage(_ language: String) -> FewShotExample {
        switch language {
        case "python": return FewShotExample(signature: "def add(a, b):", doc: "Return the sum of a and b.", body: "    return a + b")
        case "javascript", "javascriptreact":
            return FewShotExample(signature: "function add(a, b)", doc: "Returns the sum of a and b.", body: "  return a + b;")
        case "typescript", "typescriptreact":
            return FewShotExample(signature: "function add(a: number, b: number): number", doc: "Returns the sum of a and b.",
                                  body: "  return a + b;")
        case "go": return FewShotExample(signature: "func Add(a, b int) int", doc: "Add returns the sum of a and b.", body: "\treturn a + b")
        case "rust": return FewShotExample(signature: "fn add(a: i32, b: i32) -> i32", doc: "Returns the sum of a and b.", body: "    a + b")
        case "swift":
            return FewShotExample(signature: "func add(_ a: Int, _ b: Int) -> Int", doc: "Returns the sum of a and b.", body: "    a + b")
        case "kotlin": return FewShotExample(signature: "fun add(a: Int, b: Int): Int", doc: "Returns the sum of a and b.", body: "    return a + b")
        case "csharp": return FewShotExample(signature: "static int Add(int a, int b)", doc: "Returns the sum of a and b.", body: "    return a + b;")
        case "ruby": return FewShotExample(signature: "def add(a, b)", doc: "Returns the sum of a and b.", body: "  a + b")
        case "lua": return FewShotExample(signature: "function add(a, b)", doc: "Returns the sum of a and b.", body: "  return a + b")
        default: return FewShotExample(signature: "static int add(int a, int b)", doc: "Returns the sum of a and b.", body: "    return a + b;")
        }
    }
}
