import DocwrightCore

extension ProviderKind {
    public static let llamacpp = ProviderKind(rawValue: "llamacpp")
}

/// llama.cpp's server: OpenAI-compatible completions and chat, `n` up to its slot count, and its
/// own `/infill` for fill-in-the-middle (which applies the model's own FIM template, repo-level
/// context included). Every request asks for `cache_prompt`. A chat ending with an assistant
/// message is continued from it (the server's assistant prefill, on by default). The default
/// local model (`scripts/local-model`) is one.
public struct LlamaCppProvider: OpenAICompatible {
    public init() {}
    public var kind: ProviderKind { .llamacpp }
    public var defaultAPI: APIStyle { .completions }
    public var dialect: OpenAIDialect { OpenAIDialect(fillInMiddle: .llamaInfill, cachePrompt: true) }
    public var appliesModelFIMTemplate: Bool { true }
    public var capabilities: ProviderCapabilities { ProviderCapabilities(assistantPrefill: true) }

    public func hint(_ situation: ProviderSituation, endpoint: ModelEndpoint) -> String? {
        switch situation {
        case .unreachable:
            // The default local model: say exactly how to start it.
            guard endpoint.baseURL.contains("127.0.0.1") else { return nil }
            return "Start the local model with `scripts/local-model start` in the docwright checkout"
                + " (or set DOCWRIGHT_LOCAL_MODEL_URL), or configure another model: see docs/configuration.md."
        }
    }
}
