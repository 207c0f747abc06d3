import DocwrightCore
import FoundationEssentials

/// What the pipeline hands back: ranked candidates and how they were obtained.
public struct GenerationResult: Sendable, Hashable, Codable {
    public var candidates: [Candidate]
    /// The configured model name (`[models.NAME]`).
    public var modelName: String
    /// The provider's model id.
    public var modelID: String
    /// Which routing rule chose the model (e.g. `routes[0] (language=python, domain=data-ml)`).
    public var rule: RouteRule
    public var fromCache: Bool
    /// Seconds spent drawing samples (the original call's, when served from cache).
    public var latency: Double
    public var usage: Usage
    /// How samples were drawn: one request with `n`, parallel requests, or not at all (cache).
    public var strategy: SamplingStrategy
    public var samplesDrawn: Int

    public init(candidates: [Candidate], modelName: String, modelID: String, rule: RouteRule, fromCache: Bool,
                latency: Double, usage: Usage, strategy: SamplingStrategy, samplesDrawn: Int) {
        self.candidates = candidates
        self.modelName = modelName
        self.modelID = modelID
        self.rule = rule
        self.fromCache = fromCache
        self.latency = latency
        self.usage = usage
        self.strategy = strategy
        self.samplesDrawn = samplesDrawn
    }
}

/// What `Engine.findTask` found at a position.
public enum TaskLookup: Sendable {
    case task(GenerationTask)
    /// Nothing to do, with the reason shown to the user.
    case nothing(String)
}

public enum EngineError: UserFacingError, Hashable {
    case unknownModel(String, available: [String])
    case disabled(String)
    case budgetExceeded(String)
    /// Routing refused the request (the chosen model is not defined, or only by an untrusted file).
    case refused(String)

    public var userMessage: String {
        switch self {
        case .unknownModel(let name, let available):
            return "docwright: no model named '\(name)'; configured models: \(available.sorted().joined(separator: ", "))"
        case .disabled(let reason):
            return "docwright is off here: \(reason)"
        case .budgetExceeded(let message), .refused(let message):
            return message
        }
    }
}

/// Where a generation that draws from a model is, for editors' progress reports.
public enum GenerationProgress: Sendable, Hashable {
    /// The request is on its way: `samples` asked of `model`.
    case sampling(model: String, samples: Int)
    /// Streaming: `received` of `requested` samples are complete and ranked provisionally into
    /// `candidates` candidates, `best` first (nil while none is usable).
    case received(received: Int, requested: Int, candidates: Int, best: Candidate?)
    /// `samples` of the `requested` were cut by `max_tokens`: one follow-up request each
    /// continues them (`continue_truncated`).
    case continuing(samples: Int, requested: Int)
    /// The samples are back; post-processing, ranking and (when `verifying`) checking them
    /// against the docstring's examples.
    case ranking(received: Int, requested: Int, verifying: Bool)

    /// One line for a progress report.
    public var message: String {
        switch self {
        case .sampling(let model, let samples):
            return "sampling \(samples) from \(model)"
        case .received(let received, let requested, let candidates, let best):
            let counts = "\(received)/\(requested) samples"
            guard let best, candidates > 0 else { return counts }
            let ready = candidates > 1 ? "\(candidates) candidates ready"
                : best.agreement > 1 ? "1 candidate ready (\(best.agreement) samples agree)" : "first candidate ready"
            return "\(counts), \(ready): \(Self.preview(best.text))"
        case .continuing(let samples, let requested):
            return "\(samples)/\(requested) samples cut at max_tokens; continuing them"
        case .ranking(let received, let requested, let verifying):
            return "\(received)/\(requested) samples; " + (verifying ? "verifying against the docstring's examples" : "ranking")
        }
    }

    /// The first non-blank line of a candidate, trimmed and shortened for a progress line.
    static func preview(_ text: String, limit: Int = 60) -> String {
        let line = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingHorizontalWhitespace() }
            .first { !$0.isEmpty } ?? ""
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }

    /// A rough share of the work done, for clients that draw a bar.
    public var percentage: Int {
        switch self {
        case .sampling: return 10
        case .received(let received, let requested, _, _): return 10 + 60 * min(received, requested) / max(1, requested)
        case .continuing: return 70
        case .ranking(_, _, let verifying): return verifying ? 70 : 90
        }
    }
}
