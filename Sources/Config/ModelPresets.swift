import DocwrightCore
import Providers

/// Sampling defaults a model entry may carry (`[models.NAME] n = …`).
struct ModelSampling: Sendable, Hashable {
    var n: Int?
    var temperature: Double?
    var topP: Double?
    var maxTokens: Int?
    var stop: [String]?
}

/// A built-in model: usable by name anywhere a model name is expected, and as a base for
/// `[models.NAME]` entries (`preset = "…"` or the same name).
struct ModelPreset: Sendable {
    var endpoint: ModelEndpoint
    var sampling: ModelSampling
    /// Where a value other than the built-in one came from (only the local URL today).
    var overriddenBaseURLSource: String?
    /// The preset to move to when the provider has a newer model in this one's place. A superseded
    /// preset still works (configs name it); using it earns a config warning.
    var supersededBy: String?
}

enum ModelPresets {
    /// Environment variable that moves the `local` preset (e.g. to another port).
    static let localURLVariable = "DOCWRIGHT_LOCAL_MODEL_URL"
    static let localDefaultURL = "http://127.0.0.1:8012/v1"
    /// Honoured as the providers' own tools honour them: the OpenAI SDKs' base URL, and Ollama's
    /// `host[:port]` or URL (default port 11434).
    static let openAIURLVariable = "OPENAI_BASE_URL"
    static let ollamaHostVariable = "OLLAMA_HOST"

    /// `0.0.0.0:11434`, `127.0.0.1`, `http://box:8080` → a base URL with scheme and port.
    static func ollamaURL(fromHost host: String) -> String {
        var url = host.contains("://") ? host : "http://" + host
        if url.hasSuffix("/") { url.removeLast() }
        let authority = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
        let hasPort = authority.hasPrefix("[") ? authority.contains("]:") : authority.contains(":")
        return hasPort ? url : url + ":11434"
    }

    /// Names in documentation order.
    static let names: [String] = [
        "local", "ollama", "ollama-coder",
        "openrouter/gpt-5-mini",
        "openrouter/gpt-4o", "openrouter/gpt-4-turbo", "openrouter/gpt-3.5-turbo",
        "openrouter/llama-3.2-3b", "openrouter/mixtral-8x7b", "openrouter/gemini-flash-1.5-8b",
        "openai/gpt-5-mini", "openai/gpt-4o", "openai/gpt-4o-mini",
        "anthropic/claude-sonnet-5", "anthropic/claude-haiku-4-5",
        "anthropic/claude-3-5-sonnet", "anthropic/claude-3-5-haiku",
    ]

    /// Presets reviewed on 2026-12-02 against the providers' model pages; each superseded one maps
    /// to the preset to move to. Sources (ids and list prices asserted only where these give them):
    /// - https://openrouter.ai/openai/gpt-5-mini — `openai/gpt-5-mini`, $0.25 / $2 per M tokens
    ///   ("the successor to OpenAI's o4-mini"); OpenAI's own id is `gpt-5-mini` (same list price).
    /// - https://platform.claude.com/docs/en/about-claude/models/overview and the model pages
    ///   https://platform.claude.com/docs/pt-BR/models/sonnet-5/overview (`claude-sonnet-5`, $2 / $10)
    ///   and https://platform.claude.com/docs/pt-BR/models/haiku-4-5/overview
    ///   (`claude-haiku-4-5-20251001`, $1 / $5); the Haiku 4.5 migration guide moves
    ///   `claude-3-5-haiku-20241022` to it. Anthropic now lists Sonnet 5.5 / Haiku 5.5 as current
    ///   but the pages found give no API ids for them, so the presets stop at Sonnet 5 / Haiku 4.5.
    /// - Ollama: `qwen2.5-coder` comes in 0.5b, 1.5b, 3b, 7b, 14b and 32b
    ///   (https://huggingface.co/collections/Qwen/qwen25-coder; `ollama pull qwen2.5-coder:1.5b`).
    /// The Llama / Mixtral / Gemini OpenRouter presets are kept unmarked: no source reviewed names
    /// their successors. Prices not listed above are the ones the presets were written with.
    static let superseded: [String: String] = [
        "openrouter/gpt-4o": "openrouter/gpt-5-mini",
        "openrouter/gpt-4-turbo": "openrouter/gpt-5-mini",
        "openrouter/gpt-3.5-turbo": "openrouter/gpt-5-mini",
        "openai/gpt-4o": "openai/gpt-5-mini",
        "openai/gpt-4o-mini": "openai/gpt-5-mini",
        "anthropic/claude-3-5-sonnet": "anthropic/claude-sonnet-5",
        "anthropic/claude-3-5-haiku": "anthropic/claude-haiku-4-5",
    ]

