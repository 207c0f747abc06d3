import DocwrightCore
import JSON

/// Requests to Anthropic's Messages API: `x-api-key` + `anthropic-version`, one sample per request
/// and no log-probabilities (samples come back with `tokens == nil`; Ranking falls back to other
/// signals). A plain completion prompt is sent as one user message.
struct AnthropicRequester: ProviderRequester {
    static let apiVersion = "2023-06-01"

    let client: EndpointClient

    func apiName(for plan: PromptPlan) -> String { "messages" }

    func acceptsN(for plan: PromptPlan) -> Bool { false }

    private var url: String {
        client.base.hasSuffix("/v1") ? client.base + "/messages" : client.base + "/v1/messages"
    }

    func body(_ plan: PromptPlan, _ params: SamplingParams, stream: Bool) throws -> JSONValue {
        var fields: [String: JSONValue] = [
            "model": .string(client.endpoint.model), "max_tokens": .int(params.maxTokens),
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
            throw client.explainer.unsupported("Anthropic has no fill-in-the-middle API; use api = \"chat\" for this model.")
        }
        return .object(fields)
    }

    private var versionHeader: [(name: String, value: String)] { [("anthropic-version", Self.apiVersion)] }

    func request(_ plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?) async throws -> RequestOutcome {
        let json = try await client.postJSON(url, try body(plan, params, stream: false), extraHeaders: versionHeader)
        guard let blocks = json["content"]?.arrayValue else {
            throw client.explainer.malformed("it has no \"content\"")
        }
        let text = blocks.filter { $0["type"]?.stringValue == "text" }.compactMap { $0["text"]?.stringValue }.joined()
        let sample = Sample(text: text, tokens: nil, finishReason: FinishReason(apiValue: json["stop_reason"]?.stringValue))
        return RequestOutcome(samples: [sample], usage: Usage(
            promptTokens: json["usage"]?["input_tokens"]?.intValue ?? 0,
            completionTokens: json["usage"]?["output_tokens"]?.intValue ?? 0))
    }

    func streamRequest(_ plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?, firstIndex: Int,
                       emit: @Sendable (StreamEvent) -> Void) async throws {
        var chunks = try await client.postStreaming(url, try body(plan, params, stream: true), extraHeaders: versionHeader)
        var usage = Usage()
        var stopped = false

        func handle(_ event: ServerSentEvent) throws {
            guard let json = try? JSONValue(parsing: Array(event.data.utf8)) else {
                throw client.explainer.malformed("a streamed event is not JSON")
            }
            switch json["type"]?.stringValue ?? event.event {
            case "message_start":
                usage.promptTokens = json["message"]?["usage"]?["input_tokens"]?.intValue ?? 0
            case "content_block_delta":
                if let text = json["delta"]?["text"]?.stringValue, !text.isEmpty {
                    emit(.text(index: firstIndex, text: text, tokens: nil))
                }
            case "message_delta":
                usage.completionTokens = json["usage"]?["output_tokens"]?.intValue ?? usage.completionTokens
                if let reason = json["delta"]?["stop_reason"]?.stringValue {
                    emit(.finished(index: firstIndex, reason: FinishReason(apiValue: reason)))
                }
            case "message_stop":
                stopped = true
            case "error":
                throw client.explainer.http(status: 529, body: json.serializedBytes(), headers: [:], url: url, attempts: 1)
            default:
                break
            }
        }

        try await chunks.forEachEvent(handle)
        guard stopped else { throw client.explainer.streamCut() }
        emit(.usage(usage))
    }
}
