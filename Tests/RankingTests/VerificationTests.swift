import DocwrightCore
import Foundation
import Syntax
import Testing
@testable import Ranking

/// Syntax checking and doctest verification through real python3 / node subprocesses.
@Suite("Syntax check and doctest verification (subprocesses)")
struct VerificationTests {
    let addDoc = """
        Add two numbers.

        >>> add(2, 3)
        5
        >>> add(-1, 1)
        0
        """

    @Test func brokenPythonCandidateIsMarkedAndLast() async throws {
        let task = pythonTask(signature: "def add(a, b):", doc: "Add two numbers.", suffix: "\n\nprint(add(1, 2))\n")
        let broken = uniformSample("    return a +\n", logprob: -0.1)
        let fine = uniformSample("    return a + b\n", logprob: -0.9)
        let ranked = await Ranker(policy: .meanLogprob).rank([broken, fine], task: task, verifier: nil)
        try #require(ranked.count == 2)
        #expect(ranked[0].text == fine.text)
        #expect(ranked[0].syntaxOK == true)
        #expect(ranked[1].syntaxOK == false)
        #expect(ranked[1].notes.contains("syntax error"))
    }

    @Test func compileLevelErrorsCountAsSyntaxErrors() async {
        let checker = SyntaxChecker()
        // 'return' outside a function only fails at compile time; a NUL byte makes compile() raise ValueError.
        let verdicts = await checker.check(sources: ["x = 1\n", "return 5\n", "def f(:\n", "s = 'a\u{0}b'\n"], language: "python")
        #expect(verdicts == [true, false, false, false])
    }

    @Test func brokenSurroundingCodeMeansUnknownNotFalse() async {
        var task = pythonTask(signature: "def add(a, b):", doc: "Add.")
        task.suffix = "\ndef broken(:\n"
        let verdicts = await SyntaxChecker(externalCheckers: false).check(candidates: ["    return a + b\n"], task: task)
        #expect(verdicts == [nil])
        // The compiler reads the candidate's own top-level statement: there it is fine.
        #expect(await SyntaxChecker().check(candidates: ["    return a + b\n"], task: task) == [true])
    }

    /// Given the tree of the task's file, the check re-parses it with the stub in place instead of
    /// parsing the whole file: same verdicts; a tree of another text is not used.
    @Test func theDocumentsTreeGivesTheSameVerdicts() async throws {
        var task = pythonTask(signature: "def add(a, b):", doc: "Add.")
        task.suffix = "\n\n" + (0..<300).map { "def f\($0)(x):\n    return x + \($0)\n" }.joined(separator: "\n")
        let candidates = ["    return a + b\n", "    return a +\n", "    return (a\n"]
        let document = try SyntaxParser().parse(text: task.prefix + "    raise NotImplementedError\n" + task.suffix, language: "python")
        let checker = SyntaxChecker(externalCheckers: false)
        let fresh = await checker.check(candidates: candidates, task: task)
        #expect(fresh == [true, false, false])
        #expect(await checker.verdicts(candidates: candidates, task: task, document: document).verdicts == fresh)
        #expect(try SyntaxChecker.stubEdit(in: document, task: task, stub: "    pass\n", language: "python") != nil)
        let other = try SyntaxParser().parse(text: "x = 1\n", language: "python")
        #expect(try SyntaxChecker.stubEdit(in: other, task: task, stub: "    pass\n", language: "python") == nil)
        #expect(try SyntaxChecker.stubEdit(in: document, task: task, stub: "    pass\n", language: "ruby") == nil)
        #expect(await checker.verdicts(candidates: candidates, task: task, document: other).verdicts == fresh)
    }

    /// python3 compiles the top-level statement around the insertion, not the file: a compile-time
    /// error in the candidate is found even when another statement of the file has one of its own,
    /// and a 10,000-line file is not compiled once per candidate.
    @Test func theCompilerReadsTheStatementAroundTheInsertion() async {
        var task = pythonTask(signature: "def add(a, b):", doc: "Add.")
        task.suffix = "\n\nreturn 1\n" + String(repeating: "x = 1\n", count: 3)
        let verdicts = await SyntaxChecker().check(candidates: ["    nonlocal a\n    return a + b\n", "    return a + b\n"],
                                                   task: task)
        #expect(verdicts == [false, true])
        // Between top-level statements, the candidate alone: `return` outside a function.
        let top = GenerationTask(language: "python", shape: .nextLines, signature: "", docText: "Total.", rawDoc: "# Total.",
                                 prefix: "x = 1\n# Total.\n", suffix: "y = 2\n", imports: [],
                                 insertion: SourceRange(at: SourcePosition(line: 2, utf8Column: 0)), indentation: "")
        #expect(await SyntaxChecker().check(candidates: ["return x\n", "total = x\n"], task: top) == [false, true])
    }