    static func all(environment: [String: String]) -> [String: ModelPreset] {
        var presets: [String: ModelPreset] = [:]
        let localURL = environment[localURLVariable].flatMap { $0.isEmpty ? nil : $0 }
        presets["local"] = ModelPreset(
            endpoint: ModelEndpoint(
                name: "local", provider: .llamacpp, baseURL: localURL ?? localDefaultURL, model: "gemma-3-270m",
                api: .completions, timeout: 60, maxConcurrency: 4),
            sampling: ModelSampling(n: 5, maxTokens: 128),
            overriddenBaseURLSource: localURL == nil ? nil : "environment \(localURLVariable)")
        let ollamaHost = environment[ollamaHostVariable].flatMap { $0.isEmpty ? nil : $0 }
        presets["ollama"] = ModelPreset(
            endpoint: ModelEndpoint(
                name: "ollama", provider: .ollama, baseURL: ollamaHost.map(ollamaURL(fromHost:)) ?? "http://127.0.0.1:11434",
                model: "llama3.2:3b", api: .chat, timeout: 120, maxConcurrency: 2),
            sampling: ModelSampling(),
            overriddenBaseURLSource: ollamaHost == nil ? nil : "environment \(ollamaHostVariable)")
        // A code model on Ollama's native API: `/api/generate` with `suffix` applies the model's own
        // fill-in-the-middle template.
        presets["ollama-coder"] = ModelPreset(
            endpoint: ModelEndpoint(
                name: "ollama-coder", provider: .ollama,
                baseURL: ollamaHost.map(ollamaURL(fromHost:)) ?? "http://127.0.0.1:11434",
                model: "qwen2.5-coder:1.5b", api: .fim, timeout: 120, maxConcurrency: 2),
            sampling: ModelSampling(maxTokens: 128),
            overriddenBaseURLSource: ollamaHost == nil ? nil : "environment \(ollamaHostVariable)")

        // OpenRouter ids and list prices (USD per million input/output tokens).
        let openRouter: [(String, String, Double, Double)] = [
            ("openrouter/gpt-5-mini", "openai/gpt-5-mini", 0.25, 2.00),
            ("openrouter/gpt-4o", "openai/gpt-4o", 2.50, 10.00),
            ("openrouter/gpt-4-turbo", "openai/gpt-4-turbo", 10.00, 30.00),
            ("openrouter/gpt-3.5-turbo", "openai/gpt-3.5-turbo", 0.50, 1.50),
            ("openrouter/llama-3.2-3b", "meta-llama/llama-3.2-3b-instruct", 0.015, 0.025),
            ("openrouter/mixtral-8x7b", "mistralai/mixtral-8x7b-instruct", 0.24, 0.24),
            ("openrouter/gemini-flash-1.5-8b", "google/gemini-flash-1.5-8b", 0.0375, 0.15),
        ]
        for (name, id, input, output) in openRouter {
            presets[name] = ModelPreset(
                endpoint: ModelEndpoint(
                    name: name, provider: .openrouter, baseURL: "https://openrouter.ai/api/v1", model: id, api: .chat,
                    apiKeyEnv: "OPENROUTER_API_KEY", headers: ["X-Title": "docwright"],
                    pricePerMillionInput: input, pricePerMillionOutput: output),
                sampling: ModelSampling())
        }
        // Each hosted preset with the environment variable that moves its base URL, if its
        // provider's tools honour one (the OpenAI SDKs' OPENAI_BASE_URL).
        let openAI = (url: "https://api.openai.com/v1", variable: Optional(openAIURLVariable))
        let anthropic = (url: "https://api.anthropic.com/v1", variable: String?.none)
        let direct: [(String, ProviderKind, (url: String, variable: String?), String, String, Double, Double)] = [
            ("openai/gpt-5-mini", .openai, openAI, "gpt-5-mini", "OPENAI_API_KEY", 0.25, 2.00),
            ("openai/gpt-4o", .openai, openAI, "gpt-4o", "OPENAI_API_KEY", 2.50, 10.00),
            ("openai/gpt-4o-mini", .openai, openAI, "gpt-4o-mini", "OPENAI_API_KEY", 0.15, 0.60),
            ("anthropic/claude-3-5-sonnet", .anthropic, anthropic, "claude-3-5-sonnet-latest", "ANTHROPIC_API_KEY", 3.00, 15.00),
            ("anthropic/claude-3-5-haiku", .anthropic, anthropic, "claude-3-5-haiku-latest", "ANTHROPIC_API_KEY", 0.80, 4.00),
            ("anthropic/claude-sonnet-5", .anthropic, anthropic, "claude-sonnet-5", "ANTHROPIC_API_KEY", 2.00, 10.00),
            ("anthropic/claude-haiku-4-5", .anthropic, anthropic, "claude-haiku-4-5-20251001", "ANTHROPIC_API_KEY", 1.00, 5.00),
        ]
        for (name, provider, base, id, keyEnv, input, output) in direct {
            // The variable that moves this preset, when it is set (an empty value does not count).
            let movedBy = base.variable.flatMap { environment[$0]?.isEmpty == false ? $0 : nil }
            presets[name] = ModelPreset(
                endpoint: ModelEndpoint(
                    name: name, provider: provider, baseURL: movedBy.flatMap { environment[$0] } ?? base.url, model: id, api: .chat,
                    apiKeyEnv: keyEnv, pricePerMillionInput: input, pricePerMillionOutput: output),
                sampling: ModelSampling(),
                overriddenBaseURLSource: movedBy.map { "environment \($0)" })
        }
        for (name, successor) in superseded { presets[name]?.supersededBy = successor }
        return presets
    }
}
