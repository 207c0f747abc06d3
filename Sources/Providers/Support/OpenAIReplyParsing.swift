import DocwrightCore
import JSON

/// Reads the reply shapes of OpenAI-compatible servers (OpenAI, OpenRouter, llama.cpp, vLLM,
/// LM Studio, llama-cpp-python) and llama.cpp's native `/infill`.
package enum OpenAIReplyParsing {
    package struct Choice: Sendable {
        package var index: Int
        package var text: String
        package var tokens: [RawToken]?
        package var finishReason: FinishReason?
    }

    /// Tokens of a `logprobs` value in any known shape; nil when absent or null.
    /// - `{content: [{token, logprob, bytes}]}`: OpenAI chat, llama.cpp (chat and completions)
    /// - `{tokens, token_logprobs, text_offset}`: legacy completions (OpenAI, llama-cpp-python, vLLM)
    /// - `[{token, logprob, bytes}]`: llama.cpp's `completion_probabilities`, Ollama
    package static func tokens(in logprobs: JSONValue?) -> [RawToken]? {
        guard let logprobs, !logprobs.isNull else { return nil }
        if let entries = logprobs["content"]?.arrayValue ?? logprobs.arrayValue {
            return entries.map(token(from:))
        }
        guard let texts = logprobs["tokens"]?.arrayValue else { return nil }
        let values = logprobs["token_logprobs"]?.arrayValue ?? []
        let offsets = logprobs["text_offset"]?.arrayValue ?? []
        return texts.indices.map { position in
            RawToken(text: texts[position].stringValue ?? "",
                     logprob: values.indices.contains(position) ? values[position].doubleValue : nil,
                     reportedOffset: offsets.indices.contains(position) ? offsets[position].intValue : nil)
        }
    }

    package static func token(from entry: JSONValue) -> RawToken {
        let bytes = entry["bytes"]?.arrayValue.map { list in list.compactMap { $0.intValue.map { UInt8(truncatingIfNeeded: $0) } } }
        return RawToken(text: entry["token"]?.stringValue ?? "", bytes: bytes, logprob: entry["logprob"]?.doubleValue)
    }

    /// The choices of a non-streamed reply (or of one streamed chunk).
    package static func choices(in json: JSONValue, chat: Bool) -> [Choice]? {
        if let list = json["choices"]?.arrayValue {
            return list.enumerated().map { position, choice in
                let text = chat
                    ? (choice["message"]?["content"]?.stringValue ?? choice["delta"]?["content"]?.stringValue ?? "")
                    : (choice["text"]?.stringValue ?? "")
                return Choice(index: choice["index"]?.intValue ?? position, text: text,
                              tokens: tokens(in: choice["logprobs"]), finishReason: finish(choice["finish_reason"]))
            }
        }
        // llama.cpp native (/infill, /completion): one object per sample.
        if let content = json["content"]?.stringValue {
            let done = json["stop"]?.boolValue ?? false
            let reason: FinishReason? = done ? (json["stop_type"]?.stringValue == "limit" ? .length : .stop) : nil
            return [Choice(index: json["index"]?.intValue ?? 0, text: content,
                           tokens: tokens(in: json["completion_probabilities"]), finishReason: reason)]
        }
        return nil
    }

    package static func finish(_ value: JSONValue?) -> FinishReason? {
        guard let text = value?.stringValue else { return nil }
        return FinishReason(apiValue: text)
    }

    /// A sample whose tokens cover exactly its text.
    package static func sample(from choice: Choice, logprobsWanted: Bool) -> Sample {
        let tokens = logprobsWanted ? choice.tokens.map { LogprobAlignment.align($0, to: choice.text) } : nil
        return Sample(text: choice.text, tokens: tokens, finishReason: choice.finishReason ?? .unknown)
    }

    /// Prompt tokens as reported (`usage.prompt_tokens`, llama.cpp's `tokens_evaluated`).
    package static func promptTokens(in json: JSONValue) -> Int? {
        json["usage"]?["prompt_tokens"]?.intValue ?? json["tokens_evaluated"]?.intValue
    }

    package static func reportedCompletionTokens(in json: JSONValue) -> Int? {
        json["usage"]?["completion_tokens"]?.intValue ?? json["tokens_predicted"]?.intValue
    }

    /// An `{"error": …}` body sent with a success status (OpenRouter does this).
    package static func embeddedError(in json: JSONValue) -> (status: Int, body: [UInt8])? {
        guard let error = json["error"], !error.isNull, json["choices"] == nil else { return nil }
        let code = error["code"]?.intValue ?? 0
        return ((400...599).contains(code) ? code : 502, json.serializedBytes())
    }
}
