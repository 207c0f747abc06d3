import Foundation

/// The result of a HumanEval run: settings, totals with 95 % Wilson intervals, and per-problem detail.
public struct HumanEvalReport: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public var name: String
        public var meaning: String
        /// Sum of per-problem values (fractional for pass@1 and random).
        public var successes: Double
        public var problems: Int
        public var rate: Double
        public var low: Double
        public var high: Double
    }

    public var model: String
    public var modelID: String
    public var baseURL: String
    public var n: Int
    public var temperature: Double
    public var maxTokens: Int
    public var seed: Int?
    public var date: String
    public var dataFile: String
    /// Problems attempted (including those with model errors).
    public var attempted: Int
    /// Problems evaluated (the denominator of every row).
    public var evaluated: Int
    public var samplesDrawn: Int
    public var samplesCorrect: Int
    public var canonicalThroughDocwright: Int
    /// Problems where docwright found no task (counted as failed).
    public var noTask: Int
    public var sandbox: String
    public var seconds: Double
    public var rows: [Row]
    public var problems: [ProblemResult]

    /// Totals over the evaluated problems.
    public static func rows(_ results: [ProblemResult], n: Int, policies: [BenchPolicy]) -> [Row] {
        let evaluated = results.filter { $0.error == nil }
        func row(_ name: String, _ meaning: String, _ value: (ProblemResult) -> Double) -> Row {
            let sum = evaluated.map(value).reduce(0, +)
            let interval = BenchStatistics.wilson(successes: sum, trials: evaluated.count) ?? 0...0
            return Row(name: name, meaning: meaning, successes: sum, problems: evaluated.count,
                       rate: evaluated.isEmpty ? 0 : sum / Double(evaluated.count), low: interval.lowerBound, high: interval.upperBound)
        }
        var rows = [
            row("pass@1", "unbiased estimate from the n samples (Codex paper, eq. 1)", \.passAt1),
            row("pass@\(n)", "oracle: any of the n samples passes", { $0.passAtN ? 1 : 0 }),
        ]
        for policy in policies {
            rows.append(row(policy.name, policy.meaning, { $0.policies[policy.name] ?? 0 }))
        }
        return rows
    }

    /// The markdown table committed under bench/results/.
    public var markdown: String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        func count(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
        }
        var lines = [
            "# HumanEval through docwright — \(model) (\(modelID))",
            "",
            "\(date) · \(evaluated) of \(attempted) problems evaluated · n = \(n) samples per problem · "
                + "temperature \(temperature) · max_tokens \(maxTokens)" + (seed.map { " · seed \($0)" } ?? "")
                + " · \(String(format: "%.0f", seconds)) s",
            "",
            "Samples drawn, post-processed and ranked by docwright's own modules (Intent → Prompting → Gateway → "
                + "Prompting.Postprocessor → Ranking); each sample's tests ran in Ranking's sandbox (\(sandbox)).",
            "",
            "| selection | passed | of | rate | 95% CI (Wilson) | meaning |",
            "|---|---:|---:|---:|---|---|",
        ]
        for row in rows {
            lines.append("| \(row.name) | \(count(row.successes)) | \(row.problems) | \(percent(row.rate)) | "
                         + "\(percent(row.low))–\(percent(row.high)) | \(row.meaning) |")
        }
        lines += [
            "",
            "Samples: \(samplesCorrect) of \(samplesDrawn) pass their tests. Harness check: the canonical solution "
                + "passes in the sandbox for every problem, and \(canonicalThroughDocwright) of \(evaluated - noTask) still pass "
                + "after docwright's post-processing (as if the model had written them).",
        ]
        let taskless = problems.filter { $0.noTask != nil }
        if !taskless.isEmpty {
            lines.append("")
            lines.append("docwright found no task in \(taskless.count) prompt(s), counted as failed by every row: "
                         + taskless.map(\.taskID).joined(separator: ", ") + " (see the JSON for why).")
        }
        let failed = problems.filter { $0.error != nil }
        if !failed.isEmpty {
            lines.append("")
            lines.append("Not evaluated (model errors): " + failed.map { "\($0.taskID) (\($0.error ?? ""))" }.joined(separator: "; "))
        }
        let solved = problems.filter { $0.correct > 0 }.map(\.taskID)
        lines.append("")
        lines.append("Problems with at least one passing sample: " + (solved.isEmpty ? "none" : solved.joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }
}
