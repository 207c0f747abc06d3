import DocwrightCore
import Providers
import Testing
@testable import Config

@Suite struct PresetTests {
    @Test func everyPresetIsAUsableModel() throws {
        let config = EffectiveConfig.defaults(environment: [:])
        #expect(Set(config.models.keys) == Set(ModelPresets.names))
        for name in ModelPresets.names {
            let endpoint = try #require(config.endpoint(named: name))
            #expect(endpoint.name == name)
            #expect(endpoint.baseURL.hasPrefix("http"))
            #expect(!endpoint.model.isEmpty)
            let remote = endpoint.provider != .llamacpp && endpoint.provider != .ollama
            #expect(remote == (endpoint.apiKeyEnv != nil), "\(name)")
            #expect(remote == (endpoint.pricePerMillionOutput > 0), "\(name)")
        }
        let mixtral = try #require(config.endpoint(named: "openrouter/mixtral-8x7b"))
        #expect(mixtral.model == "mistralai/mixtral-8x7b-instruct")
        #expect(mixtral.baseURL == "https://openrouter.ai/api/v1")
        #expect(mixtral.apiKeyEnv == "OPENROUTER_API_KEY")
        #expect(config.endpoint(named: "anthropic/claude-3-5-sonnet")?.model == "claude-3-5-sonnet-latest")
        #expect(config.endpoint(named: "openai/gpt-4o-mini")?.apiKeyEnv == "OPENAI_API_KEY")
        let local = try #require(config.endpoint(named: "local"))
        #expect(local == ModelEndpoint(name: "local", provider: .llamacpp, baseURL: "http://127.0.0.1:8012/v1",
                                       model: "gemma-3-270m", api: .completions))
        #expect(config.endpoint(named: "ollama")?.baseURL == "http://127.0.0.1:11434")
    }

    @Test func localURLComesFromTheEnvironment() throws {
        let sandbox = try Sandbox()
        let store = sandbox.store(extraEnvironment: ["DOCWRIGHT_LOCAL_MODEL_URL": "http://127.0.0.1:9999/v1"])
        store.reload()
        #expect(try store.current.route(for: makeTask(language: "python")).endpoint.baseURL == "http://127.0.0.1:9999/v1")
        #expect(store.provenance().first { $0.key == "models.local.base_url" }?.source == "environment DOCWRIGHT_LOCAL_MODEL_URL")
    }

    @Test func providerToolsEnvironmentVariablesMovePresets() throws {
        let sandbox = try Sandbox()
        try sandbox.write("default_model = \"ollama\"\n", to: sandbox.userFile)  // listed in provenance when used
        let store = sandbox.store(extraEnvironment: ["OPENAI_BASE_URL": "http://127.0.0.1:4000/v1", "OLLAMA_HOST": "0.0.0.0"])
        store.reload()
        #expect(store.current.endpoint(named: "openai/gpt-4o-mini")?.baseURL == "http://127.0.0.1:4000/v1")
        #expect(store.current.endpoint(named: "anthropic/claude-3-5-haiku")?.baseURL == "https://api.anthropic.com/v1")
        #expect(store.current.endpoint(named: "ollama")?.baseURL == "http://0.0.0.0:11434")
        #expect(store.provenance().first { $0.key == "models.ollama.base_url" }?.source == "environment OLLAMA_HOST")
        for (host, url) in [("http://box:8080", "http://box:8080"), ("127.0.0.1:1234", "http://127.0.0.1:1234"),
                            ("https://ollama.example/", "https://ollama.example:11434"), ("[::1]", "http://[::1]:11434")] {
            #expect(ModelPresets.ollamaURL(fromHost: host) == url, "\(host)")
        }
    }

    @Test func entriesOverridePresetsByNameOrPresetKey() throws {
        let toml = """
        timeout = 30
        [models.local]
        base_url = "http://127.0.0.1:8080/v1"
        [models.cheap]
        preset = "openrouter/llama-3.2-3b"
        price_output = 0.05
        headers = { HTTP-Referer = "https://example.org" }
        [models.vllm]
        provider = "vllm"
        base_url = "http://gpu:8000/v1"
        model = "Qwen/Qwen2.5-Coder-7B"
        """
        let (config, diagnostics) = loadConfig(fromTOML: toml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let local = try #require(config.endpoint(named: "local"))
        #expect(local.baseURL == "http://127.0.0.1:8080/v1" && local.model == "gemma-3-270m" && local.timeout == 30)
        let cheap = try #require(config.endpoint(named: "cheap"))
        #expect(cheap.model == "meta-llama/llama-3.2-3b-instruct")
        #expect(cheap.pricePerMillionOutput == 0.05 && cheap.pricePerMillionInput == 0.015)
        #expect(cheap.headers == ["X-Title": "docwright", "HTTP-Referer": "https://example.org"])
        let vllm = try #require(config.endpoint(named: "vllm"))
        #expect(vllm.api == .completions && vllm.apiKeyEnv == nil && vllm.provider == .vllm)
    }
}
