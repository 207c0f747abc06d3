import Config
import DocwrightCore
import FoundationEssentials

/// The same task sent to several models at once, for a side-by-side report.
public struct Comparison: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        public var model: String
        public var modelID: String
        public var best: Candidate?
        public var candidateCount: Int
        public var latency: Double
        public var usage: Usage
        /// Estimated cost in USD from the model's configured prices.
        public var cost: Double
        public var fromCache: Bool
        public var error: String?
    }

    public var entries: [Entry]
    /// Language of the task, for the report's code fences.
    public var language: String = ""

    /// One line per model, for `window/showMessage` and terminals.
    public var summary: String {
        entries.map { entry in
            if let error = entry.error { return "\(entry.model): \(error)" }
            let evidence = entry.best?.evidenceSummary ?? "no candidate"
            return "\(entry.model): \(evidence) · \(String(format2: entry.latency))s · $\(String(cFormat: "%.5f", entry.cost))"
        }.joined(separator: "\n")
    }

    public func markdown(uri: String, position: String) -> String {
        var lines = ["# docwright: model comparison", "", "`\(uri)` at \(position)", "",
                     "| model | best candidate | verification | latency | tokens in/out | est. cost |",
                     "|---|---|---|---|---|---|"]
        for entry in entries {
            if let error = entry.error {
                lines.append("| \(entry.model) | error: \(error) | | | | |")
                continue
            }
            let best = entry.best
            let verification = best.map { $0.examplesRun > 0 ? "\($0.examplesPassed)/\($0.examplesRun) examples" : $0.verification.rawValue } ?? "-"
            lines.append("| \(entry.model) (`\(entry.modelID)`) | \(best?.evidenceSummary ?? "none") | \(verification) | "
                + "\(String(format2: entry.latency)) s\(entry.fromCache ? " (cache)" : "") | "
                + "\(entry.usage.promptTokens)/\(entry.usage.completionTokens) | $\(String(cFormat: "%.5f", entry.cost)) |")
        }
        for entry in entries {
            guard let best = entry.best else { continue }
            let code = best.text.hasSuffix("\n") ? String(best.text.dropLast()) : best.text
            lines += ["", "## \(entry.model)", "", "```\(language)", code, "```"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Engine {
    /// Runs the task on each model concurrently; a failing model becomes an entry with its error.
    /// With no models named, compares the routed model with every other configured model that
    /// is local (free), so it works without keys.
    public func compare(task: GenerationTask, models requested: [String]) async -> Comparison {
        let effective = config.current
        let routed = (try? effective.route(for: task)).map { [$0.endpoint.name] } ?? []
        let models = requested.isEmpty ? routed : requested
        let entries = await withTaskGroup(of: (Int, Comparison.Entry).self) { group in
            for (index, name) in models.enumerated() {
                group.addTask {
                    // Await first: Swift 6.3 -O can lose tuple parts written before an await (swiftlang/swift#91911).
                    let entry = await self.compareEntry(task: task, model: name, effective: effective)
                    return (index, entry)
                }
            }
            var collected: [(Int, Comparison.Entry)] = []
            for await entry in group { collected.append(entry) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return Comparison(entries: entries, language: task.language)
    }

    private func compareEntry(task: GenerationTask, model: String, effective: EffectiveConfig) async -> Comparison.Entry {
        let endpoint = effective.endpoint(named: model)
        do {
            let result = try await generate(task: task, model: model)
            let cost = Self.cost(result.usage, endpoint: endpoint)
            return Comparison.Entry(
                model: model, modelID: result.modelID, best: result.candidates.first, candidateCount: result.candidates.count,
                latency: result.latency, usage: result.usage, cost: cost, fromCache: result.fromCache, error: nil)
        } catch {
            let message = (error as? any UserFacingError)?.userMessage ?? "\(error)"
            return Comparison.Entry(
                model: model, modelID: endpoint?.model ?? "?", best: nil, candidateCount: 0, latency: 0,
                usage: Usage(), cost: 0, fromCache: false, error: message)
        }
    }

    static func cost(_ usage: Usage, endpoint: ModelEndpoint?) -> Double {
        guard let endpoint else { return 0 }
        return Double(usage.promptTokens) * endpoint.pricePerMillionInput / 1_000_000
            + Double(usage.completionTokens) * endpoint.pricePerMillionOutput / 1_000_000
    }
}
