import DocwrightCore
import JSON

extension ProviderKind {
    public static let anthropic = ProviderKind(rawValue: "anthropic")
}

/// Anthropic's Messages API: `x-api-key` + `anthropic-version`, one sample per request and no
/// log-probabilities (samples come back with `tokens == nil`; ranking uses agreement). A plain
/// completion prompt is sent as one user message; there is no fill-in-the-middle. A reply cut by
/// the token limit is continued by prefilling it as the assistant's message (less its trailing
/// whitespace, which the API refuses there).
public struct AnthropicProvider: Provider {
    public static let apiVersion = "2023-06-01"

    public init() {}
    public var kind: ProviderKind { .anthropic }
    public var defaultAPI: APIStyle { .chat }
    public var defaultKeyVariable: String? { "ANTHROPIC_API_KEY" }
    public var requiresKey: Bool { true }
    public var keyHeader: KeyHeader { .named("x-api-key") }
    public var capabilities: ProviderCapabilities {
        ProviderCapabilities(logprobs: false, mayHonourN: false, fillInMiddle: false, assistantPrefill: true)
    }

    public func continuation(of plan: PromptPlan, partial: String) -> Continuation? {
        var kept = Substring(partial)
        while let last = kept.last, last.isWhitespace { kept.removeLast() }
        guard !kept.isEmpty else { return nil }
        var next = plan
        switch plan.prompt {
        case .chat(var messages):
            messages.append(ChatMessage(role: .assistant, content: String(kept)))
            next.prompt = .chat(messages)
        case .completion(let text):
            // Sent as one user message (see `request`): the reply is the assistant's.
            next.prompt = .chat([ChatMessage(role: .user, content: text), ChatMessage(role: .assistant, content: String(kept))])
        case .fillInMiddle:
            return nil
        }
        return Continuation(plan: next, continues: String(kept))
    }

    public func apiName(for plan: PromptPlan) -> String { "messages" }

    public func acceptsN(for plan: PromptPlan) -> Bool { false }

    public func request(for plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?, stream: Bool,
                        endpoint: ModelEndpoint) throws(ProviderFailure) -> ProviderRequest {
        var fields: [String: JSONValue] = [
            "model": .string(endpoint.model), "max_tokens": .int(params.maxTokens),
            "temperature": .number(min(1, params.temperature)),
        ]
        if let topP = params.topP { fields["top_p"] = .number(topP) }
        if stream { fields["stream"] = true }
        // The API rejects stop sequences made only of whitespace; those still apply locally.
        let stops = stops(plan, params).filter { !$0.allSatisfy(\.isWhitespace) }
        if !stops.isEmpty { fields["stop_sequences"] = .array(stops.map(JSONValue.string)) }
        switch plan.prompt {
        case .chat(let messages):
            let system = messages.filter { $0.role == .system }.map(\.content).joined(separator: "\n\n")
            if !system.isEmpty { fields["system"] = .string(system) }
            fields["messages"] = .array(messages.filter { $0.role != .system }.map {
                ["role": .string($0.role.rawValue), "content": .string($0.content)]
            })
        case .completion(let text):
            fields["messages"] = [["role": "user", "content": .string(text)]]
        case .fillInMiddle:
            throw .unsupported("Anthropic has no fill-in-the-middle API; use api = \"chat\" for this model.")
        }
        let base = endpoint.trimmedBaseURL
        return ProviderRequest(
            url: base.hasSuffix("/v1") ? base + "/messages" : base + "/v1/messages", body: .object(fields),
            headers: [HTTPHeaderField(name: "anthropic-version", value: Self.apiVersion)])
    }

    public func reply(_ json: JSONValue, plan: PromptPlan, params: SamplingParams) throws(ProviderFailure) -> RequestOutcome {
        guard let blocks = json["content"]?.arrayValue else {
            throw .malformed("it has no \"content\"")
        }
        let text = blocks.filter { $0["type"]?.stringValue == "text" }.compactMap { $0["text"]?.stringValue }.joined()
        let sample = Sample(text: text, tokens: nil, finishReason: FinishReason(apiValue: json["stop_reason"]?.stringValue))
        return RequestOutcome(samples: [sample], usage: Usage(
            promptTokens: json["usage"]?["input_tokens"]?.intValue ?? 0,
            completionTokens: json["usage"]?["output_tokens"]?.intValue ?? 0))
    }

    public func streamDecoder(plan: PromptPlan, params: SamplingParams, count: Int, firstIndex: Int) -> any StreamDecoder {
        AnthropicStreamDecoder(index: firstIndex)
    }
}

/// Anthropic's server-sent events: `message_start`, `content_block_delta`…, `message_delta`, `message_stop`.
struct AnthropicStreamDecoder: StreamDecoder {
    let index: Int
    var framing: StreamFraming { .serverSentEvents }
    private var usage = Usage()
    private var stopped = false

    init(index: Int) { self.index = index }

    mutating func consume(_ payload: String, event: String?, emit: (StreamEvent) -> Void) throws(ProviderFailure) {
        guard let json = try? JSONValue(parsing: Array(payload.utf8)) else {
            throw .malformed("a streamed event is not JSON")
        }
        switch json["type"]?.stringValue ?? event {
        case "message_start":
            usage.promptTokens = json["message"]?["usage"]?["input_tokens"]?.intValue ?? 0
        case "content_block_delta":
            if let text = json["delta"]?["text"]?.stringValue, !text.isEmpty {
                emit(.text(index: index, text: text, tokens: nil))
            }
        case "message_delta":
            usage.completionTokens = json["usage"]?["output_tokens"]?.intValue ?? usage.completionTokens
            if let reason = json["delta"]?["stop_reason"]?.stringValue {
                emit(.finished(index: index, reason: FinishReason(apiValue: reason)))
            }
        case "message_stop":
            stopped = true
        case "error":
            throw .errorReply(status: 529, body: json.serializedBytes())
        default:
            break
        }
    }

    mutating func finish(emit: (StreamEvent) -> Void) throws(ProviderFailure) {
        guard stopped else { throw .streamCut }
        emit(.usage(usage))
    }
}
