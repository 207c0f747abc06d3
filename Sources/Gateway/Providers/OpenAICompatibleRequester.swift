import DocwrightCore
import JSON

/// Requests to OpenAI-compatible servers: `/completions`, `/chat/completions`, and for
/// fill-in-the-middle either llama.cpp's `/infill` (llama.cpp endpoints) or `/completions`
/// with a `suffix` (everyone else, as OpenAI and vLLM define it).
struct OpenAICompatibleRequester: ProviderRequester {
    enum Route: String { case completions, chat, suffixFIM = "completions+suffix", infill }

    let client: EndpointClient

    private var profile: ProviderProfile { client.profile }

    func route(for plan: PromptPlan) -> Route {
        switch plan.prompt {
        case .completion: return .completions
        case .chat: return .chat
        case .fillInMiddle: return profile.fimStyle == .llamaInfill ? .infill : .suffixFIM
        }
    }

    func apiName(for plan: PromptPlan) -> String { route(for: plan).rawValue }

    func acceptsN(for plan: PromptPlan) -> Bool { profile.mayHonourN && route(for: plan) != .infill }

    /// URL and JSON body of one request.
    func body(_ plan: PromptPlan, _ params: SamplingParams, count: Int, seed: Int?, stream: Bool) -> (String, JSONValue) {
        let route = route(for: plan)
        var fields: [String: JSONValue] = ["temperature": .number(params.temperature)]
        if let topP = params.topP { fields["top_p"] = .number(topP) }
        if let seed { fields["seed"] = .int(seed) }
        let stops = stops(plan, params)
        if !stops.isEmpty { fields["stop"] = .array(stops.map(JSONValue.string)) }
        if stream { fields["stream"] = true }

        if route == .infill {
            // llama.cpp's native API: n_predict, n_probs; one sample per request.
            if case .fillInMiddle(let prefix, let suffix) = plan.prompt {
                fields["input_prefix"] = .string(prefix)
                fields["input_suffix"] = .string(suffix)
            }
            fields["prompt"] = ""
            fields["n_predict"] = .int(params.maxTokens)
            if params.logprobs { fields["n_probs"] = 1 }
            return (client.root + "/infill", .object(fields))
        }

        fields["model"] = .string(client.endpoint.model)
        if count > 1 { fields["n"] = .int(count) }
        if stream, profile.streamUsageOption { fields["stream_options"] = ["include_usage": true] }
        if params.logprobs, profile.requireParametersWhenLogprobs {
            fields["provider"] = ["require_parameters": true]
        }
        switch plan.prompt {
        case .chat(let messages):
            fields["messages"] = .array(messages.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] })
            // OpenAI's newer models only take max_completion_tokens; others know max_tokens.
            fields[profile.kind == .openai ? "max_completion_tokens" : "max_tokens"] = .int(params.maxTokens)
            if params.logprobs {
                fields["logprobs"] = true
                // llama.cpp returns no logprobs with top_logprobs 0; 1 works everywhere.
                fields["top_logprobs"] = 1
            }
            return (client.base + "/chat/completions", .object(fields))
        case .completion(let text):
            fields["prompt"] = .string(text)
        case .fillInMiddle(let prefix, let suffix):
            fields["prompt"] = .string(prefix)
            fields["suffix"] = .string(suffix)
        }
        fields["max_tokens"] = .int(params.maxTokens)
        if params.logprobs { fields["logprobs"] = 1 }
        return (client.base + "/completions", .object(fields))
    }

    func request(_ plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?) async throws -> RequestOutcome {
        let (url, body) = body(plan, params, count: count, seed: seed, stream: false)
        let json = try await client.postJSON(url, body)
        if let embedded = OpenAIReplyParsing.embeddedError(in: json) {
            throw client.explainer.http(status: embedded.status, body: embedded.body, headers: [:], url: url, attempts: 1)
        }
        guard let choices = OpenAIReplyParsing.choices(in: json, chat: route(for: plan) == .chat) else {
            throw client.explainer.malformed("it has no \"choices\"")
        }
        let ordered = choices.sorted { $0.index < $1.index }
        let samples = ordered.map { OpenAIReplyParsing.sample(from: $0, logprobsWanted: params.logprobs) }
        let completion = Self.completionTokens(
            rawCounts: ordered.map { $0.tokens?.count }, reported: OpenAIReplyParsing.reportedCompletionTokens(in: json))
        return RequestOutcome(samples: samples, usage: Usage(
            promptTokens: OpenAIReplyParsing.promptTokens(in: json) ?? 0, completionTokens: completion))
    }

    func streamRequest(_ plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?, firstIndex: Int,
                       emit: @Sendable (StreamEvent) -> Void) async throws {
        let (url, body) = body(plan, params, count: count, seed: seed, stream: true)
        let chat = route(for: plan) == .chat
        var chunks = try await client.postStreaming(url, body)
        var tracker = StreamTracker()
        var done = false
        var promptTokens: Int?
        var reportedCompletion: Int?

        func handle(_ event: ServerSentEvent) throws {
            if event.data == "[DONE]" {
                done = true
                return
            }
            guard let json = try? JSONValue(parsing: Array(event.data.utf8)) else {
                throw client.explainer.malformed("a streamed event is not JSON")
            }
            if let embedded = OpenAIReplyParsing.embeddedError(in: json) {
                throw client.explainer.http(status: embedded.status, body: embedded.body, headers: [:], url: url, attempts: 1)
            }
            promptTokens = OpenAIReplyParsing.promptTokens(in: json) ?? promptTokens
            reportedCompletion = OpenAIReplyParsing.reportedCompletionTokens(in: json) ?? reportedCompletion
            for choice in OpenAIReplyParsing.choices(in: json, chat: chat) ?? [] {
                let index = firstIndex + choice.index
                let tokens = tracker.offsets(for: params.logprobs ? choice.tokens : nil, index: index)
                if !choice.text.isEmpty || !(tokens ?? []).isEmpty {
                    emit(.text(index: index, text: choice.text, tokens: tokens))
                }
                if let reason = choice.finishReason {
                    tracker.finish(index)
                    emit(.finished(index: index, reason: reason))
                }
            }
        }

        try await chunks.forEachEvent(handle)
        guard done || tracker.finished.count >= count else { throw client.explainer.streamCut() }
        let completion = tracker.sawTokens ? tracker.tokenCount : (reportedCompletion ?? 0)
        if promptTokens != nil || completion > 0 {
            emit(.usage(Usage(promptTokens: promptTokens ?? 0, completionTokens: completion)))
        }
    }
}
