import DocwrightCore

extension ProviderKind {
    public static let openai = ProviderKind(rawValue: "openai")
}

/// OpenAI's API: chat by default, a key in `OPENAI_API_KEY`, at most 4 stop sequences, and
/// `max_completion_tokens` for chat (its newer models reject `max_tokens`).
public struct OpenAIProvider: OpenAICompatible {
    public init() {}
    public var kind: ProviderKind { .openai }
    public var defaultAPI: APIStyle { .chat }
    public var defaultKeyVariable: String? { "OPENAI_API_KEY" }
    public var requiresKey: Bool { true }
    public var capabilities: ProviderCapabilities { ProviderCapabilities(maxStops: 4) }
    public var dialect: OpenAIDialect {
        OpenAIDialect(chatMaxTokensField: "max_completion_tokens", streamUsageOption: true)
    }
}
