import DocwrightCore

/// What the pipeline hands back: ranked candidates and how they were obtained.
public struct GenerationResult: Sendable, Hashable, Codable {
    public var candidates: [Candidate]
    /// The configured model name (`[models.NAME]`).
    public var modelName: String
    /// The provider's model id.
    public var modelID: String
    /// Which routing rule chose the model (e.g. `routes[0] (language=python, domain=data-ml)`).
    public var rule: String
    public var fromCache: Bool
    /// Seconds spent drawing samples (the original call's, when served from cache).
    public var latency: Double
    public var usage: Usage
    /// How samples were drawn: one request with `n`, parallel requests, or not at all (cache).
    public var strategy: SamplingStrategy
    public var samplesDrawn: Int

    public init(candidates: [Candidate], modelName: String, modelID: String, rule: String, fromCache: Bool,
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
