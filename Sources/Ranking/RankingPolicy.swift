/// How candidates are ordered. Selected by `Route.policy` (config); the raw values are the
/// config spellings.
public enum RankingPolicy: String, Sendable, Hashable, Codable, CaseIterable {
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

/// Version of the ranking and extraction behaviour; part of every cache key, so a change to
/// how candidates are scored or ordered never serves stale rankings.
public enum RankingVersion {
    public static let current = "ranking-2"  // 2: tree-sitter parse check; next lines stop at the suffix echo
}
