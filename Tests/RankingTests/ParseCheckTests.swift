import DocwrightCore
import Foundation
import Languages
import Testing
@testable import Ranking

/// One body insertion per language: a valid candidate and a broken one (cut mid-block, as a
/// sample stopped by `max_tokens` is), each parsed in place with tree-sitter.
struct ParseCase: Sendable, CustomTestStringConvertible {
    let language: String
    let prefix: String
    let suffix: String
    let valid: String
    let broken: String
    var indentation = "    "

    var testDescription: String { language }

    var task: GenerationTask {
        GenerationTask(language: language, shape: .body, signature: "", docText: "Sum.", rawDoc: "", prefix: prefix,
                       suffix: suffix, imports: [], insertion: SourceRange(at: SourcePosition(line: 1, utf8Column: 0)),
                       indentation: indentation)
    }

    static let all: [ParseCase] = [
        ParseCase(language: "python", prefix: "def add(a, b):\n    \"\"\"Sum — «ü».\"\"\"\n", suffix: "\n\nprint(add(1, 2))\n",
                  valid: "    return a + b\n", broken: "    if a > 0:\n        return (a +\n"),
        ParseCase(language: "javascript", prefix: "/** Sum. */\nfunction add(a, b) {\n", suffix: "}\nmodule.exports = add;\n",
                  valid: "  if (a > 0) {\n    return a + b;\n  }\n  return b;\n",
                  broken: "  if (a > 0) {\n    return a;\n  } else if (b > 0) {\n", indentation: "  "),
        ParseCase(language: "javascriptreact", prefix: "function View({ a }) {\n", suffix: "}\n",
                  valid: "  return <b>{a}</b>;\n", broken: "  return <b>{a;\n", indentation: "  "),
        ParseCase(language: "typescript", prefix: "function add(a: number, b: number): number {\n", suffix: "}\n",
                  valid: "  return a + b;\n", broken: "  return a +;\n", indentation: "  "),
        ParseCase(language: "typescriptreact", prefix: "function View(p: { a: number }): JSX.Element {\n", suffix: "}\n",
                  valid: "  return <b>{p.a}</b>;\n", broken: "  return <b>{p.a;\n", indentation: "  "),
        ParseCase(language: "go", prefix: "package main\n\n// add — «ü».\nfunc add(a, b int) int {\n", suffix: "}\n",
                  valid: "\tif a > 0 {\n\t\treturn a + b\n\t}\n\treturn b\n", broken: "\tif a > 0 {\n\t\treturn a\n", indentation: "\t"),
        ParseCase(language: "rust", prefix: "/// Sum.\nfn add(a: i32, b: i32) -> i32 {\n", suffix: "}\n",
                  valid: "    match a {\n        0 => b,\n        _ => a + b,\n    }\n", broken: "    match a {\n        0 => b,\n"),
        ParseCase(language: "swift", prefix: "/// Sum.\nfunc add(_ a: Int, _ b: Int) -> Int {\n", suffix: "}\n",
                  valid: "    if a > 0 {\n        return a + b\n    }\n    return b\n", broken: "    if a > 0 {\n        return a\n"),
        ParseCase(language: "java", prefix: "class A {\n    /** Sum. */\n    static int add(int a, int b) {\n", suffix: "    }\n}\n",
                  valid: "        return a + b;\n", broken: "        for (int i = 0; i < a; i++) {\n            b++;\n",
                  indentation: "        "),
        ParseCase(language: "kotlin", prefix: "/** Sum. */\nfun add(a: Int, b: Int): Int {\n", suffix: "}\n",
                  valid: "    return a + b\n", broken: "    if (a > 0) {\n        return a\n"),
        ParseCase(language: "c", prefix: "#include <stdio.h>\n\n/* Sum. */\nint add(int a, int b) {\n", suffix: "}\n",
                  valid: "    return a + b;\n", broken: "    while (a > 0) {\n        a--;\n"),
        ParseCase(language: "cpp", prefix: "#include <vector>\n\nint sum(const std::vector<int>& v) {\n", suffix: "}\n",
                  valid: "    int s = 0;\n    for (int x : v) s += x;\n    return s;\n",
                  broken: "    int s = 0;\n    for (int x : v) {\n        s += x;\n"),
        ParseCase(language: "csharp", prefix: "class A {\n    /// Sum.\n    static int Add(int a, int b) {\n", suffix: "    }\n}\n",
                  valid: "        return a + b;\n", broken: "        if (a > 0) {\n            return a;\n", indentation: "        "),
        ParseCase(language: "ruby", prefix: "# Sum.\ndef add(a, b)\n", suffix: "end\n",
                  valid: "  if a > 0\n    a + b\n  else\n    b\n  end\n", broken: "  if a > 0\n    a + b\n", indentation: "  "),
    ]
}

