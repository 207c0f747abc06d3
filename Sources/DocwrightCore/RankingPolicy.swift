/// How candidates are ordered: the one ranking-policy type. Configuration chooses it
/// (`ranking.policy`, per route and language), `Route.policy` carries it, `Ranking` applies it,
/// and the cache key includes its raw value (the configuration spelling).
public enum RankingPolicy: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Mean token log-probability (Codex paper), with truncated, degenerate and unparsable
    /// candidates demoted. Falls back to agreement when the backend gave no log-probabilities.
    case meanLogprob = "mean_logprob"
    /// Plain mean token log-probability, no demotions and nothing dropped (benchmark baseline:
    /// shows the truncation pitfall).
    case meanLogprobNoDemotion = "mean_logprob_raw"
    /// Candidates that pass their docstring examples first, untested next, failing last; then
    /// as `meanLogprob` within each group.
    case verifiedThenLogprob = "verified_then_logprob"
    /// Agreement between samples (clusters of equal / near-equal candidates), then a
    /// length-normalised tie-break; ignores log-probabilities except to break exact ties.
    case agreement
    /// Random order (seeded): the baseline the Codex paper compares against.
    case random
}


extension RankingPolicy {
    /// The configuration spelling.
    public var description: String { rawValue }

    /// Whether configuration may choose it (`random` is the benchmark's baseline only).
    public var isConfigurable: Bool { self != .random }

    /// The policies configuration accepts, in declaration order.
    public static var configurable: [RankingPolicy] { allCases.filter(\.isConfigurable) }

    /// The configurable policy spelled `name`; nil for anything else.
    public static func configurable(named name: String) -> RankingPolicy? {
        RankingPolicy(rawValue: name).flatMap { $0.isConfigurable ? $0 : nil }
    }
}

/// How a candidate's `score` was computed.
public enum ScoringMethod: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Mean token log-probability of the kept text.
    case meanLogprob = "mean_logprob"
    /// How many samples agree (no log-probabilities).
    case agreement
    /// A seeded random number (the benchmark baseline).
    case random

    public var description: String { rawValue }
}

/// How a batch of samples was obtained.
public enum SamplingStrategy: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// One request asking for `n` samples.
    case n
    /// Several requests in parallel (the server ignores or limits `n`).
    case parallel
    /// Not drawn: served from the cache.
    case cache

    public var description: String { rawValue }
}
