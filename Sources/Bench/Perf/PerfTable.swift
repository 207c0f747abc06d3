import Foundation

/// One line of the performance table: a figure, its baseline from the same run, and the goal.
public struct PerfRow: Sendable, Codable {
    public enum Direction: String, Sendable, Codable {
        /// Smaller is better: met when `value ≤ goal`.
        case atMost
        /// Larger is better: met when `value ≥ goal`.
        case atLeast
    }

    public var figure: String
    public var value: Double
    public var unit: String
    /// What the baseline is (e.g. "raw HTTP, same body"); nil when the figure has none.
    public var baselineName: String?
    public var baseline: Double?
    /// The goal applies to this quantity: the value itself or the ratio value/baseline.
    public var goalOnRatio: Bool
    public var goal: Double?
    public var direction: Direction
    /// How it was measured (repetitions, sizes), for the notes under the table.
    public var note: String?

    public init(figure: String, value: Double, unit: String, baselineName: String? = nil, baseline: Double? = nil,
                goalOnRatio: Bool = false, goal: Double? = nil, direction: Direction = .atMost, note: String? = nil) {
        self.figure = figure
        self.value = value
        self.unit = unit
        self.baselineName = baselineName
        self.baseline = baseline
        self.goalOnRatio = goalOnRatio
        self.goal = goal
        self.direction = direction
        self.note = note
    }

    public var ratio: Double? {
        guard let baseline, baseline != 0 else { return nil }
        return value / baseline
    }

    /// nil when there is no goal (or the ratio it needs is missing).
    public var met: Bool? {
        guard let goal else { return nil }
        guard let measured = goalOnRatio ? ratio : value else { return nil }
        return direction == .atMost ? measured <= goal : measured >= goal
    }
}

/// The table `figure | docwright | baseline | ratio | goal | met?`.
public struct PerfReport: Sendable, Codable {
    public var date: String
    public var binary: String
    public var quick: Bool
    public var machine: String
    public var rows: [PerfRow]
    /// Figures that could not be measured, with the reason.
    public var skipped: [String]

    static func format(_ value: Double, _ unit: String) -> String {
        let magnitude = abs(value)
        let number: String
        if magnitude >= 1000 { number = String(format: "%.0f", value) }
        else if magnitude >= 100 { number = String(format: "%.1f", value) }
        else if magnitude >= 1 { number = String(format: "%.2f", value) }
        else { number = String(format: "%.3f", value) }
        return unit.isEmpty ? number : "\(number) \(unit)"
    }

    func goalText(_ row: PerfRow) -> String {
        guard let goal = row.goal else { return "—" }
        let symbol = row.direction == .atMost ? "≤" : "≥"
        return row.goalOnRatio ? "ratio \(symbol) \(Self.format(goal, ""))" : "\(symbol) \(Self.format(goal, row.unit))"
    }

    public var markdown: String {
        var lines = [
            "# docwright performance\(quick ? " (quick mode: fewer repetitions, smaller sizes)" : "")",
            "",
            "\(date) · `\(binary)` · \(machine)",
            "",
            "| figure | docwright | baseline | ratio | goal | met? |",
            "|---|---:|---|---:|---|---|",
        ]
        for row in rows {
            let baseline = row.baseline.map { Self.format($0, row.unit) + (row.baselineName.map { " (\($0))" } ?? "") }
                ?? (row.baselineName ?? "—")
            let ratio = row.ratio.map { String(format: "%.2f", $0) } ?? "—"
            let met = row.met.map { $0 ? "yes" : "**no**" } ?? "—"
            lines.append("| \(row.figure) | \(Self.format(row.value, row.unit)) | \(baseline) | \(ratio) | \(goalText(row)) | \(met) |")
        }
        let notes = rows.compactMap { row in row.note.map { "- \(row.figure): \($0)" } }
        if !notes.isEmpty { lines += ["", "How each figure was measured:", ""] + notes }
        if !skipped.isEmpty { lines += ["", "Not measured:", ""] + skipped.map { "- \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }
}
