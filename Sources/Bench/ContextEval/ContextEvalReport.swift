import Foundation

/// The result of a context eval run: settings, per-case outcomes in both modes, and totals.
public struct ContextEvalReport: Sendable, Codable {
    public var model: String
    public var baseURL: String
    public var binary: String
    public var n: Int
    public var maxTokens: Int
    public var temperature: Double
    public var seed: Int?
    public var date: String
    public var sandbox: String
    public var seconds: Double
    public var results: [ContextEvalResult]

    public struct Totals: Sendable, Codable, Hashable {
        public var passed: Int
        public var callsHelper: Int
        public var helperInContext: Int
        public var cases: Int
    }

    public var withContext: Totals { Self.totals(results.map(\.withContext)) }
    public var withoutContext: Totals { Self.totals(results.map(\.withoutContext)) }

    static func totals(_ attempts: [ContextEvalAttempt]) -> Totals {
        Totals(passed: attempts.filter(\.passed).count, callsHelper: attempts.filter(\.callsHelper).count,
               helperInContext: attempts.filter(\.helperInContext).count, cases: attempts.count)
    }

    /// The command that reproduces the run.
    public var command: String {
        "scripts/bench context --n \(n) --max-tokens \(maxTokens) --temperature \(temperature)"
            + (seed.map { " --seed \($0)" } ?? "")
    }

    public var markdown: String {
        func cell(_ attempt: ContextEvalAttempt) -> String {
            let verdict = attempt.passed ? "**pass**" : "fail"
            var notes: [String] = []
            if attempt.callsHelper { notes.append("calls helper") }
            if !attempt.passed, attempt.summary != "ok" { notes.append(String(attempt.summary.prefix(70))) }
            return verdict + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
        }
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        let with = withContext
        let without = withoutContext
        func rate(_ count: Int, _ total: Int) -> String {
            "\(count)/\(total) (" + String(format: "%.0f", total == 0 ? 0 : 100 * Double(count) / Double(total)) + " %)"
        }
        var lines = [
            "# Repo-level eval: functions that must call a helper defined in another module",
            "",
            "Each case (bench/context-eval/) is a small Python workspace; `docwright generate TARGET --apply` writes the",
            "ranked first candidate into a fresh copy, once with project context and once with `--no-context`, then the",
            "case's test (which fails on an invented helper) runs in the sandbox.",
            "",
            "- model: `\(model)` at \(baseURL); n=\(n), max_tokens=\(maxTokens), temperature=\(temperature), seed=\(seed.map { String($0) } ?? "none")",
            "- docwright: `\(binary)`; sandbox: \(sandbox); \(date); \(String(format: "%.0f", seconds)) s",
            "- reproduce: `\(command)`",
            "",
            "| | with context | without context |",
            "| --- | --- | --- |",
            "| tests passed | \(rate(with.passed, with.cases)) | \(rate(without.passed, without.cases)) |",
            "| body calls the helper | \(rate(with.callsHelper, with.cases)) | \(rate(without.callsHelper, without.cases)) |",
            "| helper in the prompt's context | \(rate(with.helperInContext, with.cases)) | — |",
            "",
            "| case | helper | context pieces | with context | without context |",
            "| --- | --- | --- | --- | --- |",
        ]
        for result in results {
            lines.append("| \(result.name) | `\(result.helper)` | \(result.withContext.contextPieces)"
                         + (result.withContext.helperInContext ? " (helper)" : "") + " | "
                         + escape(cell(result.withContext)) + " | " + escape(cell(result.withoutContext)) + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
