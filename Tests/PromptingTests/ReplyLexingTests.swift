import DocwrightCore
import Prompting
import Syntax
import Testing

/// A model's reply is cut where the body ends: by the grammar's own reading of its comments and
/// strings (the reply parsed after the file's code before the insertion), so a closer inside a
/// raw string, a heredoc, a regex, a verbatim string or a long comment never ends the body.
@Suite("Replies are lexed by the grammar, in place")
struct ReplyLexingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let language: String
        /// The file, `[[]]` marking the insertion (the stub's inside).
        let file: String
        let signature: String
        let indentation: String
        /// The file's indentation step (the test's bodies nest one level at most).
        var unit: String { indentation == "\t" ? "\t" : ["ruby", "lua", "javascript", "typescript"].contains(language) ? "  " : "    " }
        /// What the body is: the reply starts with it, and it is what must be kept.
        let body: String
        /// What the model wrote after the body (the closer and more code).
        let after: String
        var testDescription: String { language }
    }

    static let cases: [Case] = [
        Case(language: "python", file: "def f(x):\n    \"\"\"Text.\"\"\"\n[[    pass\n]]\ndef g():\n    pass\n",
             signature: "def f(x):", indentation: "    ",
             body: "    s = '''\nreturn x\n'''\n    t = f\"{x}\"  # }\n    return s + t\n", after: "\ndef other():\n    pass\n"),
        Case(language: "javascript", file: "/** Text. */\nfunction f(x) {\n[[]]}\n", signature: "function f(x)", indentation: "  ",
             body: "  const r = /\\}+/g;\n  const t = `}${\"}\"}`;\n  return t.replace(r, x); // }\n", after: "}\n\nfunction other() {}\n"),
        Case(language: "typescript", file: "/** Text. */\nfunction f(x: string): string {\n[[]]}\n",
             signature: "function f(x: string): string", indentation: "  ",
             body: "  const r = /[{}]/g;\n  return x.replace(r, '}');\n", after: "}\n\nfunction other() {}\n"),
        Case(language: "go", file: "// F is text.\nfunc F(x string) string {\n[[]]}\n", signature: "func F(x string) string",
             indentation: "\t", body: "\ts := `}\n`\n\tc := '}'\n\treturn s + string(c) + x\n", after: "}\n\nfunc Other() {}\n"),
        Case(language: "rust", file: "/// Text.\nfn f(x: &str) -> usize {\n[[]]}\n", signature: "fn f(x: &str) -> usize",
             indentation: "    ",
             body: "    let s: &'static str = r#\"}\"#;\n    let c = '}';\n    /* a /* nested } */ comment */\n    s.len() + c.len_utf8() + x.len()\n",
             after: "}\n\nfn other() {}\n"),
        Case(language: "c", file: "/* Text. */\nint f(int x) {\n[[]]}\n", signature: "int f(int x)", indentation: "    ",
             body: "    char c = '}';\n    const char *s = \"\\\"}\";\n    /* } */\n    return x + c + s[0];\n", after: "}\n\nint other(void) { return 0; }\n"),
        Case(language: "cpp", file: "// Text.\nint f(int x) {\n[[]]}\n", signature: "int f(int x)", indentation: "    ",
             body: "    auto s = R\"(a \" } )\";\n    return x + s[0];\n", after: "}\n\nint other() { return 0; }\n"),
        Case(language: "csharp", file: "class A {\n    /// <summary>Path.</summary>\n    string P() {\n[[]]    }\n}\n",
             signature: "string P()", indentation: "        ",
             body: "        var p = @\"C:\\dir\\\";\n        return p + \"}\";\n", after: "    }\n\n    int Other() { return 0; }\n}\n"),
        Case(language: "java", file: "class A {\n    /** Text. */\n    String t() {\n[[]]    }\n}\n", signature: "String t()",
             indentation: "        ", body: "        String s = \"\"\"\n            }\n            \"\"\";\n        return s;\n",
             after: "    }\n\n    int other() { return 0; }\n}\n"),
        Case(language: "kotlin", file: "/** Text. */\nfun t(x: Int): String {\n[[]]}\n", signature: "fun t(x: Int): String",
             indentation: "    ", body: "    val s = \"\"\"}\"\"\"\n    return \"${x}}\" + s\n", after: "}\n\nfun other() = 0\n"),
        Case(language: "swift", file: "/// Text.\nfunc t(_ x: Int) -> String {\n[[]]}\n", signature: "func t(_ x: Int) -> String",
             indentation: "    ", body: "    let s = \"\"\"\n    }\n    \"\"\"\n    return #\"}\"# + s + \"\\(x)\"\n",
             after: "}\n\nfunc other() {}\n"),
        Case(language: "ruby", file: "# Text.\ndef t(x)\n[[]]end\n", signature: "def t(x)", indentation: "  ",
             body: "  s = <<~TXT\n    end\n  TXT\n  s + x # end\n", after: "end\n\ndef other\nend\n"),
        Case(language: "lua", file: "--- Text.\nfunction t(x)\n[[]]end\n", signature: "function t(x)", indentation: "  ",
             body: "  local s = [[\nend\n]]\n  --[[ end ]]\n  return s .. x\n", after: "end\n\nfunction other() end\n"),
    ]

    @Test(arguments: cases)
    func theBodyEndsAtItsOwnCloser(_ item: Case) throws {
        let task = makeTask(item.language, item.file, signature: item.signature, doc: "Text.", indentation: item.indentation,
                            unit: item.unit)
        let plan = PromptPlan(prompt: .completion(""), stops: [], extractCode: false)
        let result = try #require(Postprocessor.process(sample(item.body + item.after), plan: plan, task: task))
        #expect(result.text == item.body)
        let file = applied(result.text, to: task)
        let tree = try SyntaxParser().parse(text: file, language: item.language)
        #expect(!tree.hasErrors, "\(file)")
        // As Intent sets it: the reply read after the declaration around the insertion only.
        var placed = task
        let start = task.prefix.utf8.count
        let document = try SyntaxParser().parse(text: task.prefix + task.suffix, language: item.language)
        placed.parseContextLength = start - document.contextStart(before: start)
        #expect(Postprocessor.process(sample(item.body + item.after), plan: plan, task: placed)?.text == item.body)
    }
}
