@testable import Bench
import Foundation
import Testing

/// The repo-level context eval's cases and report (the runs themselves need the model and the
/// binary: `scripts/bench context`).
@Suite struct ContextEvalTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("bench/context-eval").path

    @Test func everyCaseNeedsAHelperFromAnotherModule() throws {
        let cases = try ContextEvalCase.load(from: Self.directory)
        #expect(cases.count >= 10, "\(cases.count) cases")
        for evalCase in cases {
            let target = try #require(evalCase.files[evalCase.targetPath], "\(evalCase.name)")
            let lines = target.split(separator: "\n", omittingEmptySubsequences: false)
            let line = try #require(Int(evalCase.target.split(separator: ":").last ?? ""), "\(evalCase.name)")
            #expect(lines.indices.contains(line - 1) && lines[line - 1].contains("\"\"\""), "\(evalCase.name): line \(line) is no docstring")
            // Defined in another module of the workspace, never in the target, and the test never
            // sits in the workspace (it would be indexed as context).
            let definers = evalCase.files.filter { $0.value.contains("def \(evalCase.helper)(") }.map(\.key)
            #expect(definers.count == 1 && definers.first != evalCase.targetPath, "\(evalCase.name): \(definers)")
            #expect(evalCase.files.keys.allSatisfy { !$0.hasSuffix("test_case.py") }, "\(evalCase.name)")
            #expect(evalCase.test.contains("import"), "\(evalCase.name)")
        }
    }

    @Test func theReportCountsBothModesAndSaysHowToReproduce() {
        func attempt(_ passed: Bool, calls: Bool, pieces: Int) -> ContextEvalAttempt {
            ContextEvalAttempt(passed: passed, summary: passed ? "ok" : "test exit 1: AssertionError", callsHelper: calls,
                               contextPieces: pieces, helperInContext: pieces > 0, body: "", seconds: 1)
        }
        let report = ContextEvalReport(
            model: "local", baseURL: "http://127.0.0.1:1/v1", binary: "docwright", n: 2, maxTokens: 80, temperature: 0.2,
            seed: 1, date: "d", sandbox: "s", seconds: 3, results: [
                ContextEvalResult(name: "a", helper: "tax_for", withContext: attempt(true, calls: true, pieces: 3),
                                  withoutContext: attempt(false, calls: false, pieces: 0)),
                ContextEvalResult(name: "b", helper: "on_hand", withContext: attempt(false, calls: true, pieces: 2),
                                  withoutContext: attempt(false, calls: false, pieces: 0)),
            ])
        #expect(report.withContext == .init(passed: 1, callsHelper: 2, helperInContext: 2, cases: 2))
        #expect(report.withoutContext == .init(passed: 0, callsHelper: 0, helperInContext: 0, cases: 2))
        #expect(report.markdown.contains("| tests passed | 1/2 (50 %) | 0/2 (0 %) |"), "\(report.markdown)")
        #expect(report.markdown.contains("| a | `tax_for` | 3 (helper) | **pass** (calls helper) | fail (test exit 1: AssertionError) |"))
        #expect(report.markdown.contains("scripts/bench context --n 2 --max-tokens 80"))
    }
}
