import DocwrightCore
import FoundationEssentials

/// What is cached for one request: the ranked candidates with their evidence, and where they
/// came from. Only successful results are stored; errors never are.
public struct CachedResult: Sendable, Hashable, Codable {
    public var candidates: [Candidate]
    /// The model that produced them.
    public var model: String
    /// The routing rule / reason, e.g. `route #2 (language=python)`.
    public var route: String
    public var usage: Usage
    /// Seconds the original request took (what a hit saved).
    public var latency: Double
    public var createdAt: Date

    public init(candidates: [Candidate], model: String, route: String, usage: Usage, latency: Double, createdAt: Date) {
        self.candidates = candidates
        self.model = model
        self.route = route
        self.usage = usage
        self.latency = latency
        self.createdAt = createdAt
    }
}
