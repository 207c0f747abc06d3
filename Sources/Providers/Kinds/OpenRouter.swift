import DocwrightCore

extension ProviderKind {
    public static let openrouter = ProviderKind(rawValue: "openrouter")
}

/// OpenRouter: OpenAI's chat format in front of many providers. Log-probabilities pass through
/// only for some of them, so `provider.require_parameters` is sent when they are asked for; `n`
/// may be ignored (learned per endpoint, then parallel requests). A final assistant message is
/// continued (OpenRouter's assistant prefill).
public struct OpenRouterProvider: OpenAICompatible {
    public init() {}
    public var kind: ProviderKind { .openrouter }
    public var defaultAPI: APIStyle { .chat }
    public var defaultKeyVariable: String? { "OPENROUTER_API_KEY" }
    public var requiresKey: Bool { true }
    public var capabilities: ProviderCapabilities { ProviderCapabilities(assistantPrefill: true) }
    public var presetHeaders: [HTTPHeaderField] {
        [HTTPHeaderField(name: "HTTP-Referer", value: "https://github.com/docwright/docwright"),
         HTTPHeaderField(name: "X-Title", value: "docwright")]
    }
    public var dialect: OpenAIDialect { OpenAIDialect(streamUsageOption: true, requireParametersWhenLogprobs: true) }
}
