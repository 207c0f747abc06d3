import DocwrightCore

extension ProviderKind {
    public static let vllm = ProviderKind(rawValue: "vllm")
}

/// vLLM's OpenAI-compatible server: completions by default, `n`, usage in streams.
public struct VLLMProvider: OpenAICompatible {
    public init() {}
    public var kind: ProviderKind { .vllm }
    public var defaultAPI: APIStyle { .completions }
    public var dialect: OpenAIDialect { OpenAIDialect(streamUsageOption: true) }
}
