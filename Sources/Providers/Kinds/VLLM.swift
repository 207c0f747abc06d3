import DocwrightCore

extension ProviderKind {
    public static let vllm = ProviderKind(rawValue: "vllm")
}

/// vLLM's OpenAI-compatible server: completions by default, `n`, usage in streams; a chat
/// ending with an assistant message is continued from it (`continue_final_message`).
public struct VLLMProvider: OpenAICompatible {
    public init() {}
    public var kind: ProviderKind { .vllm }
    public var defaultAPI: APIStyle { .completions }
    public var dialect: OpenAIDialect { OpenAIDialect(streamUsageOption: true, continueFinalMessage: true) }
    public var capabilities: ProviderCapabilities { ProviderCapabilities(assistantPrefill: true) }
}
