import DocwrightCore
import FoundationEssentials

/// The configuration in force after all layers are applied: typed, validated, and able to
/// route a task to a model. A value type: take one with `ConfigStore.current` and use it for a
/// whole request so a concurrent reload cannot change the answer half-way.
public struct EffectiveConfig: Sendable {
    /// `enabled`: false turns docwright off everywhere.
    public var enabled: Bool
    /// `default_model`: the model when no route or language names one.
    public var defaultModel: String
    /// Global sampling after built-in defaults and top-level keys (`n`, `temperature`, `top_p`,
    /// `max_tokens`, `seed`); models, languages and routes refine it in `route(for:)`.
    public var sampling: SamplingParams
    /// `timeout` (seconds) when set at top level; otherwise each model's own.
    public var timeout: Double?
    /// `continue_truncated`: a sample cut by `max_tokens` gets one follow-up request that
    /// continues it (Engine); false: it is kept as it is, labelled incomplete.
    public var continueTruncated = true
    public var ranking: RankingSettings
    /// `verify`: nil = verify Python only.
    public var verify: Bool?
    public var cache: CacheSettings
    public var budget: BudgetSettings
    public var context = ContextSettings()
    public var inline = InlineSettings(debounceMilliseconds: InlineSettings.defaultDebounceMilliseconds,
                                       minimumLogprob: InlineSettings.defaultMinimumLogprob)
    public var privacy: PrivacySettings
    public var logLevel: ConfigLogLevel
    /// Every usable model by name: the built-in presets and the `[models.NAME]` entries.
    public var models: [String: ModelEndpoint]
    /// `[[routes]]` in order.
    public var routes: [RouteEntry]
    /// Built-in domains (extended by same-named user entries) followed by user-defined ones.
    public var domains: [DomainRule]
    /// `[languages.ID]` entries.
    public var languages: [String: LanguageSettings]
    /// `disabled_paths`: globs of files docwright leaves alone.
    public var disabledPaths: [String]
    /// Root that globs are relative to.
    public var workspaceRoot: String?
    /// Why docwright sends nothing at all right now (a configuration file that cannot be parsed,
    /// or malformed restrictive rules); empty when generation may proceed.
    public var blocked: [String] = []
    /// The project file's trust state, when there is a project file.
    public var projectTrust: ProjectTrust?

    /// Sampling defaults per model: those from a preset rank below top-level keys, those the
    /// user wrote in `[models.NAME]` above them.
    var presetSampling: [String: ModelSampling] = [:]
    var userSampling: [String: ModelSampling] = [:]
    /// Which top-level sampling keys the user set (they beat preset model defaults).
    var userGlobalSampling = ModelSampling()
    var literalAPIKeys: [String: Secret] = [:]
    /// Models only an untrusted project file defines: routes to them are refused with a reason.
    var untrustedModels: Set<String> = []
    /// Source of each key the user set, by dotted key (for reasons in messages).
    var sources: [String: String] = [:]
    var provenanceEntries: [ProvenanceEntry] = []

    /// The configuration with no files and no settings: every model request goes to `local`.
    public static func defaults(environment: [String: String] = ProcessInfo.processInfo.environment,
                                workspaceRoot: String? = nil) -> EffectiveConfig {
        EffectiveConfigBuilder.build(MergedConfig(layers: []), environment: environment, workspaceRoot: workspaceRoot).config
    }

    /// The model configured under `name` (a preset or a `[models.NAME]` entry).
    public func endpoint(named name: String) -> ModelEndpoint? { models[name] }

    /// Where each effective value came from, for `docwright doctor`: `source` is `file:line`,
    /// `initializationOptions`, `workspace settings`, `preset NAME`, `environment VAR` or `default`.
    /// Lists top-level keys, every model that is configured or referenced, routes, domains and
    /// languages. Secrets show as `(set)`.
    public func provenance() -> [(key: String, value: String, source: String)] {
        provenanceEntries.map { (key: $0.key, value: $0.value, source: $0.source) }
    }

    /// The API key for `endpoint`: a literal `api_key` from the user file or editor settings,
    /// else the variable `api_key_env` in `environment`, else the first line of `api_key_file`.
    /// Reads a small file when `api_key_file` is used. Never log the result.
    public func apiKey(for endpoint: ModelEndpoint,
                       environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let literal = literalAPIKeys[endpoint.name] { return literal.value }
        if let variable = endpoint.apiKeyEnv, let value = environment[variable], !value.isEmpty { return value }
        if let file = endpoint.apiKeyFile, let text = try? String(contentsOfFile: file, encoding: .utf8) {
            let key = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingHorizontalWhitespace() }
            return key?.isEmpty == false ? key : nil
        }
        return nil
    }

    /// Sampling defaults stored with a model (from its preset and its `[models.NAME]` entry).
    func modelSampling(_ name: String) -> (preset: ModelSampling, user: ModelSampling) {
        (presetSampling[name] ?? ModelSampling(), userSampling[name] ?? ModelSampling())
    }
}

/// One line of `provenance()`.
struct ProvenanceEntry: Sendable, Hashable {
    var key: String
    var value: String
    var source: String
}
