import DocwrightCore
import Foundation
import Gateway
import LoopbackHTTP
import Prompting
import Providers
import Testing

/// How the project context (a FIM plan's `contextFiles` / `contextPreamble`) and the FIM templates
/// reach each provider's requests, captured on a loopback server.
@Suite struct ProjectContextRequestTests {
    private func serve(_ reply: String) throws -> (LoopbackServer, Recorder) {
        let recorder = Recorder()
        let server = try LoopbackServer { request in
            recorder.record(request)
            return .json(200, reply)
        }
        return (server, recorder)
    }

    static let infillReply = #"{"index":0,"content":"a + b","stop":true,"tokens_predicted":3,"tokens_evaluated":9}"#
    static let ollamaReply = #"{"model":"m","response":"a + b","done":true,"done_reason":"stop","prompt_eval_count":5,"eval_count":3}"#

    static let files = [PromptFile(filename: "billing/models.py", text: "class Invoice:\n    total: int\n"),
                        PromptFile(filename: "billing/lines.py", text: "class Line:\n    amount: int\n")]
    static let preamble = "# Context from billing/models.py:\n# class Invoice:\n#     total: int\n\n"
    static let fimPlan = PromptPlan(prompt: .fillInMiddle(prefix: "def add(a, b):\n    return ", suffix: "\n"), stops: ["\ndef"],
                                    extractCode: false, contextFiles: files, contextPreamble: preamble)

    @Test func llamaCppInfillSendsTheContextFilesAsInputExtraAndCachesThePrompt() async throws {
        let (server, recorder) = try serve(Self.infillReply)
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        _ = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1", provider: .llamacpp, api: .fim),
                                     plan: Self.fimPlan, params: SamplingParams(n: 1, maxTokens: 6))
        let request = try #require(recorder.requests.first)
        #expect(request.path == "/infill")
        let body = try #require(request.json)
        #expect(body["input_extra"] as? [[String: String]] == [
            ["filename": "billing/models.py", "text": "class Invoice:\n    total: int\n"],
            ["filename": "billing/lines.py", "text": "class Line:\n    amount: int\n"],
        ])
        // The prefix is the file's own: the server lays the files out in the model's format.
        #expect(body["input_prefix"] as? String == "def add(a, b):\n    return ")
        #expect(body["input_suffix"] as? String == "\n")
        #expect(body["cache_prompt"] as? Bool == true)
    }

    @Test func llamaCppInfillWithoutContextSendsNoInputExtra() async throws {
        let (server, recorder) = try serve(Self.infillReply)
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let plan = PromptPlan(prompt: .fillInMiddle(prefix: "p", suffix: "s"), stops: [], extractCode: false)
        _ = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1", provider: .llamacpp, api: .fim),
                                     plan: plan, params: SamplingParams(n: 1, maxTokens: 6))
        let body = try #require(recorder.requests.first?.json)
        #expect(body["input_extra"] == nil && body["cache_prompt"] as? Bool == true)
    }

    @Test func llamaCppCompletionsAndChatCacheThePromptOthersDoNot() async throws {
        let (server, recorder) = try serve(completionReply([(text: "x", tokens: ["x"])]))
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        _ = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1", provider: .llamacpp),
                                     plan: completionPlan(), params: SamplingParams(n: 1, maxTokens: 4))
        _ = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1", provider: .vllm),
                                     plan: completionPlan(), params: SamplingParams(n: 1, maxTokens: 4))
        #expect(recorder.requests.map(\.path) == ["/v1/completions", "/v1/completions"])
        #expect(recorder.requests.first?.json?["cache_prompt"] as? Bool == true)
        #expect(recorder.requests.last?.json?["cache_prompt"] == nil)
    }

    @Test func openAIStyleFIMSendsThePreambleBeforeThePrefix() async throws {
        let (server, recorder) = try serve(completionReply([(text: "x", tokens: ["x"])]))
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        _ = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1", provider: .vllm, api: .fim),
                                     plan: Self.fimPlan, params: SamplingParams(n: 1, maxTokens: 4))
        let request = try #require(recorder.requests.first)
        #expect(request.path == "/v1/completions")
        #expect(request.json?["prompt"] as? String == Self.preamble + "def add(a, b):\n    return ")
        #expect(request.json?["suffix"] as? String == "\n")
        #expect(request.json?["input_extra"] == nil)
    }

    @Test func ollamaFIMSendsThePreambleBeforeThePrefix() async throws {
        let (server, recorder) = try serve(Self.ollamaReply)
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        _ = try await gateway.sample(endpoint: testEndpoint(server.baseURL, provider: .ollama, model: "qwen2.5-coder:7b", api: .fim),
                                     plan: Self.fimPlan, params: SamplingParams(n: 1, maxTokens: 4))
        let request = try #require(recorder.requests.first)
        #expect(request.path == "/api/generate")
        #expect(request.json?["prompt"] as? String == Self.preamble + "def add(a, b):\n    return ")
        #expect(request.json?["suffix"] as? String == "\n" && request.json?["raw"] == nil)
    }

    @Test func aTemplatedModelSendsTheRenderedTemplateToCompletionsWithItsStops() async throws {
        let (server, recorder) = try serve(completionReply([(text: "x", tokens: ["x"])]))
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        var endpoint = testEndpoint(server.baseURL + "/v1", provider: .vllm, model: "Qwen/Qwen2.5-Coder-7B", api: .fim)
        endpoint.fimTemplate = FIMTemplate.detect(modelID: endpoint.model)
        var task = GenerationTask(
            language: "python", shape: .body, signature: "def total(i: Invoice) -> int:", docText: "Total.",
            rawDoc: "\"\"\"Total.\"\"\"", prefix: "def total(i: Invoice) -> int:\n    \"\"\"Total.\"\"\"\n", suffix: "\nx = 1\n",
            imports: [], insertion: SourceRange(at: SourcePosition(line: 2, utf8Column: 0)), indentation: "    ",
            path: "billing/report.py")
        task.context = [ContextSnippet(path: "billing/models.py", language: "python", text: "class Invoice:\n    total: int",
                                       symbols: ["Invoice"], reason: .referenced, detail: "", line: 0)]
        let plan = PromptBuilder().plan(for: task, api: endpoint.api, fimTemplate: endpoint.fimTemplate)
        _ = try await gateway.sample(endpoint: endpoint, plan: plan, params: SamplingParams(n: 1, maxTokens: 4))
        let request = try #require(recorder.requests.first)
        #expect(request.path == "/v1/completions")
        let body = try #require(request.json)
        #expect(body["prompt"] as? String == "<|repo_name|>myproject\n<|file_sep|>billing/models.py\nclass Invoice:\n    total: int\n"
            + "<|file_sep|>billing/report.py\n<|fim_prefix|>def total(i: Invoice) -> int:\n    \"\"\"Total.\"\"\"\n"
            + "<|fim_suffix|>\nx = 1\n<|fim_middle|>")
        #expect(body["suffix"] == nil)
        let stops = try #require(body["stop"] as? [String])
        #expect(stops.suffix(FIMTemplate.qwen.stops.count) == ArraySlice(FIMTemplate.qwen.stops))
        #expect(stops.first == "\ndef")
    }
}
