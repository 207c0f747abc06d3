import DocwrightCore

/// What docwright knows about a kind of server before probing it.
struct ProviderProfile: Sendable {
    enum FIMStyle: Sendable, Hashable {
        /// llama.cpp's own `/infill` (input_prefix / input_suffix).
        case llamaInfill
        /// `/completions` with `prompt` = prefix and `suffix` (OpenAI, vLLM, Ollama's `suffix`).
        case suffixField
        case unsupported
    }

    var kind: ProviderKind
    /// The variable conventionally holding this provider's key.
    var defaultKeyVariable: String?
    var requiresKey: Bool
    /// Whether `n` may work (then it is tried and the answer remembered); false: parallel requests.
    var mayHonourN: Bool
    /// Most stop sequences the API accepts (the rest are still applied locally after sampling).
    var maxStops: Int?
    var fimStyle: FIMStyle
    /// Headers sent unless the endpoint configures the same names.
    var presetHeaders: [(name: String, value: String)]
    /// OpenRouter: restrict routing to providers that honour every parameter (logprobs).
    var requireParametersWhenLogprobs: Bool
    /// Whether `stream_options.include_usage` is understood.
    var streamUsageOption: Bool

    static func profile(for kind: ProviderKind) -> ProviderProfile {
        var profile = ProviderProfile(
            kind: kind, defaultKeyVariable: nil, requiresKey: false, mayHonourN: true, maxStops: nil,
            fimStyle: .suffixField, presetHeaders: [], requireParametersWhenLogprobs: false, streamUsageOption: false)
        switch kind {
        case .openai:
            profile.defaultKeyVariable = "OPENAI_API_KEY"
            profile.requiresKey = true
            profile.maxStops = 4
            profile.streamUsageOption = true
        case .openrouter:
            profile.defaultKeyVariable = "OPENROUTER_API_KEY"
            profile.requiresKey = true
            profile.presetHeaders = [("HTTP-Referer", "https://github.com/docwright/docwright"), ("X-Title", "docwright")]
            profile.requireParametersWhenLogprobs = true
            profile.streamUsageOption = true
        case .llamacpp:
            profile.fimStyle = .llamaInfill
        case .vllm:
            profile.streamUsageOption = true
        case .lmstudio, .openaiCompatible:
            break
        case .ollama:
            profile.mayHonourN = false
        case .anthropic:
            profile.defaultKeyVariable = "ANTHROPIC_API_KEY"
            profile.requiresKey = true
            profile.mayHonourN = false
            profile.fimStyle = .unsupported
        }
        return profile
    }
}