    @Test func javascriptCheckedWithNodeWhenPresent() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/node"), "node is installed on this machine")
        let task = GenerationTask(
            language: "javascript", shape: .body, signature: "function add(a, b) {", docText: "Add.", rawDoc: "// Add.",
            prefix: "// Add.\nfunction add(a, b) {\n", suffix: "}\nmodule.exports = add;\n", imports: [],
            insertion: SourceRange(at: SourcePosition(line: 2, utf8Column: 0)), indentation: "  ")
        let verdicts = await SyntaxChecker().check(candidates: ["  return a + b;\n", "  return a +;\n"], task: task)
        #expect(verdicts == [true, false])
        let module = await SyntaxChecker().check(sources: ["export const x = 1;\n", "import x from 'y';\nexport default x\n"],
                                                 language: "javascript")
        #expect(module == [true, true])
    }

    @Test func doctestVerifierReordersCandidates() async throws {
        let task = pythonTask(signature: "def add(a, b):", doc: addDoc,
                              suffix: "\n\nif __name__ == \"__main__\":\n    raise SystemExit('main must not run')\n")
        let wrong = uniformSample("    return a - b\n", logprob: -0.1)        // best logprob, fails
        let looping = uniformSample("    while True:\n        pass\n", logprob: -0.2)
        let right = uniformSample("    return a + b\n", logprob: -0.8)        // worst logprob, passes
        let started = Date()
        let ranked = await Ranker(policy: .verifiedThenLogprob)
            .rank([wrong, looping, right], task: task, verifier: DoctestVerifier(exampleTimeout: 1))
        #expect(Date().timeIntervalSince(started) < 15)
        try #require(ranked.count == 3)
        #expect(ranked[0].text == right.text)
        #expect(ranked[0].verification == .passed)
        #expect(ranked[0].examplesPassed == 2 && ranked[0].examplesRun == 2)
        #expect(ranked[0].evidenceSummary.contains("2/2 examples"))
        let failing = ranked.dropFirst()
        #expect(failing.allSatisfy { $0.verification == .failed })
        #expect(failing.map(\.text) == [wrong.text, looping.text])  // logprob order within the failed tier
        #expect(ranked[1].examplesPassed == 0 && ranked[1].examplesRun == 2)
        #expect(ranked[2].notes.contains { $0.contains("timeout") }, "\(ranked[2].notes)")
        // Without the verified policy the logprob order stands (evidence still recorded).
        let plain = await Ranker(policy: .meanLogprob)
            .rank([wrong, right], task: task, verifier: DoctestVerifier())
        #expect(plain.first?.text == wrong.text)
        #expect(plain.first?.verification == .failed)
    }

    @Test func doctestHandlesExceptionsDirectivesAndPrints() async throws {
        let doc = """
            Divide.

            >>> div(6, 3)
            2.0
            >>> div(1, 0)
            Traceback (most recent call last):
                ...
            ZeroDivisionError: division by zero
            >>> print(div(1, 3))  # doctest: +ELLIPSIS
            0.333...
            >>> div(1, 2)  # doctest: +SKIP
            999
            """
        let task = pythonTask(signature: "def div(a, b):", doc: doc)
        let verifier = DoctestVerifier()
        let good = await verifier.verify(candidate: "    return a / b\n", task: task)
        #expect(good.status == .passed, "\(good.detail ?? "")")
        #expect(good.examplesRun == 3 && good.examplesPassed == 3)
        let guarded = await verifier.verify(candidate: "    return a / b if b else 0\n", task: task)
        #expect(guarded.status == .failed)
        #expect(guarded.examplesPassed == 2)
        #expect(guarded.detail?.contains("example 2") == true)
    }

    @Test func missingModuleIsAnErrorNotAFailure() async {
        var task = pythonTask(signature: "def f(x):", doc: ">>> f(1)\n1")
        task.prefix = "import docwright_no_such_module\n" + task.prefix
        let outcome = await DoctestVerifier().verify(candidate: "    return x\n", task: task)
        #expect(outcome.status == .error)
        #expect(outcome.detail?.contains("docwright_no_such_module") == true)
    }

    @Test func noExamplesOrOtherLanguagesAreUntestedWithoutRunning() async {
        let task = pythonTask(signature: "def f(x):", doc: "Just prose.")
        #expect(await DoctestVerifier().verify(candidate: "    return x\n", task: task) == .untested)
        var js = task
        js.language = "javascript"
        js.docText = ">>> f(1)\n1"
        #expect(await DoctestVerifier().verify(candidate: "    return x\n", task: js) == .untested)
    }

    @Test func forgedResultLinesFromTheCandidateAreIgnored() async {
        let task = pythonTask(signature: "def f(x):", doc: ">>> f(1)\n2")
        let forger = "    print('DWRESULT-x {\"index\": 0, \"passed\": true}')\n    return 1\n"
        let outcome = await DoctestVerifier().verify(candidate: forger, task: task)
        #expect(outcome.status == .failed)
    }
}
