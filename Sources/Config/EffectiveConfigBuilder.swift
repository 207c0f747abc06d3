import DocwrightCore
import FoundationEssentials
import Providers

/// Turns merged layers into an `EffectiveConfig`, checking what single layers cannot:
/// model references, complete model entries, known domains.
enum EffectiveConfigBuilder {
    /// A problem found after merging, attributed to the layer that caused it.
    struct Finding: Sendable {
        var layer: Int
        var diagnostic: ConfigDiagnostic
    }

    static let builtinN = 5
    static let builtinMaxTokens = 256

    static func build(_ merged: MergedConfig, environment: [String: String], workspaceRoot: String?)
        -> (config: EffectiveConfig, findings: [Finding])
    {
        var findings: [Finding] = []
        let presets = ModelPresets.all(environment: environment)
        var config = EffectiveConfig(
            enabled: merged.bool("enabled") ?? true,
            defaultModel: merged.string("default_model") ?? "local",
            sampling: SamplingParams(),
            timeout: merged.double("timeout"),
            ranking: RankingSettings(
                policy: merged.string("ranking", "policy").flatMap(RankingPolicy.configurable(named:)),
                demoteTruncated: merged.bool("ranking", "demote_truncated") ?? true),
            verify: merged.bool("verify"),
            cache: CacheSettings(
                enabled: merged.bool("cache", "enabled") ?? true,
                directory: cacheDirectory(merged.string("cache", "dir"), environment: environment, workspaceRoot: workspaceRoot),
                ttlDays: merged.double("cache", "ttl_days") ?? 30,
                maxMegabytes: merged.int("cache", "max_mb") ?? 512),
            budget: BudgetSettings(dailyUSD: merged.double("budget", "daily_usd"),
                                   fallbackModel: merged.string("budget", "fallback_model")),
            privacy: PrivacySettings(
                exclude: PrivacySettings.defaultExclude + (merged.strings("privacy", "exclude") ?? [])
                    .filter { !PrivacySettings.defaultExclude.contains($0) },
                redact: merged.bool("privacy", "redact") ?? true),
            logLevel: merged.string("log_level").flatMap(ConfigLogLevel.init(rawValue:)) ?? .info,
            models: [:], routes: [], domains: [], languages: [:],
            disabledPaths: merged.strings("disabled_paths") ?? [],
            workspaceRoot: workspaceRoot)
        config.inline = InlineSettings(
            debounceMilliseconds: merged.int("inline", "debounce_ms") ?? InlineSettings.defaultDebounceMilliseconds,
            minimumLogprob: merged.double("inline", "min_logprob") ?? InlineSettings.defaultMinimumLogprob)
        config.continueTruncated = merged.bool("continue_truncated") ?? true
        config.context.enabled = merged.bool("context", "enabled") ?? true
        config.context.maxTokens = merged.int("context", "max_tokens")
        config.context.maxFiles = merged.int("context", "max_files") ?? ContextSettings.defaultMaxFiles
        config.context.maxFileKB = merged.int("context", "max_file_kb") ?? ContextSettings.defaultMaxFileKB
        config.userGlobalSampling = ModelSampling(
            n: merged.int("n"), temperature: merged.double("temperature"), topP: merged.double("top_p"),
            maxTokens: merged.int("max_tokens"))
        let n = merged.int("n") ?? builtinN
        config.sampling = SamplingParams(
            n: n, temperature: merged.double("temperature") ?? defaultTemperature(n: n), topP: merged.double("top_p"),
            maxTokens: merged.int("max_tokens") ?? builtinMaxTokens, seed: merged.int("seed"))
        for (path, entry) in merged.values { config.sources[path.description] = entry.source }

        config.untrustedModels = merged.untrustedModels
        buildModels(merged, presets: presets, environment: environment, into: &config, findings: &findings)
        buildDomains(merged, into: &config)
        buildLanguages(merged, into: &config)
        buildRoutes(merged, into: &config, findings: &findings)
        checkReferences(merged, config: config, findings: &findings)
        checkSupersededPresets(merged, presets: presets, findings: &findings)
        config.provenanceEntries = ProvenanceListing.entries(config: config, merged: merged, presets: presets)
        return (config, findings)
    }

