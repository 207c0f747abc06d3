import DocwrightCore
import JSON

/// Requests to Ollama's native API (`/api/generate`, `/api/chat`), which returns log-probabilities
/// (v0.12.11+) but takes no `n`: one sample per request. The base URL may be given with or
/// without `/v1` (Ollama also serves an OpenAI-compatible API there).
struct OllamaRequester: ProviderRequester {
    let client: EndpointClient

    func apiName(for plan: PromptPlan) -> String {
        if case .chat = plan.prompt { return "api/chat" }
        return "api/generate"
    }

    func acceptsN(for plan: PromptPlan) -> Bool { false }

    func body(_ plan: PromptPlan, _ params: SamplingParams, seed: Int?, stream: Bool) -> (String, JSONValue) {
        var options: [String: JSONValue] = ["num_predict": .int(params.maxTokens), "temperature": .number(params.temperature)]
        if let topP = params.topP { options["top_p"] = .number(topP) }
        if let seed { options["seed"] = .int(seed) }
        let stops = stops(plan, params)
        if !stops.isEmpty { options["stop"] = .array(stops.map(JSONValue.string)) }
        var fields: [String: JSONValue] = [
            "model": .string(client.endpoint.model), "stream": .bool(stream), "options": .object(options),
        ]
        if params.logprobs { fields["logprobs"] = true }
        switch plan.prompt {
        case .chat(let messages):
            fields["messages"] = .array(messages.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] })
            return (client.root + "/api/chat", .object(fields))
        case .completion(let text):
            fields["prompt"] = .string(text)
            // Raw: continue the text as is, without the model's chat template.
            fields["raw"] = true
        case .fillInMiddle(let prefix, let suffix):
            fields["prompt"] = .string(prefix)
            fields["suffix"] = .string(suffix)
        }
        return (client.root + "/api/generate", .object(fields))
    }

    /// Text, tokens and finish reason of one reply object (or one streamed line).
    private func parts(of json: JSONValue) -> (text: String, tokens: [RawToken]?, finish: FinishReason?) {
        let text = json["response"]?.stringValue ?? json["message"]?["content"]?.stringValue ?? ""
        let finish: FinishReason? = json["done"]?.boolValue == true
            ? FinishReason(apiValue: json["done_reason"]?.stringValue ?? "stop") : nil
        return (text, OpenAIReplyParsing.tokens(in: json["logprobs"]), finish)
    }

    func request(_ plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?) async throws -> RequestOutcome {
        let (url, body) = body(plan, params, seed: seed, stream: false)
        let json = try await client.postJSON(url, body)
        if let message = json["error"]?.stringValue {
            throw client.explainer.http(status: 502, body: Array(message.utf8), headers: [:], url: url, attempts: 1)
        }
        guard json["response"] != nil || json["message"] != nil else {
            throw client.explainer.malformed("it has neither \"response\" nor \"message\"")
        }
        let (text, tokens, finish) = parts(of: json)
        let kept = params.logprobs ? tokens.map { LogprobAlignment.align($0, to: text) } : nil
        let completion = Self.completionTokens(rawCounts: [tokens?.count], reported: json["eval_count"]?.intValue)
        return RequestOutcome(
            samples: [Sample(text: text, tokens: kept, finishReason: finish ?? .unknown)],
            usage: Usage(promptTokens: json["prompt_eval_count"]?.intValue ?? 0, completionTokens: completion))
    }

    /// Ollama streams newline-delimited JSON objects, the last with `done: true`.
    func streamRequest(_ plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?, firstIndex: Int,
                       emit: @Sendable (StreamEvent) -> Void) async throws {
        let (url, body) = body(plan, params, seed: seed, stream: true)
        var chunks = try await client.postStreaming(url, body)
        var tracker = StreamTracker()
        var usage: Usage?

        func handle(_ line: String) throws {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            guard let json = try? JSONValue(parsing: Array(line.utf8)) else {
                throw client.explainer.malformed("a streamed line is not JSON")
            }
            if let message = json["error"]?.stringValue {
                throw client.explainer.http(status: 502, body: Array(message.utf8), headers: [:], url: url, attempts: 1)
            }
            let (text, tokens, finish) = parts(of: json)
            let placed = tracker.offsets(for: params.logprobs ? tokens : nil, index: firstIndex)
            if !text.isEmpty || !(placed ?? []).isEmpty { emit(.text(index: firstIndex, text: text, tokens: placed)) }
            if let finish {
                tracker.finish(firstIndex)
                emit(.finished(index: firstIndex, reason: finish))
                usage = Usage(promptTokens: json["prompt_eval_count"]?.intValue ?? 0,
                              completionTokens: json["eval_count"]?.intValue ?? tracker.tokenCount)
            }
        }

        try await chunks.forEachLine(handle)
        guard tracker.finished.contains(firstIndex) else { throw client.explainer.streamCut() }
        if let usage { emit(.usage(usage)) }
    }
}
