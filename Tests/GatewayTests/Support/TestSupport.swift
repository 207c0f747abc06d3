import DocwrightCore
import Providers
import Foundation
import LoopbackHTTP
import Gateway
import Logging
import Synchronization

/// A thread-safe counter / recorder for scripted server handlers.
final class Recorder: Sendable {
    private let state = Mutex<[LoopbackServer.Request]>([])

    /// Records a request and returns how many came before it.
    @discardableResult
    func record(_ request: LoopbackServer.Request) -> Int {
        state.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
    }

    var requests: [LoopbackServer.Request] { state.withLock { $0 } }
    var count: Int { state.withLock { $0.count } }
}

/// Retries fast enough for tests, with the same shape as the real policy.
let fastOptions = GatewayOptions(retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxRetryAfter: 2))

func testEndpoint(_ baseURL: String, provider: ProviderKind = .openaiCompatible, model: String = "test-model",
                  api: APIStyle = .completions, apiKeyEnv: String? = nil, timeout: Double = 10,
                  maxConcurrency: Int = 4) -> ModelEndpoint {
    ModelEndpoint(name: "scripted", provider: provider, baseURL: baseURL, model: model, api: api, apiKeyEnv: apiKeyEnv,
                  timeout: timeout, connectTimeout: 2, maxConcurrency: maxConcurrency)
}

func completionPlan(_ text: String = "def add(a, b):\n", stops: [String] = []) -> PromptPlan {
    PromptPlan(prompt: .completion(text), stops: stops, extractCode: false)
}

/// A llama.cpp-style completions reply: `texts[i]` with one token per character group given.
func completionReply(_ choices: [(text: String, tokens: [String])], finish: String = "stop") -> String {
    let rendered = choices.enumerated().map { index, choice -> String in
        let content = choice.tokens.map { token -> String in
            let bytes = Array(token.utf8).map(String.init).joined(separator: ",")
            return #"{"token":\#(jsonString(token)),"bytes":[\#(bytes)],"logprob":-0.5,"top_logprobs":[]}"#
        }.joined(separator: ",")
        return #"{"index":\#(index),"text":\#(jsonString(choice.text)),"finish_reason":"\#(finish)","logprobs":{"content":[\#(content)]}}"#
    }.joined(separator: ",")
    return #"{"choices":[\#(rendered)],"usage":{"prompt_tokens":7,"completion_tokens":3}}"#
}

func jsonString(_ text: String) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: [text]), let array = String(data: data, encoding: .utf8) else {
        return "\"\""
    }
    return String(array.dropFirst().dropLast())
}

/// Collects log messages and metadata (to check that secrets never reach a log).
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }

    func logger() -> Logger {
        var logger = Logger(label: "test") { _ in CapturingHandler(sink: self) }
        logger.logLevel = .trace
        return logger
    }
}

struct CapturingHandler: LogHandler {
    let sink: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        sink.append("\(event.level) \(event.message) \(event.metadata ?? [:])")
    }
}
