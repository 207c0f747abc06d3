import DocwrightCore

/// `[ranking]`: how candidates are ordered.
public struct RankingSettings: Sendable, Hashable {
    /// nil when not configured: `verified_then_logprob`, or `agreement` for providers without log-probabilities.
    public var policy: RankingPolicy?
    /// Rank candidates cut off by `max_tokens` below complete ones.
    public var demoteTruncated: Bool
}

/// `[cache]`: the persistent candidate cache.
public struct CacheSettings: Sendable, Hashable {
    public var enabled: Bool
    /// Absolute directory (`~` expanded); default `$XDG_CACHE_HOME/docwright` or `~/.cache/docwright`.
    public var directory: String
    /// Entries older than this many days are dropped (0 = never).
    public var ttlDays: Double
    /// Size limit of the store in megabytes (0 = unlimited).
    public var maxMegabytes: Int
}

/// `[inline]`: automatic inline (ghost-text) completion.
public struct InlineSettings: Sendable, Hashable {
    public static let defaultDebounceMilliseconds = 150
    public static let defaultMinimumLogprob = -1.5

    /// Automatic triggers wait this long for typing to pause; a newer trigger replaces an older one.
    public var debounceMilliseconds: Int
    /// Automatic triggers stay silent when the best candidate's mean token log-probability is
    /// below this (candidates without log-probabilities are not held to it).
    public var minimumLogprob: Double
}

/// `[context]`: the definitions from the rest of the workspace that prompts carry.
public struct ContextSettings: Sendable, Hashable {
    public static let defaultMaxFiles = 20_000
    public static let defaultMaxFileKB = 512

    /// Off: no workspace index, prompts carry only the current file.
    public var enabled = true
    /// Tokens of context per prompt; nil = fitted to the model (a quarter of its
    /// `context_window`, at most 2,048; 1,024 when the window is unknown). 0 = none.
    public var maxTokens: Int?
    /// Files indexed at most.
    public var maxFiles = ContextSettings.defaultMaxFiles
    /// Larger files are not indexed.
    public var maxFileKB = ContextSettings.defaultMaxFileKB

    public init() {}
}

/// `[budget]`: an optional daily spending limit.
public struct BudgetSettings: Sendable, Hashable {
    /// nil = no limit.
    public var dailyUSD: Double?
    /// Model that serves requests once the limit is reached; nil = refuse with a message.
    public var fallbackModel: String?
}

/// `[privacy]`: what never leaves the machine.
public struct PrivacySettings: Sendable, Hashable {
    /// Built-in patterns for files that are never sent to a model; `privacy.exclude` adds to them.
    public static let defaultExclude = [".env*", "*.pem", "*.key", "id_rsa*", "*secret*"]

    /// Path globs of files never sent to a model (defaults plus every layer's additions).
    public var exclude: [String]
    /// Replace things that look like credentials in prompts before sending.
    public var redact: Bool

    /// The first exclude pattern matching `path`, if any.
    public func excludingPattern(for path: String, workspaceRoot: String?) -> String? {
        exclude.first { Glob($0).matches(path: path, workspaceRoot: workspaceRoot) }
    }
}

/// `[languages.ID]`: per-language switch and overrides (between model and route in precedence).
public struct LanguageSettings: Sendable, Hashable {
    public var enabled: Bool?
    public var model: String?
    public var n: Int?
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var policy: RankingPolicy?
    public var verify: Bool?
}

/// One `[[routes]]` entry. Every condition given must hold (an absent condition matches
/// anything); within a condition any listed value may match.
public struct RouteEntry: Sendable, Hashable {
    /// Position in `routes` (0-based), as in `routes[2]`.
    public var index: Int
    public var languages: [String]
    public var domains: [String]
    public var paths: [String]
    /// nil = the language's model or `default_model`.
    public var model: String?
    public var n: Int?
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var policy: RankingPolicy?
    public var verify: Bool?
    /// Where the rule was written (`/p/.docwright.toml:14`).
    public var source: String

    /// The rule a route chosen by this entry carries (rendered `routes[2] (language=python, domain=data-ml)`).
    public var rule: RouteRule { .route(index: index, languages: languages, domains: domains, paths: paths) }
}

/// A literal API key, kept out of descriptions and logs.
struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    let value: String
    var description: String { "(secret)" }
    var debugDescription: String { "(secret)" }
}
