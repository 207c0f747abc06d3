import DocwrightCore
import JSON

extension ProviderKind {
    public static let ollama = ProviderKind(rawValue: "ollama")
}

/// Ollama's native API (`/api/generate`, `/api/chat`), which returns log-probabilities
/// (v0.12.11+) but takes no `n`: one sample per request. The base URL may be given with or
/// without `/v1` (Ollama also serves an OpenAI-compatible API there). A chat ending with an
/// assistant message is continued from it (prefill).
public struct OllamaProvider: Provider {
    public init() {}
    public var kind: ProviderKind { .ollama }
    public var defaultAPI: APIStyle { .chat }
    public var capabilities: ProviderCapabilities { ProviderCapabilities(mayHonourN: false, assistantPrefill: true) }
    /// `/api/generate` with `suffix` renders the model's own FIM template.
    public var appliesModelFIMTemplate: Bool { true }

    public func apiName(for plan: PromptPlan) -> String {
        if case .chat = plan.prompt { return "api/chat" }
        return "api/generate"
    }

    public func acceptsN(for plan: PromptPlan) -> Bool { false }

    public func request(for plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?, stream: Bool,
                        endpoint: ModelEndpoint) throws(ProviderFailure) -> ProviderRequest {
        var options: [String: JSONValue] = ["num_predict": .int(params.maxTokens), "temperature": .number(params.temperature)]
        if let topP = params.topP { options["top_p"] = .number(topP) }
        if let seed { options["seed"] = .int(seed) }
        let stops = stops(plan, params)
        if !stops.isEmpty { options["stop"] = .array(stops.map(JSONValue.string)) }
        var fields: [String: JSONValue] = [
            "model": .string(endpoint.model), "stream": .bool(stream), "options": .object(options),
        ]
        if params.logprobs { fields["logprobs"] = true }
        switch plan.prompt {
        case .chat(let messages):
            fields["messages"] = .array(messages.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] })
            return ProviderRequest(url: endpoint.serverRoot + "/api/chat", body: .object(fields))
        case .completion(let text):
            fields["prompt"] = .string(text)
            // Raw: continue the text as is, without the model's chat template.
            fields["raw"] = true
        case .fillInMiddle(let prefix, let suffix):
            // Only a prefix and a suffix: the project context goes in front of the prefix, commented.
            fields["prompt"] = .string(plan.contextPreamble + prefix)
            fields["suffix"] = .string(suffix)
        }
        return ProviderRequest(url: endpoint.serverRoot + "/api/generate", body: .object(fields))
    }

    /// Text, tokens and finish reason of one reply object (or one streamed line).
    static func parts(of json: JSONValue) -> (text: String, tokens: [RawToken]?, finish: FinishReason?) {
        let text = json["response"]?.stringValue ?? json["message"]?["content"]?.stringValue ?? ""
        let finish: FinishReason? = json["done"]?.boolValue == true
            ? FinishReason(apiValue: json["done_reason"]?.stringValue ?? "stop") : nil
        return (text, OpenAIReplyParsing.tokens(in: json["logprobs"]), finish)
    }

    public func reply(_ json: JSONValue, plan: PromptPlan, params: SamplingParams) throws(ProviderFailure) -> RequestOutcome {
        if let message = json["error"]?.stringValue {
            throw .errorReply(status: 502, body: Array(message.utf8))
        }
        guard json["response"] != nil || json["message"] != nil else {
            throw .malformed("it has neither \"response\" nor \"message\"")
        }
        let (text, tokens, finish) = Self.parts(of: json)
        let kept = params.logprobs ? tokens.map { LogprobAlignment.align($0, to: text) } : nil
        let completion = RequestOutcome.completionTokens(rawCounts: [tokens?.count], reported: json["eval_count"]?.intValue)
        return RequestOutcome(
            samples: [Sample(text: text, tokens: kept, finishReason: finish ?? .unknown)],
            usage: Usage(promptTokens: json["prompt_eval_count"]?.intValue ?? 0, completionTokens: completion))
    }

    public func streamDecoder(plan: PromptPlan, params: SamplingParams, count: Int, firstIndex: Int) -> any StreamDecoder {
        OllamaStreamDecoder(logprobs: params.logprobs, index: firstIndex)
    }
}

/// Ollama streams newline-delimited JSON objects, the last with `done: true`.
struct OllamaStreamDecoder: StreamDecoder {
    let logprobs: Bool
    let index: Int
    var framing: StreamFraming { .lines }
    private var tracker = StreamTracker()
    private var usage: Usage?

    init(logprobs: Bool, index: Int) {
        self.logprobs = logprobs
        self.index = index
    }

    mutating func consume(_ payload: String, event: String?, emit: (StreamEvent) -> Void) throws(ProviderFailure) {
        guard !payload.allSatisfy(\.isWhitespace) else { return }
        guard let json = try? JSONValue(parsing: Array(payload.utf8)) else {
            throw .malformed("a streamed line is not JSON")
        }
        if let message = json["error"]?.stringValue {
            throw .errorReply(status: 502, body: Array(message.utf8))
        }
        let (text, tokens, finish) = OllamaProvider.parts(of: json)
        let placed = tracker.offsets(for: logprobs ? tokens : nil, index: index)
        if !text.isEmpty || !(placed ?? []).isEmpty { emit(.text(index: index, text: text, tokens: placed)) }
        if let finish {
            tracker.finish(index)
            emit(.finished(index: index, reason: finish))
            usage = Usage(promptTokens: json["prompt_eval_count"]?.intValue ?? 0,
                          completionTokens: json["eval_count"]?.intValue ?? tracker.tokenCount)
        }
    }

    mutating func finish(emit: (StreamEvent) -> Void) throws(ProviderFailure) {
        guard tracker.finished.contains(index) else { throw .streamCut }
        if let usage { emit(.usage(usage)) }
    }
}
