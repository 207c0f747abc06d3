import DocwrightCore
import JSON
import Providers
import Testing

/// How each provider continues a sample cut by `max_tokens` (one follow-up request), and how the
/// reply joins the cut text. Shapes only: nothing is sent.
@Suite struct ContinuationShapeTests {
    static let chat = PromptPlan(prompt: .chat([ChatMessage(role: .system, content: "You complete code."),
                                                ChatMessage(role: .user, content: "Write add.")]),
                                 stops: [], extractCode: true)
    static let partial = "```python\n    total = a +"

    static func provider(_ kind: ProviderKind) throws -> any Provider {
        try #require(ProviderRegistry.provider(for: kind))
    }

    static func messages(_ plan: PromptPlan) -> [ChatMessage] {
        if case .chat(let messages) = plan.prompt { return messages }
        return []
    }

    @Test func completionAndFillInTheMiddlePromptsGrowByTheCutText() throws {
        for kind in ProviderRegistry.all.map(\.kind) where kind != .anthropic {
            let provider = try Self.provider(kind)
            let completion = try #require(provider.continuation(of: PromptPlan(prompt: .completion("def add(a, b):\n"), stops: ["\ndef"],
                                                                               extractCode: false), partial: "    return a"))
            #expect(completion.plan.prompt == .completion("def add(a, b):\n    return a"), "\(kind)")
            #expect(completion.plan.stops == ["\ndef"] && completion.continues == "    return a")
            let fim = try #require(provider.continuation(of: PromptPlan(prompt: .fillInMiddle(prefix: "p", suffix: "s"), stops: [],
                                                                        extractCode: false), partial: "x"))
            #expect(fim.plan.prompt == .fillInMiddle(prefix: "px", suffix: "s"), "\(kind)")
        }
    }

    @Test func prefillProvidersContinueTheAssistantMessage() throws {
        for kind in [ProviderKind.llamacpp, .vllm, .ollama, .openrouter] {
            let continuation = try #require(try Self.provider(kind).continuation(of: Self.chat, partial: Self.partial))
            let messages = Self.messages(continuation.plan)
            #expect(messages.count == 3 && messages.last == ChatMessage(role: .assistant, content: Self.partial), "\(kind)")
            #expect(!continuation.dropsOpeningFence)
        }
        // vLLM needs to be told, in the body.
        let vllm = try Self.provider(.vllm)
        let plan = try #require(vllm.continuation(of: Self.chat, partial: Self.partial)).plan
        let endpoint = ModelEndpoint(name: "v", provider: .vllm, baseURL: "http://127.0.0.1:9/v1", model: "m", api: .chat)
        let body = try vllm.request(for: plan, params: SamplingParams(n: 1), count: 1, seed: nil, stream: false, endpoint: endpoint).body
        #expect(body["continue_final_message"] == true && body["add_generation_prompt"] == false)
        let first = try vllm.request(for: Self.chat, params: SamplingParams(n: 1), count: 1, seed: nil, stream: false, endpoint: endpoint).body
        #expect(first["continue_final_message"] == nil)
    }

    @Test func anthropicPrefillsWithoutTrailingWhitespace() throws {
        let anthropic = try Self.provider(.anthropic)
        let continuation = try #require(anthropic.continuation(of: Self.chat, partial: "```python\n    total = a + \n"))
        #expect(continuation.continues == "```python\n    total = a +")
        let endpoint = ModelEndpoint(name: "c", provider: .anthropic, baseURL: "https://api.anthropic.com", model: "claude", api: .chat)
        let body = try anthropic.request(for: continuation.plan, params: SamplingParams(n: 1), count: 1, seed: nil, stream: false,
                                         endpoint: endpoint).body
        let sent = body["messages"]?.arrayValue ?? []
        #expect(sent.last?["role"] == "assistant" && sent.last?["content"]?.stringValue == "```python\n    total = a +")
        #expect(anthropic.continuation(of: PromptPlan(prompt: .fillInMiddle(prefix: "p", suffix: "s"), stops: [], extractCode: false),
                                       partial: "x") == nil)
        #expect(anthropic.continuation(of: Self.chat, partial: " \n") == nil)
    }

    @Test func chatProvidersWithoutPrefillAskForTheRest() throws {
        for kind in [ProviderKind.openai, .lmstudio, .openaiCompatible] {
            let continuation = try #require(try Self.provider(kind).continuation(of: Self.chat, partial: Self.partial))
            let messages = Self.messages(continuation.plan)
            #expect(messages.count == 4, "\(kind)")
            #expect(messages[2] == ChatMessage(role: .assistant, content: Self.partial))
            #expect(messages[3].role == .user && messages[3].content == Continuation.chatInstruction)
            #expect(continuation.dropsOpeningFence)
        }
    }

    @Test func theJoinedSampleCarriesTheTokensOfBothAtTheirPlaceInTheJoinedText() {
        let cut = Sample(text: "ab", tokens: [TokenLogprob(token: "a", logprob: -1), TokenLogprob(token: "b", logprob: -2)],
                         finishReason: .length)
        let reply = Sample(text: "cd", tokens: [TokenLogprob(token: "c", logprob: -3, textOffset: 0),
                                                TokenLogprob(token: "d", logprob: -4, textOffset: 1)], finishReason: .stop)
        let joined = Continuation(plan: completionPlan(), continues: "ab").join(cut, reply)
        #expect(joined.text == "abcd" && joined.finishReason == .stop)
        #expect(joined.tokens?.map(\.textOffset) == [0, 1, 2, 3])
        #expect(joined.tokens?.map(\.logprob) == [-1, -2, -3, -4])
        // Only the part of the cut text that was continued (Anthropic drops trailing whitespace).
        let spaced = Sample(text: "ab ", tokens: [TokenLogprob(token: "ab", logprob: -1), TokenLogprob(token: " ", logprob: -9)],
                            finishReason: .length)
        let trimmed = Continuation(plan: completionPlan(), continues: "ab").join(spaced, reply)
        #expect(trimmed.text == "abcd" && trimmed.tokens?.map(\.logprob) == [-1, -3, -4])
        // Without log-probabilities on either side there are none.
        let bare = Continuation(plan: completionPlan(), continues: "ab")
            .join(Sample(text: "ab", tokens: nil, finishReason: .length), Sample(text: "c", tokens: nil, finishReason: .length))
        #expect(bare.tokens == nil && bare.finishReason == .length)
    }

    @Test func anAskedForContinuationLosesTheCodeFenceItOpens() {
        let reply = Sample(text: "```python\n 1\n```", tokens: [TokenLogprob(token: "```python\n", logprob: -5),
                                                                  TokenLogprob(token: " 1", logprob: -1),
                                                                  TokenLogprob(token: "\n```", logprob: -1)], finishReason: .stop)
        let cut = Sample(text: "```python\nx = (", tokens: nil, finishReason: .length)
        let joined = Continuation(plan: completionPlan(), continues: cut.text, dropsOpeningFence: true).join(cut, reply)
        #expect(joined.text == "```python\nx = ( 1\n```")
        #expect(joined.tokens?.map(\.token) == [" 1", "\n```"])
        #expect(joined.tokens?.first?.textOffset == cut.text.utf8.count)
    }
}
