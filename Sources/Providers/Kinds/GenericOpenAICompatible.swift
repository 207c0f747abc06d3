import DocwrightCore

extension ProviderKind {
    /// Any other OpenAI-compatible server.
    public static let openaiCompatible = ProviderKind(rawValue: "openai-compatible")
}

/// Any other server speaking the OpenAI format (llama-cpp-python, TGI, proxies…): completions by
/// default, no key unless configured, `n` tried and learned.
public struct GenericOpenAICompatibleProvider: OpenAICompatible {
    public init() {}
    public var kind: ProviderKind { .openaiCompatible }
    public var defaultAPI: APIStyle { .completions }
}
