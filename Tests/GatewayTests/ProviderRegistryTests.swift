import DocwrightCore
import Foundation
import Gateway
import JSON
import Providers
import Testing

/// The registry is the one place that knows providers: every kind once, defaults and traits
/// read from it, and its hints reach the user's error messages.
@Suite struct ProviderRegistryTests {
    @Test func everyProviderIsListedOnceAndFoundByName() {
        let names = ProviderRegistry.names
        #expect(Set(names).count == names.count)
        #expect(names == ["openai", "openrouter", "llamacpp", "vllm", "lmstudio", "ollama", "anthropic", "openai-compatible"])
        for name in names {
            let kind = ProviderRegistry.kind(named: name)
            #expect(kind?.rawValue == name)
            #expect(kind.flatMap(ProviderRegistry.provider(for:))?.kind == kind)
        }
        #expect(ProviderRegistry.kind(named: "bogus") == nil)
    }

    @Test func defaultsAndCapabilitiesComeFromTheProvider() throws {
        func provider(_ kind: ProviderKind) throws -> any Provider { try #require(ProviderRegistry.provider(for: kind)) }
        #expect(try provider(.openai).defaultKeyVariable == "OPENAI_API_KEY")
        #expect(try provider(.openrouter).defaultKeyVariable == "OPENROUTER_API_KEY")
        #expect(try provider(.anthropic).defaultKeyVariable == "ANTHROPIC_API_KEY")
        #expect(try provider(.llamacpp).defaultKeyVariable == nil)
        #expect(try provider(.openai).defaultAPI == .chat)
        #expect(try provider(.llamacpp).defaultAPI == .completions)
        #expect(try provider(.anthropic).capabilities.logprobs == false)
        #expect(try provider(.ollama).capabilities.mayHonourN == false)
        #expect(try provider(.anthropic).keyHeader.field(for: "k") == HTTPHeaderField(name: "x-api-key", value: "k"))
        #expect(try provider(.openai).keyHeader.field(for: "k") == HTTPHeaderField(name: "Authorization", value: "Bearer k"))
    }

    @Test func requestsAreShapedWithoutSendingAnything() throws {
        let endpoint = ModelEndpoint(name: "m", provider: .llamacpp, baseURL: "http://127.0.0.1:8012/v1/", model: "gemma")
        let llama = try #require(ProviderRegistry.provider(for: .llamacpp))
        let fim = try llama.request(for: PromptPlan(prompt: .fillInMiddle(prefix: "a", suffix: "b"), stops: [], extractCode: false),
                                    params: SamplingParams(n: 1), count: 1, seed: nil, stream: false, endpoint: endpoint)
        #expect(fim.url == "http://127.0.0.1:8012/infill")
        #expect(fim.body["input_prefix"]?.stringValue == "a")
        let anthropic = try #require(ProviderRegistry.provider(for: .anthropic))
        #expect(throws: ProviderFailure.self) {
            _ = try anthropic.request(for: PromptPlan(prompt: .fillInMiddle(prefix: "a", suffix: "b"), stops: [], extractCode: false),
                                      params: SamplingParams(n: 1), count: 1, seed: nil, stream: false, endpoint: endpoint)
        }
    }

    @Test func anUnreachableLocalLlamaCppSaysHowToStartIt() async throws {
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        defer { gateway.http.shutdown() }
        let base = "http://127.0.0.1:\(try unusedPort())/v1"
        for (provider, hinted) in [(ProviderKind.llamacpp, true), (.openaiCompatible, false)] {
            do {
                _ = try await gateway.sample(endpoint: testEndpoint(base, provider: provider), plan: completionPlan(),
                                             params: SamplingParams(n: 1, maxTokens: 4))
                Issue.record("expected a failure")
            } catch let error as GatewayError {
                #expect(error.isUnreachable)
                #expect(error.userMessage.contains("scripts/local-model start") == hinted)
            }
        }
    }
}