    /// Codex: ≈0.2 for a single sample, ≈0.8 when drawing many to rank.
    static func defaultTemperature(n: Int) -> Double { n <= 1 ? 0.2 : 0.8 }

    private static func cacheDirectory(_ configured: String?, environment: [String: String], workspaceRoot: String?) -> String {
        if let configured { return ConfigFiles.expand(configured, environment: environment, relativeTo: workspaceRoot) }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/docwright" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/docwright" }
        return PathText.appending("docwright-cache", to: FileManager.default.temporaryDirectory.path)
    }

    private static func buildModels(_ merged: MergedConfig, presets: [String: ModelPreset], environment: [String: String],
                                    into config: inout EffectiveConfig, findings: inout [Finding]) {
        for (name, preset) in presets {
            config.models[name] = preset.endpoint
            config.presetSampling[name] = preset.sampling
        }
        for name in merged.names(under: "models") {
            let field = { (key: String) in merged.values[ConfigKeyPath(keys: ["models", name, key])] }
            let presetName = field("preset")?.value.stringValue ?? (presets[name] != nil ? name : nil)
            let base = presetName.flatMap { presets[$0] }
            let firstLayer = merged.values.filter { $0.key.keys.prefix(2) == ["models", name] }.map(\.value.layer).min() ?? 0
            if base == nil {
                let missing = ["provider", "base_url", "model"].filter { field($0) == nil }
                if !missing.isEmpty, merged.untrustedModels.contains(name) {
                    config.models[name] = nil  // the trust notice names what was ignored
                    continue
                }
                if !missing.isEmpty {
                    let path = ConfigKeyPath(keys: ["models", name])
                    findings.append(Finding(layer: firstLayer, diagnostic: merged.diagnostic(
                        .error, at: path, layer: firstLayer,
                        "\(path) needs \(missing.joined(separator: ", ")) (or preset = \"…\"; presets: "
                            + ModelPresets.names.joined(separator: ", ") + ")")))
                    config.models[name] = nil
                    continue
                }
            }
            let provider = field("provider")?.value.stringValue.flatMap(ProviderRegistry.kind(named:))
                ?? base?.endpoint.provider ?? .openaiCompatible
            var endpoint = base?.endpoint ?? ModelEndpoint(
                name: name, provider: provider, baseURL: "", model: "",
                api: ProviderRegistry.provider(for: provider)?.defaultAPI ?? .completions,
                apiKeyEnv: ProviderRegistry.provider(for: provider)?.defaultKeyVariable)
            endpoint.name = name
            endpoint.provider = provider
            if let v = field("base_url")?.value.stringValue { endpoint.baseURL = v }
            if let v = field("model")?.value.stringValue { endpoint.model = v }
            if let v = field("api")?.value.stringValue.flatMap(APIStyle.init(rawValue:)) { endpoint.api = v }
            if let v = field("api_key_env")?.value.stringValue { endpoint.apiKeyEnv = v }
            if let v = field("api_key_file")?.value.stringValue {
                endpoint.apiKeyFile = ConfigFiles.expand(v, environment: environment, relativeTo: config.workspaceRoot)
                if field("api_key_env") == nil { endpoint.apiKeyEnv = nil }
            }
            if let v = field("api_key")?.value.stringValue {
                config.literalAPIKeys[name] = Secret(value: v)
            }
            for path in merged.values.keys where path.keys.count == 4 && path.keys.prefix(3) == ["models", name, "headers"] {
                if let value = merged.values[path]?.value.stringValue { endpoint.headers[path.keys[3]] = value }
            }
            endpoint.timeout = field("timeout")?.value.doubleValue ?? config.timeout ?? base?.endpoint.timeout ?? 60
            if let v = field("connect_timeout")?.value.doubleValue { endpoint.connectTimeout = v }
            if let v = field("max_concurrency")?.value.intValue { endpoint.maxConcurrency = v }
            if let v = field("price_input")?.value.doubleValue { endpoint.pricePerMillionInput = v }
            if let v = field("price_output")?.value.doubleValue { endpoint.pricePerMillionOutput = v }
            if let v = field("context_window")?.value.intValue { endpoint.contextWindow = v }
            if let v = field("proxy")?.value.stringValue { endpoint.proxy = v.trimmingHorizontalWhitespace() }
            if let v = field("ca_file")?.value.stringValue, !v.isEmpty {
                endpoint.caFile = ConfigFiles.expand(v, environment: environment, relativeTo: config.workspaceRoot)
            }
            config.models[name] = endpoint
            config.presetSampling[name] = base?.sampling ?? ModelSampling()
            config.userSampling[name] = ModelSampling(
                n: field("n")?.value.intValue, temperature: field("temperature")?.value.doubleValue,
                topP: field("top_p")?.value.doubleValue, maxTokens: field("max_tokens")?.value.intValue,
                stop: field("stop")?.value.stringArray)
        }
        for name in config.models.keys {
            guard let endpoint = config.models[name] else { continue }
            config.models[name]?.fimTemplate = fimTemplate(merged.string("models", name, "fim_template"), endpoint: endpoint)
        }
        if let timeout = config.timeout {
            // A top-level timeout beats preset timeouts but not a model's own.
            for name in config.models.keys where merged["models", name, "timeout"] == nil {
                config.models[name]?.timeout = timeout
            }
        }
    }

    /// A model's FIM template: the configured one (`"none"`: none); unset, the family detected
    /// from the model id, unless the provider applies the model's own template (llama.cpp
    /// `/infill`, Ollama's `suffix`).
    static func fimTemplate(_ configured: String?, endpoint: ModelEndpoint) -> FIMTemplate? {
        if let configured { return FIMTemplate(rawValue: configured) }
        if ProviderRegistry.provider(for: endpoint.provider)?.appliesModelFIMTemplate ?? false { return nil }
        return FIMTemplate.detect(modelID: endpoint.model)
    }

    private static func buildDomains(_ merged: MergedConfig, into config: inout EffectiveConfig) {
        var domains = BuiltinDomains.all
        for name in merged.names(under: "domains") {
            let imports = merged.strings("domains", name, "imports") ?? []
            let regex = merged.strings("domains", name, "regex") ?? []
            let paths = merged.strings("domains", name, "path") ?? []
            if let index = domains.firstIndex(where: { $0.name == name }) {
                domains[index].imports += imports
                domains[index].regex += regex
                domains[index].paths += paths
            } else {
                domains.append(DomainRule(name: name, imports: imports, regex: regex, paths: paths))
            }
        }
        config.domains = domains
    }

    private static func buildLanguages(_ merged: MergedConfig, into config: inout EffectiveConfig) {
        for name in merged.names(under: "languages") {
            config.languages[name] = LanguageSettings(
                enabled: merged.bool("languages", name, "enabled"), model: merged.string("languages", name, "model"),
                n: merged.int("languages", name, "n"), temperature: merged.double("languages", name, "temperature"),
                topP: merged.double("languages", name, "top_p"), maxTokens: merged.int("languages", name, "max_tokens"),
                policy: merged.string("languages", name, "policy").flatMap(RankingPolicy.configurable(named:)),
                verify: merged.bool("languages", name, "verify"))
        }
    }

    private static func buildRoutes(_ merged: MergedConfig, into config: inout EffectiveConfig, findings: inout [Finding]) {
        let knownDomains = Set(config.domains.map(\.name))
        for (index, entry) in merged.routes.enumerated() {
            let v = entry.values
            let rule = RouteEntry(
                index: index, languages: v["language"]?.stringArray ?? [], domains: v["domain"]?.stringArray ?? [],
                paths: v["path"]?.stringArray ?? [], model: v["model"]?.stringValue, n: v["n"]?.intValue,
                temperature: v["temperature"]?.doubleValue, topP: v["top_p"]?.doubleValue,
                maxTokens: v["max_tokens"]?.intValue, policy: v["policy"]?.stringValue.flatMap(RankingPolicy.configurable(named:)),
                verify: v["verify"]?.boolValue, source: entry.source)
            for domain in rule.domains where !knownDomains.contains(domain) {
                let path = ConfigKeyPath(keys: ["routes"]).appending(index: index).appending("domain")
                findings.append(Finding(layer: entry.layer, diagnostic: merged.diagnostic(
                    .warning, at: path, layer: entry.layer,
                    "\(path): unknown domain \"\(domain)\" never matches; known domains: "
                        + knownDomains.sorted().joined(separator: ", "))))
            }
            config.routes.append(rule)
        }
    }

    private static func checkReferences(_ merged: MergedConfig, config: EffectiveConfig, findings: inout [Finding]) {
        let known = config.models.keys.sorted()
        func check(_ name: String?, at path: ConfigKeyPath, layer: Int) {
            guard let name, config.models[name] == nil else { return }
            if config.untrustedModels.contains(name) {
                findings.append(Finding(layer: layer, diagnostic: merged.diagnostic(
                    .error, at: path, layer: layer,
                    "\(path) names model \"\(name)\", which only the untrusted project file defines; "
                        + "requests it would serve are refused until the file is trusted")))
                return
            }
            let hint = Spelling.closest(to: name, in: known, within: 2).map { " (did you mean \"\($0)\"?)" } ?? ""
            findings.append(Finding(layer: layer, diagnostic: merged.diagnostic(
                .error, at: path, layer: layer,
                "\(path) names unknown model \"\(name)\"\(hint); define [models.\(ConfigKeyPath.isBare(name) ? name : "\"\(name)\"")] "
                    + "or use a preset (requests it would serve are refused)")))
        }
        forEachModelReference(merged, check)
    }

    /// A warning wherever a key uses a preset the providers have moved on from (it still works).
    private static func checkSupersededPresets(_ merged: MergedConfig, presets: [String: ModelPreset], findings: inout [Finding]) {
        func check(_ name: String?, at path: ConfigKeyPath, layer: Int) {
            guard let name, let successor = presets[name]?.supersededBy else { return }
            findings.append(Finding(layer: layer, diagnostic: merged.diagnostic(
                .warning, at: path, layer: layer,
                "\(path): preset \"\(name)\" is superseded by \"\(successor)\"; it still works")))
        }
        for name in merged.names(under: "models") {
            let presetPath = ConfigKeyPath(keys: ["models", name, "preset"])
            if let entry = merged.values[presetPath] {
                check(entry.value.stringValue, at: presetPath, layer: entry.layer)
            } else if presets[name] != nil {
                // `[models."openai/gpt-4o"]` overrides the preset of that name: still a use of it.
                let path = ConfigKeyPath(keys: ["models", name])
                let layer = merged.values.filter { $0.key.keys.prefix(2) == ["models", name] }.map(\.value.layer).min() ?? 0
                check(name, at: path, layer: layer)
            }
        }
        // A model entry of the same name shadows the preset: only bare preset references count.
        let defined = Set(merged.names(under: "models"))
        func reference(_ name: String?, at path: ConfigKeyPath, layer: Int) {
            guard let name, !defined.contains(name) else { return }
            check(name, at: path, layer: layer)
        }
        forEachModelReference(merged, reference)
    }

    /// Every key that names a model by name: `default_model`, `budget.fallback_model`,
    /// `languages.*.model`, `routes[].model` (the name, where it is, the layer that set it).
    private static func forEachModelReference(_ merged: MergedConfig, _ body: (String?, ConfigKeyPath, Int) -> Void) {
        for keys in [["default_model"], ["budget", "fallback_model"]] {
            let path = ConfigKeyPath(keys: keys)
            if let entry = merged.values[path] { body(entry.value.stringValue, path, entry.layer) }
        }
        for language in merged.names(under: "languages") {
            let path = ConfigKeyPath(keys: ["languages", language, "model"])
            if let entry = merged.values[path] { body(entry.value.stringValue, path, entry.layer) }
        }
        for (index, entry) in merged.routes.enumerated() {
            body(entry.values["model"]?.stringValue,
                 ConfigKeyPath(keys: ["routes"]).appending(index: index).appending("model"), entry.layer)
        }
    }
}
