import DocwrightCore
import Providers
import Foundation
import LoopbackHTTP
import Gateway
import Testing

/// What each provider sends and how its replies are read, checked on a scripted loopback server.
@Suite struct ProviderShapeTests {
    private func serve(_ reply: @escaping @Sendable (LoopbackServer.Request, Int) -> LoopbackServer.Reply) throws
        -> (LoopbackServer, Recorder)
    {
        let recorder = Recorder()
        let server = try LoopbackServer { request in reply(request, recorder.record(request)) }
        return (server, recorder)
    }

    @Test func completionsRequestCarriesEveryParameter() async throws {
        let (server, recorder) = try serve { _, _ in
            .json(200, completionReply([(text: "x", tokens: ["x"]), (text: "y", tokens: ["y"])]))
        }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let params = SamplingParams(n: 2, temperature: 0.4, topP: 0.9, maxTokens: 12, stop: ["\n\n", "\nclass"], seed: 7)
        let batch = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1/"),
                                             plan: completionPlan("p", stops: ["\ndef", "\n\n"]), params: params)
        #expect(batch.strategy == .n && batch.samples.map(\.text) == ["x", "y"])
        let request = try #require(recorder.requests.first)
        #expect(request.path == "/v1/completions")
        let body = try #require(request.json)
        #expect(body["prompt"] as? String == "p" && body["model"] as? String == "test-model")
        #expect(body["n"] as? Int == 2 && body["max_tokens"] as? Int == 12 && body["seed"] as? Int == 7)
        #expect(body["temperature"] as? Double == 0.4 && body["top_p"] as? Double == 0.9)
        #expect(body["logprobs"] as? Int == 1)
        #expect(body["stop"] as? [String] == ["\ndef", "\n\n", "\nclass"])
    }

    @Test func legacyShapeIsCutAtTheTextEnd() async throws {
        // llama-cpp-python style: token arrays run past the stop string, text_offset from the prompt start.
        let reply = #"""
        {"choices":[{"index":0,"text":"    return a + b","finish_reason":"stop","logprobs":{
          "tokens":["    ","return"," a"," +"," b","\n\n","def"," sub"],
          "token_logprobs":[-0.5,-0.25,-9999,null,-1.0,-0.1,-0.2,-0.3],
          "text_offset":[16,20,26,28,30,32,34,37]}}],
         "usage":{"prompt_tokens":6,"completion_tokens":8}}
        """#
        let (server, _) = try serve { _, _ in .json(200, reply) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let batch = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1"), plan: completionPlan(),
                                             params: SamplingParams(n: 1, maxTokens: 8))
        let tokens = try #require(batch.samples.first?.tokens)
        #expect(tokens.map(\.token) == ["    ", "return", " a", " +", " b"])
        #expect(tokens.map(\.logprob) == [-0.5, -0.25, nil, nil, -1.0])
        #expect(tokens.map(\.textOffset) == [0, 4, 10, 12, 14])
        #expect(batch.usage == Usage(promptTokens: 6, completionTokens: 8))
    }

    @Test func ignoredNFallsBackToParallelAndIsRemembered() async throws {
        // A server that ignores n (one choice back) and echoes the seed it got.
        let (server, recorder) = try serve { request, _ in
            let seed = request.json?["seed"] as? Int ?? -1
            return .json(200, completionReply([(text: "s\(seed)", tokens: ["s", "\(seed)"])]))
        }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let endpoint = testEndpoint(server.baseURL + "/v1", maxConcurrency: 2)
        let params = SamplingParams(n: 3, maxTokens: 4, seed: 10)
        let first = try await gateway.sample(endpoint: endpoint, plan: completionPlan(), params: params)
        #expect(first.strategy == .parallel)
        #expect(first.samples.map(\.text) == ["s10", "s11", "s12"])
        #expect(recorder.count == 3)
        #expect(recorder.requests.first?.json?["n"] as? Int == 3)
        let second = try await gateway.sample(endpoint: endpoint, plan: completionPlan(), params: params)
        #expect(second.samples.map(\.text) == ["s10", "s11", "s12"])
        #expect(recorder.requests.dropFirst(3).allSatisfy { $0.json?["n"] == nil })
        #expect(second.usage.completionTokens == 6)  // counted from tokens: 2 per sample
    }

    @Test func ignoredNWithRepliesOutOfOrderKeepsEverySampleInRequestOrder() async throws {
        // n=5 to a server that ignores n: the four missing samples are drawn at once (concurrency 4)
        // and later seeds answer sooner, so requests complete in reverse order. Each sample must be
        // placed by its request, not by arrival. (The release-only crash in this path was a
        // miscompile at -O; Tests/EndToEndTests/ParallelSamplingTests checks the built binaries.)
        let (server, recorder) = try serve { request, _ in
            let seed = request.json?["seed"] as? Int ?? -1
            Thread.sleep(forTimeInterval: 0.03 * Double(max(0, 14 - seed)))
            return .json(200, completionReply([(text: "s\(seed)", tokens: ["s", "\(seed)"])]))
        }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let batch = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1"), plan: completionPlan(),
                                             params: SamplingParams(n: 5, maxTokens: 4, seed: 10))
        #expect(batch.strategy == .parallel)
        #expect(batch.samples.map(\.text) == ["s10", "s11", "s12", "s13", "s14"])
        #expect(batch.usage.completionTokens == 10)
        #expect(recorder.requests.map { $0.json?["n"] as? Int } == [5, nil, nil, nil, nil])
    }

    @Test func nAboveTheServerSlotsIsSplitIntoAllowedChunks() async throws {
        let (server, recorder) = try serve { request, _ in
            let n = request.json?["n"] as? Int ?? 1
            if n > 2 {
                return .json(400, #"{"error":{"code":400,"message":"Field 'n': Value must be between 1 <= value <= 2, but got \#(n)"}}"#)
            }
            return .json(200, completionReply(Array(repeating: (text: "ok", tokens: ["ok"]), count: n)))
        }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let endpoint = testEndpoint(server.baseURL + "/v1")
        let first = try await gateway.sample(endpoint: endpoint, plan: completionPlan(), params: SamplingParams(n: 5, maxTokens: 4, seed: 100))
        #expect(first.samples.count == 5 && first.strategy == .parallel)
        #expect(recorder.requests.map { $0.json?["n"] as? Int ?? 1 }.sorted() == [1, 2, 2, 5])
        // Chunks of 2, 2, 1 start at seeds 100, 102, 104: no seed (and so no sample) repeats.
        let chunkSeeds = recorder.requests.dropFirst().compactMap { $0.json?["seed"] as? Int }.sorted()
        #expect(chunkSeeds == [100, 102, 104])
        _ = try await gateway.sample(endpoint: endpoint, plan: completionPlan(), params: SamplingParams(n: 5, maxTokens: 4))
        #expect(recorder.requests.dropFirst(4).map { $0.json?["n"] as? Int ?? 1 }.sorted() == [1, 2, 2])
        let capabilities = await gateway.probe(endpoint: endpoint)
        #expect(capabilities.reachable && capabilities.maxN == 2 && capabilities.honoursN == true)
    }

    @Test func chatRequestAndReply() async throws {
        let reply = #"""
        {"choices":[{"index":0,"finish_reason":"length","message":{"role":"assistant","content":"Hi!"},
          "logprobs":{"content":[{"token":"Hi","logprob":-0.1,"bytes":[72,105]},{"token":"!","logprob":-0.2,"bytes":[33]}]}}],
         "usage":{"prompt_tokens":3,"completion_tokens":2}}
        """#
        let (server, recorder) = try serve { _, _ in .json(200, reply) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: ["OPENAI_API_KEY": "sk-x1"], options: fastOptions)
        let plan = PromptPlan(prompt: .chat([ChatMessage(role: .system, content: "Be brief."), ChatMessage(role: .user, content: "Hello")]),
                              stops: [], extractCode: true)
        let batch = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1", provider: .openai, api: .chat),
                                             plan: plan, params: SamplingParams(n: 1, maxTokens: 5))
        #expect(batch.samples.first == Sample(text: "Hi!", tokens: [
            TokenLogprob(token: "Hi", logprob: -0.1, textOffset: 0), TokenLogprob(token: "!", logprob: -0.2, textOffset: 2),
        ], finishReason: .length))
        let request = try #require(recorder.requests.first)
        #expect(request.path == "/v1/chat/completions" && request.headers["authorization"] == "Bearer sk-x1")
        let body = try #require(request.json)
        #expect(body["logprobs"] as? Bool == true && body["top_logprobs"] as? Int == 1)
        #expect(body["max_completion_tokens"] as? Int == 5)
        #expect((body["messages"] as? [[String: String]])?.map { $0["role"] ?? "" } == ["system", "user"])
    }

    @Test func openRouterSendsAttributionAndRequireParameters() async throws {
        let (server, recorder) = try serve { _, _ in .json(200, completionReply([(text: "x", tokens: ["x"])])) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: ["OPENROUTER_API_KEY": "or-key"], options: fastOptions)
        var endpoint = testEndpoint(server.baseURL + "/api/v1", provider: .openrouter)
        endpoint.headers = ["X-Title": "my editor"]
        _ = try await gateway.sample(endpoint: endpoint, plan: completionPlan(), params: SamplingParams(n: 1, maxTokens: 4))
        let request = try #require(recorder.requests.first)
        #expect(request.path == "/api/v1/completions")
        #expect(request.headers["http-referer"] != nil && request.headers["x-title"] == "my editor")
        #expect(request.headers["authorization"] == "Bearer or-key")
        #expect((request.json?["provider"] as? [String: Bool])?["require_parameters"] == true)
    }

    @Test func llamaCppFillInTheMiddleUsesInfill() async throws {
        let reply = #"""
        {"index":0,"content":"a + b","stop":true,"stop_type":"eos","tokens_predicted":3,"tokens_evaluated":9,
         "completion_probabilities":[{"token":"a","logprob":-0.1,"bytes":[97]},{"token":" +","logprob":-0.2,"bytes":[32,43]},
           {"token":" b","logprob":-0.3,"bytes":[32,98]}]}
        """#
        let (server, recorder) = try serve { _, _ in .json(200, reply) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let plan = PromptPlan(prompt: .fillInMiddle(prefix: "def add(a, b):\n    return ", suffix: "\n"), stops: [], extractCode: false)
        let batch = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1", provider: .llamacpp, api: .fim),
                                             plan: plan, params: SamplingParams(n: 2, maxTokens: 6))
        #expect(batch.samples.map(\.text) == ["a + b", "a + b"] && batch.strategy == .parallel)
        #expect(batch.samples.first?.tokens?.map(\.textOffset) == [0, 1, 3])
        #expect(batch.usage == Usage(promptTokens: 18, completionTokens: 6))
        let request = try #require(recorder.requests.first)
        #expect(request.path == "/infill")
        #expect(request.json?["input_prefix"] as? String == "def add(a, b):\n    return ")
        #expect(request.json?["n_predict"] as? Int == 6 && request.json?["n_probs"] as? Int == 1)
    }

    @Test func openAIStyleFillInTheMiddleSendsSuffix() async throws {
        let (server, recorder) = try serve { _, _ in .json(200, completionReply([(text: "x", tokens: ["x"])])) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let plan = PromptPlan(prompt: .fillInMiddle(prefix: "pre", suffix: "post"), stops: [], extractCode: false)
        _ = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1", provider: .vllm, api: .fim),
                                     plan: plan, params: SamplingParams(n: 1, maxTokens: 4))
        let body = try #require(recorder.requests.first?.json)
        #expect(recorder.requests.first?.path == "/v1/completions")
        #expect(body["prompt"] as? String == "pre" && body["suffix"] as? String == "post")
    }

    @Test func ollamaNativeGenerateWithAndWithoutV1() async throws {
        let reply = #"""
        {"model":"qwen","response":"a + b","done":true,"done_reason":"stop","prompt_eval_count":5,"eval_count":3,
         "logprobs":[{"token":"a","logprob":-0.5,"bytes":[97]},{"token":" +","logprob":-0.5},{"token":" b","logprob":-0.5}]}
        """#
        let (server, recorder) = try serve { _, _ in .json(200, reply) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        for base in [server.baseURL, server.baseURL + "/v1"] {
            let batch = try await gateway.sample(endpoint: testEndpoint(base, provider: .ollama, model: "qwen"),
                                                 plan: completionPlan(), params: SamplingParams(n: 2, maxTokens: 9, seed: 3))
            #expect(batch.samples.count == 2 && batch.strategy == .parallel)
            #expect(batch.samples.first?.tokens?.map(\.textOffset) == [0, 1, 3])
            #expect(batch.usage == Usage(promptTokens: 10, completionTokens: 6))
        }
        #expect(recorder.requests.allSatisfy { $0.path == "/api/generate" })
        let body = try #require(recorder.requests.first?.json)
        #expect(body["raw"] as? Bool == true && body["stream"] as? Bool == false && body["logprobs"] as? Bool == true)
        let options = try #require(body["options"] as? [String: Any])
        #expect(options["num_predict"] as? Int == 9)
        #expect(Set(recorder.requests.compactMap { ($0.json?["options"] as? [String: Any])?["seed"] as? Int }) == [3, 4])
    }

    @Test func anthropicMessagesHeadersAndParallelSamples() async throws {
        let reply = #"""
        {"id":"msg_1","type":"message","content":[{"type":"text","text":"return a + b"}],"stop_reason":"end_turn",
         "usage":{"input_tokens":11,"output_tokens":4}}
        """#
        let (server, recorder) = try serve { _, _ in .json(200, reply) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: ["ANTHROPIC_API_KEY": "ant-secret"], options: fastOptions)
        let plan = PromptPlan(prompt: .chat([ChatMessage(role: .system, content: "Write code."), ChatMessage(role: .user, content: "add")]),
                              stops: ["\n\n", "```"], extractCode: true)
        let batch = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1", provider: .anthropic, model: "claude", api: .chat),
                                             plan: plan, params: SamplingParams(n: 3, temperature: 1.4, maxTokens: 30))
        #expect(batch.samples.count == 3 && batch.samples.allSatisfy { $0.tokens == nil && $0.finishReason == .stop })
        #expect(batch.usage == Usage(promptTokens: 33, completionTokens: 12))
        let request = try #require(recorder.requests.first)
        #expect(request.path == "/v1/messages" && request.headers["x-api-key"] == "ant-secret")
        #expect(request.headers["anthropic-version"] == "2023-06-01" && request.headers["authorization"] == nil)
        let body = try #require(request.json)
        #expect(body["system"] as? String == "Write code." && (body["messages"] as? [Any])?.count == 1)
        #expect(body["stop_sequences"] as? [String] == ["```"] && body["temperature"] as? Double == 1.0)
    }

    @Test func streamingInterleavesSamplesByIndex() async throws {
        func chunk(_ index: Int, _ text: String, _ finish: String? = nil) -> [UInt8] {
            let reason = finish.map { "\"\($0)\"" } ?? "null"
            let token = #"{"token":\#(jsonString(text)),"logprob":-0.5}"#
            return Array(#"data: {"choices":[{"index":\#(index),"text":\#(jsonString(text)),"logprobs":{"content":[\#(token)]},"finish_reason":\#(reason)}]}"#.utf8)
                + [10, 10]
        }
        let chunks = [chunk(1, "b1"), chunk(0, "a1"), chunk(0, "a2", "stop"), chunk(1, "b2", "length"),
                      Array("data: [DONE]\n\n".utf8)]
        let (server, recorder) = try serve { _, _ in .chunked(status: 200, chunks: chunks, interval: 0.005, complete: true) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        var texts = ["", ""]
        var offsets: [[Int]] = [[], []]
        var finishes: [Int: FinishReason] = [:]
        for try await event in gateway.stream(endpoint: testEndpoint(server.baseURL + "/v1"), plan: completionPlan(),
                                              params: SamplingParams(n: 2, maxTokens: 4)) {
            switch event {
            case .text(let index, let text, let tokens):
                texts[index] += text
                offsets[index] += (tokens ?? []).compactMap(\.textOffset)
            case .finished(let index, let reason): finishes[index] = reason
            case .usage(let usage): #expect(usage.completionTokens == 4)
            }
        }
        #expect(texts == ["a1a2", "b1b2"] && offsets == [[0, 2], [0, 2]])
        #expect(finishes == [0: .stop, 1: .length])
        #expect(recorder.requests.first?.json?["stream"] as? Bool == true)
    }

    @Test func anthropicAndOllamaStreams() async throws {
        let anthropic = [
            #"event: message_start"# + "\n" + #"data: {"type":"message_start","message":{"usage":{"input_tokens":9}}}"# + "\n\n",
            #"event: content_block_delta"# + "\n" + #"data: {"type":"content_block_delta","delta":{"type":"text_delta","text":"ret"}}"# + "\n\n",
            #"data: {"type":"content_block_delta","delta":{"type":"text_delta","text":"urn"}}"# + "\n\n",
            #"data: {"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"output_tokens":2}}"# + "\n\n",
            #"data: {"type":"message_stop"}"# + "\n\n",
        ]
        let ollama = [
            #"{"response":"ret","done":false,"logprobs":[{"token":"ret","logprob":-1}]}"# + "\n",
            #"{"response":"urn","done":false,"logprobs":[{"token":"urn","logprob":-1}]}"# + "\n"
                + #"{"response":"","done":true,"done_reason":"length","prompt_eval_count":4,"eval_count":2}"# + "\n",
        ]
        let (server, _) = try serve { request, _ in
            let lines = request.path.contains("messages") ? anthropic : ollama
            return .chunked(status: 200, chunks: lines.map { Array($0.utf8) }, interval: 0.005, complete: true)
        }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: ["ANTHROPIC_API_KEY": "k"], options: fastOptions)
        for provider in [ProviderKind.anthropic, .ollama] {
            var text = ""
            var finish: FinishReason?
            var usage: Usage?
            for try await event in gateway.stream(endpoint: testEndpoint(server.baseURL + "/v1", provider: provider),
                                                  plan: completionPlan(), params: SamplingParams(n: 1, maxTokens: 2)) {
                switch event {
                case .text(_, let piece, _): text += piece
                case .finished(_, let reason): finish = reason
                case .usage(let counted): usage = counted
                }
            }
            #expect(text == "return" && finish == .length, "\(provider)")
            #expect(usage?.completionTokens == 2 && (usage?.promptTokens ?? 0) > 0, "\(provider)")
        }
    }

    @Test func probeReportsUnreachableAndUsageIsTallied() async throws {
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let down = await gateway.probe(endpoint: testEndpoint("http://127.0.0.1:\(try unusedPort())/v1"))
        #expect(!down.reachable && down.error?.contains("refused") == true)
        let (server, _) = try serve { _, _ in .json(200, completionReply([(text: "x", tokens: ["x", "y"])])) }
        defer { server.stop() }
        let up = await gateway.probe(endpoint: testEndpoint(server.baseURL + "/v1"))
        #expect(up.reachable && up.honoursN == false && up.returnsLogprobs == true && up.error == nil)
        #expect(gateway.usageByModel()["scripted"]?.usage.completionTokens == 4)
    }

    @Test func renderingShowsMeanLogprobAndTokens() throws {
        let batch = SampleBatch(samples: [
            Sample(text: "a + b", tokens: [TokenLogprob(token: "a", logprob: -1, textOffset: 0),
                                            TokenLogprob(token: " + b", logprob: -0.5, textOffset: 1)], finishReason: .stop),
            Sample(text: "nope", tokens: nil, finishReason: .length),
        ], model: "local", usage: Usage(promptTokens: 3, completionTokens: 6), latency: 0.25, strategy: .n)
        let text = renderSamples(batch, json: false)
        #expect(text.contains("sample 1/2 · mean logprob -0.75 · 2 tokens · stop\na + b\n"))
        #expect(text.contains("sample 2/2 · no logprobs · length\nnope"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(renderSamples(batch, json: true).utf8)) as? [String: Any])
        let samples = try #require(json["samples"] as? [[String: Any]])
        #expect(samples.first?["mean_logprob"] as? Double == -0.75)
        #expect((samples.first?["tokens"] as? [[String: Any]])?.last?["offset"] as? Int == 1)
        #expect(json["completion_tokens"] as? Int == 6)
    }
}
