import DocwrightCore

/// Builds the `(key, value, source)` rows of `EffectiveConfig.provenance()`.
enum ProvenanceListing {
    static func entries(config: EffectiveConfig, merged: MergedConfig, presets: [String: ModelPreset]) -> [ProvenanceEntry] {
        var rows: [ProvenanceEntry] = []
        func add(_ keys: [String], _ fallback: String, defaultSource: String = "default") {
            let path = ConfigKeyPath(keys: keys)
            if let entry = merged.values[path] {
                rows.append(ProvenanceEntry(key: path.description, value: entry.value.display, source: entry.source))
            } else {
                rows.append(ProvenanceEntry(key: path.description, value: fallback, source: defaultSource))
            }
        }
        add(["enabled"], "true")
        add(["default_model"], "\"local\"")
        add(["n"], String(config.sampling.n))
        add(["temperature"], "\(config.sampling.temperature.compact) (0.2 when n = 1, else 0.8)")
        add(["top_p"], "unset")
        add(["max_tokens"], String(config.sampling.maxTokens))
        add(["seed"], "unset")
        add(["timeout"], "per model")
        add(["continue_truncated"], "true")
        add(["verify"], "python only")
        add(["log_level"], "\"info\"")
        add(["ranking", "policy"], "verified_then_logprob (agreement for models without log-probabilities)")
        add(["ranking", "demote_truncated"], "true")
        add(["cache", "enabled"], "true")
        add(["cache", "dir"], "\"\(config.cache.directory)\"")
        add(["cache", "ttl_days"], "30")
        add(["cache", "max_mb"], "512")
        add(["inline", "debounce_ms"], String(InlineSettings.defaultDebounceMilliseconds))
        add(["inline", "min_logprob"], InlineSettings.defaultMinimumLogprob.compact)
        add(["context", "enabled"], "true")
        add(["context", "max_tokens"], "fitted to the model (¼ of its context_window, ≤ 2048; 1024 if unknown)")
        add(["context", "max_files"], String(ContextSettings.defaultMaxFiles))
        add(["context", "max_file_kb"], String(ContextSettings.defaultMaxFileKB))
        add(["budget", "daily_usd"], "unlimited")
        add(["budget", "fallback_model"], "none (refuse when over budget)")
        rows.append(ProvenanceEntry(
            key: "privacy.exclude", value: ConfigValue.array(config.privacy.exclude.map(ConfigValue.string)).display,
            source: merged["privacy", "exclude"].map { "default + " + $0.source } ?? "default"))
        add(["privacy", "redact"], "true")
        add(["disabled_paths"], "[]")

        for name in modelsToList(config: config, merged: merged) {
            rows += modelRows(name, config: config, merged: merged, presets: presets)
        }
        for entry in config.routes {
            let model = entry.model ?? "(language model or default_model)"
            rows.append(ProvenanceEntry(key: "routes[\(entry.index)]", value: "\(entry.rule) → \(model)", source: entry.source))
        }
        for (path, entry) in merged.values.sorted(by: { $0.key < $1.key })
        where path.keys.first == "domains" || path.keys.first == "languages" {
            rows.append(ProvenanceEntry(key: path.description, value: entry.value.display, source: entry.source))
        }
        return rows
    }

    /// Configured models plus every model a key refers to; other presets are left out.
    private static func modelsToList(config: EffectiveConfig, merged: MergedConfig) -> [String] {
        var names = Set(merged.names(under: "models"))
        names.insert(config.defaultModel)
        if let fallback = config.budget.fallbackModel { names.insert(fallback) }
        for rule in config.routes { if let model = rule.model { names.insert(model) } }
        for settings in config.languages.values { if let model = settings.model { names.insert(model) } }
        return names.filter { config.models[$0] != nil }.sorted()
    }

    private static func modelRows(_ name: String, config: EffectiveConfig, merged: MergedConfig,
                                  presets: [String: ModelPreset]) -> [ProvenanceEntry] {
        guard let endpoint = config.models[name] else { return [] }
        let presetName = merged.string("models", name, "preset") ?? (presets[name] != nil ? name : nil)
        let (presetSampling, userSampling) = config.modelSampling(name)
        var rows: [ProvenanceEntry] = []
        func row(_ key: String, _ value: String?, secret: Bool = false) {
            let path = ConfigKeyPath(keys: ["models", name] + key.split(separator: ".", maxSplits: 1).map(String.init))
            guard let value else { return }
            let shown = secret ? "(set)" : value
            if let entry = merged.values[path] {
                rows.append(ProvenanceEntry(key: path.description, value: shown, source: entry.source))
            } else if key == "timeout", config.timeout != nil, let entry = merged["timeout"] {
                rows.append(ProvenanceEntry(key: path.description, value: shown, source: entry.source))
            } else if key == "fim_template" {
                rows.append(ProvenanceEntry(key: path.description, value: shown, source: "detected from the model id"))
            } else if key == "base_url", let source = presets[presetName ?? name]?.overriddenBaseURLSource {
                rows.append(ProvenanceEntry(key: path.description, value: shown, source: source))
            } else {
                let source = presetName.map { "preset \($0)" } ?? "default"
                rows.append(ProvenanceEntry(key: path.description, value: shown, source: source))
            }
        }
        row("preset", presetName.map { "\"\($0)\"" })
        row("provider", "\"\(endpoint.provider.rawValue)\"")
        row("base_url", "\"\(endpoint.baseURL)\"")
        row("model", "\"\(endpoint.model)\"")
        row("api", "\"\(endpoint.api.rawValue)\"")
        row("api_key_env", endpoint.apiKeyEnv.map { "\"\($0)\"" })
        row("api_key_file", endpoint.apiKeyFile.map { "\"\($0)\"" })
        row("api_key", config.literalAPIKeys[name] == nil ? nil : "", secret: true)
        for header in endpoint.headers.keys.sorted() {
            row("headers.\(header)", "\"\(endpoint.headers[header] ?? "")\"", secret: LayerDecoder.looksSecret(header: header))
        }
        row("timeout", endpoint.timeout.compact)
        row("connect_timeout", endpoint.connectTimeout.compact)
        row("max_concurrency", String(endpoint.maxConcurrency))
        row("price_input", endpoint.pricePerMillionInput.compact)
        row("price_output", endpoint.pricePerMillionOutput.compact)
        row("context_window", endpoint.contextWindow.map(String.init))
        row("fim_template", (endpoint.fimTemplate?.rawValue ?? merged.string("models", name, "fim_template")).map { "\"\($0)\"" })
        // A proxy URL may carry credentials: shown without its user-info.
        row("proxy", endpoint.proxy.map { "\"\(LayerDecoder.withoutUserInfo($0))\"" })
        row("ca_file", endpoint.caFile.map { "\"\($0)\"" })
        row("n", (userSampling.n ?? presetSampling.n).map(String.init))
        row("temperature", (userSampling.temperature ?? presetSampling.temperature).map(\.compact))
        row("top_p", (userSampling.topP ?? presetSampling.topP).map(\.compact))
        row("max_tokens", (userSampling.maxTokens ?? presetSampling.maxTokens).map(String.init))
        row("stop", (userSampling.stop ?? presetSampling.stop).map { ConfigValue.array($0.map(ConfigValue.string)).display })
        return rows
    }
}
