import DocwrightCore

extension ProviderKind {
    public static let lmstudio = ProviderKind(rawValue: "lmstudio")
}

/// LM Studio's local server: OpenAI-compatible, chat by default.
public struct LMStudioProvider: OpenAICompatible {
    public init() {}
    public var kind: ProviderKind { .lmstudio }
    public var defaultAPI: APIStyle { .chat }
}
