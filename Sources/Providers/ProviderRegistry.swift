import DocwrightCore

/// Every provider docwright knows, once. Config validates `provider = "…"` against it and reads
/// defaults from it; Gateway builds requests and reads replies through it. To add a provider,
/// write one file in `Kinds/` and add one line here (docs/extending.md).
public enum ProviderRegistry {
    public static let all: [any Provider] = [
        OpenAIProvider(),
        OpenRouterProvider(),
        LlamaCppProvider(),
        VLLMProvider(),
        LMStudioProvider(),
        OllamaProvider(),
        AnthropicProvider(),
        GenericOpenAICompatibleProvider(),
    ]

    private static let byKind: [ProviderKind: any Provider] = Dictionary(
        all.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })

    /// The provider of a kind; nil for a name no provider declares.
    public static func provider(for kind: ProviderKind) -> (any Provider)? { byKind[kind] }

    /// The kind with this configuration name, when a provider declares it.
    public static func kind(named name: String) -> ProviderKind? {
        let kind = ProviderKind(rawValue: name)
        return byKind[kind] == nil ? nil : kind
    }

    /// Configuration names of every provider, in registry order.
    public static var names: [String] { all.map(\.kind.rawValue) }
}