@Suite("Candidates parsed in place with tree-sitter")
struct ParseCheckTests {
    let checker = SyntaxChecker(externalCheckers: false)

    @Test("valid parses, a block cut short does not", arguments: ParseCase.all)
    func verdicts(_ example: ParseCase) async {
        let result = await checker.verdicts(candidates: [example.valid, example.broken], task: example.task)
        #expect(result.verdicts == [true, false])
        #expect(result.problem == nil)
    }

    @Test("CRLF line ends and tabs are judged the same")
    func crlf() async {
        var task = ParseCase.all[5].task
        task.prefix = task.prefix.replacingOccurrences(of: "\n", with: "\r\n")
        task.suffix = "}\r\n"
        let verdicts = await checker.check(candidates: ["\tif a > 0 {\r\n\t\treturn a\r\n\t}\r\n\treturn b\r\n", "\tif a > 0 {\r\n"],
                                           task: task)
        #expect(verdicts == [true, false])
    }

    @Test("surrounding code that does not parse: only candidates adding errors are false")
    func brokenSurroundings() async {
        var task = ParseCase.all[1].task
        task.suffix += "function broken( {\n"
        let verdicts = await checker.check(candidates: ["  return a + b;\n", "  if (a) {\n    if (b) {\n"], task: task)
        #expect(verdicts[0] == nil)
        #expect(verdicts[1] == false)
    }

    @Test("Lua candidates are judged: a call parses, an unclosed one does not (the rebuilt grammar's scanner is sound)")
    func luaIsJudged() async {
        let task = GenerationTask(language: "lua", shape: .body, signature: "", docText: "", rawDoc: "",
                                  prefix: "local json = require(\"cjson\")\n\nfunction add(a, b)\n", suffix: "end\n", imports: [],
                                  insertion: SourceRange(at: SourcePosition(line: 3, utf8Column: 0)), indentation: "  ")
        let candidates = ["  print(f(x))\n  return a + b\n", "  return g(a, [[long\nstring]]) .. b\n", "  return f(a, \n"]
        #expect(await checker.check(candidates: candidates, task: task) == [true, true, false])
    }

    @Test("a language without a grammar is not judged and not reported")
    func noGrammar() async {
        var task = ParseCase.all[0].task
        task.language = "zig"
        let result = await checker.verdicts(candidates: ["x"], task: task)
        #expect(result.verdicts == [nil] && result.problem == nil)
    }

    @Test("the broken candidate with the best log-probability is ranked last, in every language",
          arguments: ParseCase.all)
    func brokenRankedLast(_ example: ParseCase) async throws {
        let broken = uniformSample(example.broken, logprob: -0.05)
        let valid = uniformSample(example.valid, logprob: -0.9)
        let ranked = await Ranker(policy: .meanLogprob, syntaxChecker: checker).rank([broken, valid], task: example.task, verifier: nil)
        try #require(ranked.count == 2)
        #expect(ranked[0].text == valid.text && ranked[0].syntaxOK == true)
        #expect(ranked[1].syntaxOK == false && ranked[1].notes.contains("syntax error"))
    }

    @Test("a sample cut by max_tokens is labelled and ranked after a complete one")
    func truncatedDemoted() async throws {
        let example = ParseCase.all[1]
        let cut = uniformSample("  return a + b;\n", logprob: -0.05, finish: .length)
        let complete = uniformSample(example.valid, logprob: -0.9)
        let ranked = await Ranker(policy: .meanLogprob, syntaxChecker: checker).rank([cut, complete], task: example.task, verifier: nil)
        try #require(ranked.count == 2)
        #expect(ranked[0].text == complete.text)
        #expect(ranked[1].finishReason == .length && ranked[1].notes.contains("truncated at max tokens"))
    }
}
