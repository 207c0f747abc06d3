import DocwrightCore
import JSON

/// Where an OpenAI-compatible server differs from the others while speaking the same wire format.
public struct OpenAIDialect: Sendable, Hashable {
    public enum FillInMiddle: Sendable, Hashable {
        /// `/completions` with `prompt` = prefix and `suffix` (OpenAI, vLLM).
        case suffixField
        /// llama.cpp's own `/infill` (input_extra / input_prefix / input_suffix, n_predict, n_probs);
        /// one sample a request.
        case llamaInfill
    }

    public var fillInMiddle: FillInMiddle
    /// Chat's token limit field: OpenAI's newer models only take `max_completion_tokens`.
    public var chatMaxTokensField: String
    /// Whether `stream_options.include_usage` is understood.
    public var streamUsageOption: Bool
    /// OpenRouter: `provider.require_parameters` when logprobs are asked, so routing only picks
    /// providers that return them.
    public var requireParametersWhenLogprobs: Bool
    /// llama.cpp: `cache_prompt: true` on every request, so a prompt sharing its start with the
    /// previous one (the same context files, the same file) reuses the server's KV cache.
    public var cachePrompt: Bool
    /// vLLM: a chat ending with an assistant message asks for `continue_final_message` (and no
    /// generation prompt), so the model continues that message (prefill).
    public var continueFinalMessage: Bool

    public init(fillInMiddle: FillInMiddle = .suffixField, chatMaxTokensField: String = "max_tokens",
                streamUsageOption: Bool = false, requireParametersWhenLogprobs: Bool = false, cachePrompt: Bool = false,
                continueFinalMessage: Bool = false) {
        self.fillInMiddle = fillInMiddle
        self.chatMaxTokensField = chatMaxTokensField
        self.streamUsageOption = streamUsageOption
        self.requireParametersWhenLogprobs = requireParametersWhenLogprobs
        self.cachePrompt = cachePrompt
        self.continueFinalMessage = continueFinalMessage
    }
}

/// A provider speaking the OpenAI wire format: `/completions`, `/chat/completions`, and for
/// fill-in-the-middle either `/completions` with a `suffix` or llama.cpp's `/infill`. Conforming
/// types declare their traits and `dialect`; requests and replies come from this extension.
public protocol OpenAICompatible: Provider {
    var dialect: OpenAIDialect { get }
}

/// The API an OpenAI-compatible request goes to.
enum OpenAIRoute: String {
    case completions, chat, suffixFIM = "completions+suffix", infill
}

extension OpenAICompatible {
    public var dialect: OpenAIDialect { OpenAIDialect() }

    func route(for plan: PromptPlan) -> OpenAIRoute {
        switch plan.prompt {
        case .completion: return .completions
        case .chat: return .chat
        case .fillInMiddle: return dialect.fillInMiddle == .llamaInfill ? .infill : .suffixFIM
        }
    }

    public func apiName(for plan: PromptPlan) -> String { route(for: plan).rawValue }

    public func acceptsN(for plan: PromptPlan) -> Bool { capabilities.mayHonourN && route(for: plan) != .infill }

