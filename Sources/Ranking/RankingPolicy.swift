import DocwrightCore

/// Version of the ranking and extraction behaviour; part of every cache key, so a change to
/// how candidates are scored or ordered never serves stale rankings.
public enum RankingVersion {
    public static let current = "ranking-2"  // 2: tree-sitter parse check; next lines stop at the suffix echo
}
