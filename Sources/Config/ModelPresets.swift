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
        "local", "ollama",
        "openrouter/gpt-4o", "openrouter/gpt-4-turbo", "openrouter/gpt-3.5-turbo",
        "openrouter/llama-3.2-3b", "openrouter/mixtral-8x7b", "openrouter/gemini-flash-1.5-8b",
        "openai/gpt-4o", "openai/gpt-4o-mini",
        "anthropic/claude-3-5-sonnet", "anthropic/claude-3-5-haiku",
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

        // OpenRouter ids and list prices (USD per million input/output tokens).
        let openRouter: [(String, String, Double, Double)] = [
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
        let direct: [(String, ProviderKind, String, String, String, Double, Double)] = [
            ("openai/gpt-4o", .openai, "https://api.openai.com/v1", "gpt-4o", "OPENAI_API_KEY", 2.50, 10.00),
            ("openai/gpt-4o-mini", .openai, "https://api.openai.com/v1", "gpt-4o-mini", "OPENAI_API_KEY", 0.15, 0.60),
            ("anthropic/claude-3-5-sonnet", .anthropic, "https://api.anthropic.com/v1", "claude-3-5-sonnet-latest",
             "ANTHROPIC_API_KEY", 3.00, 15.00),
            ("anthropic/claude-3-5-haiku", .anthropic, "https://api.anthropic.com/v1", "claude-3-5-haiku-latest",
             "ANTHROPIC_API_KEY", 0.80, 4.00),
        ]
        let openAIURL = environment[openAIURLVariable].flatMap { $0.isEmpty ? nil : $0 }
        for (name, provider, url, id, keyEnv, input, output) in direct {
            let fromEnvironment = provider == .openai ? openAIURL : nil
            presets[name] = ModelPreset(
                endpoint: ModelEndpoint(
                    name: name, provider: provider, baseURL: fromEnvironment ?? url, model: id, api: .chat, apiKeyEnv: keyEnv,
                    pricePerMillionInput: input, pricePerMillionOutput: output),
                sampling: ModelSampling(),
                overriddenBaseURLSource: fromEnvironment == nil ? nil : "environment \(openAIURLVariable)")
        }
        return presets
    }
}