    public func request(for plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?, stream: Bool,
                        endpoint: ModelEndpoint) throws(ProviderFailure) -> ProviderRequest {
        let route = route(for: plan)
        var fields: [String: JSONValue] = ["temperature": .number(params.temperature)]
        if let topP = params.topP { fields["top_p"] = .number(topP) }
        if let seed { fields["seed"] = .int(seed) }
        let stops = stops(plan, params)
        if !stops.isEmpty { fields["stop"] = .array(stops.map(JSONValue.string)) }
        if stream { fields["stream"] = true }
        if dialect.cachePrompt { fields["cache_prompt"] = true }

        if route == .infill {
            // llama.cpp's native API: n_predict, n_probs; one sample per request. The project
            // context goes as files (`input_extra`), which the server lays out in the model's
            // repo-level format when it has one.
            if case .fillInMiddle(let prefix, let suffix) = plan.prompt {
                fields["input_prefix"] = .string(prefix)
                fields["input_suffix"] = .string(suffix)
            }
            if !plan.contextFiles.isEmpty {
                fields["input_extra"] = .array(plan.contextFiles.map {
                    ["filename": .string($0.filename), "text": .string($0.text)]
                })
            }
            fields["prompt"] = ""
            fields["n_predict"] = .int(params.maxTokens)
            if params.logprobs { fields["n_probs"] = 1 }
            return ProviderRequest(url: endpoint.serverRoot + "/infill", body: .object(fields))
        }

        fields["model"] = .string(endpoint.model)
        if count > 1 { fields["n"] = .int(count) }
        if stream, dialect.streamUsageOption { fields["stream_options"] = ["include_usage": true] }
        if params.logprobs, dialect.requireParametersWhenLogprobs {
            fields["provider"] = ["require_parameters": true]
        }
        let base = endpoint.trimmedBaseURL
        switch plan.prompt {
        case .chat(let messages):
            fields["messages"] = .array(messages.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] })
            fields[dialect.chatMaxTokensField] = .int(params.maxTokens)
            if dialect.continueFinalMessage, messages.last?.role == .assistant {
                fields["continue_final_message"] = true
                fields["add_generation_prompt"] = false
            }
            if params.logprobs {
                fields["logprobs"] = true
                // llama.cpp returns no logprobs with top_logprobs 0; 1 works everywhere.
                fields["top_logprobs"] = 1
            }
            return ProviderRequest(url: base + "/chat/completions", body: .object(fields))
        case .completion(let text):
            fields["prompt"] = .string(text)
        case .fillInMiddle(let prefix, let suffix):
            // Only a prefix and a suffix: the project context goes in front of the prefix, commented.
            fields["prompt"] = .string(plan.contextPreamble + prefix)
            fields["suffix"] = .string(suffix)
        }
        fields["max_tokens"] = .int(params.maxTokens)
        if params.logprobs { fields["logprobs"] = 1 }
        return ProviderRequest(url: base + "/completions", body: .object(fields))
    }

    public func reply(_ json: JSONValue, plan: PromptPlan, params: SamplingParams) throws(ProviderFailure) -> RequestOutcome {
        if let embedded = OpenAIReplyParsing.embeddedError(in: json) {
            throw .errorReply(status: embedded.status, body: embedded.body)
        }
        guard let choices = OpenAIReplyParsing.choices(in: json, chat: route(for: plan) == .chat) else {
            throw .malformed("it has no \"choices\"")
        }
        let ordered = choices.sorted { $0.index < $1.index }
        let samples = ordered.map { OpenAIReplyParsing.sample(from: $0, logprobsWanted: params.logprobs) }
        let completion = RequestOutcome.completionTokens(
            rawCounts: ordered.map { $0.tokens?.count }, reported: OpenAIReplyParsing.reportedCompletionTokens(in: json))
        return RequestOutcome(samples: samples, usage: Usage(
            promptTokens: OpenAIReplyParsing.promptTokens(in: json) ?? 0, completionTokens: completion))
    }

    public func streamDecoder(plan: PromptPlan, params: SamplingParams, count: Int, firstIndex: Int) -> any StreamDecoder {
        OpenAIStreamDecoder(chat: route(for: plan) == .chat, logprobs: params.logprobs, count: count, firstIndex: firstIndex)
    }
}

/// Server-sent chunks of `/completions`, `/chat/completions` or `/infill`, ending with `[DONE]`
/// (or every choice finished).
struct OpenAIStreamDecoder: StreamDecoder {
    let chat: Bool
    let logprobs: Bool
    let count: Int
    let firstIndex: Int
    var framing: StreamFraming { .serverSentEvents }

    private var tracker = StreamTracker()
    private var done = false
    private var promptTokens: Int?
    private var reportedCompletion: Int?

    init(chat: Bool, logprobs: Bool, count: Int, firstIndex: Int) {
        self.chat = chat
        self.logprobs = logprobs
        self.count = count
        self.firstIndex = firstIndex
    }

    mutating func consume(_ payload: String, event: String?, emit: (StreamEvent) -> Void) throws(ProviderFailure) {
        if payload == "[DONE]" {
            done = true
            return
        }
        guard let json = try? JSONValue(parsing: Array(payload.utf8)) else {
            throw .malformed("a streamed event is not JSON")
        }
        if let embedded = OpenAIReplyParsing.embeddedError(in: json) {
            throw .errorReply(status: embedded.status, body: embedded.body)
        }
        promptTokens = OpenAIReplyParsing.promptTokens(in: json) ?? promptTokens
        reportedCompletion = OpenAIReplyParsing.reportedCompletionTokens(in: json) ?? reportedCompletion
        for choice in OpenAIReplyParsing.choices(in: json, chat: chat) ?? [] {
            let index = firstIndex + choice.index
            let tokens = tracker.offsets(for: logprobs ? choice.tokens : nil, index: index)
            if !choice.text.isEmpty || !(tokens ?? []).isEmpty {
                emit(.text(index: index, text: choice.text, tokens: tokens))
            }
            if let reason = choice.finishReason {
                tracker.finish(index)
                emit(.finished(index: index, reason: reason))
            }
        }
    }

    mutating func finish(emit: (StreamEvent) -> Void) throws(ProviderFailure) {
        guard done || tracker.finished.count >= count else { throw .streamCut }
        let completion = tracker.sawTokens ? tracker.tokenCount : (reportedCompletion ?? 0)
        if promptTokens != nil || completion > 0 {
            emit(.usage(Usage(promptTokens: promptTokens ?? 0, completionTokens: completion)))
        }
    }
}
