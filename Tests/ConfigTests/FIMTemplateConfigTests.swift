import DocwrightCore
import Foundation
import Testing
@testable import Config

/// `[models.NAME] fim_template`: parsed, validated with file and line, detected from the model id
/// when unset (only for providers without native FIM), and never set by an untrusted project file.
@Suite struct FIMTemplateConfigTests {
    @Test func explicitValuesAreParsedAndNoneTurnsDetectionOff() throws {
        let (config, diagnostics) = loadConfig(fromTOML: """
        [models.qwen]
        provider = "vllm"
        base_url = "http://gpu:8000/v1"
        model = "some-finetune"
        api = "fim"
        fim_template = "qwen"

        [models.off]
        provider = "vllm"
        base_url = "http://gpu:8000/v1"
        model = "Qwen/Qwen2.5-Coder-7B"
        fim_template = "none"

        [models.infill]
        provider = "llamacpp"
        base_url = "http://127.0.0.1:8080/v1"
        model = "codellama-7b"
        api = "fim"
        fim_template = "codellama"
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.endpoint(named: "qwen")?.fimTemplate == .qwen)
        #expect(config.endpoint(named: "off")?.fimTemplate == nil)
        // Explicit wins even over a provider with native FIM.
        #expect(config.endpoint(named: "infill")?.fimTemplate == .codellama)
        let rows = Dictionary(config.provenanceEntries.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(rows["models.qwen.fim_template"] == "\"qwen\"" && rows["models.off.fim_template"] == "\"none\"")
    }

    @Test func unsetIsDetectedFromTheModelIDOnlyWithoutNativeFIM() throws {
        let (config, diagnostics) = loadConfig(fromTOML: """
        [models.vllm]
        provider = "vllm"
        base_url = "http://gpu:8000/v1"
        model = "deepseek-ai/deepseek-coder-6.7b-base"
        api = "fim"

        [models.llama]
        provider = "llamacpp"
        base_url = "http://127.0.0.1:8080/v1"
        model = "qwen2.5-coder-1.5b"
        api = "fim"

        [models.ollama]
        provider = "ollama"
        base_url = "http://127.0.0.1:11434"
        model = "qwen2.5-coder:7b"
        api = "fim"

        [models.plain]
        provider = "openai-compatible"
        base_url = "http://box:1234/v1"
        model = "gpt-4o"
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.endpoint(named: "vllm")?.fimTemplate == .deepseek)
        // llama.cpp /infill and Ollama's suffix apply the model's own template.
        #expect(config.endpoint(named: "llama")?.fimTemplate == nil)
        #expect(config.endpoint(named: "ollama")?.fimTemplate == nil)
        #expect(config.endpoint(named: "plain")?.fimTemplate == nil)
        #expect(config.endpoint(named: "local")?.fimTemplate == nil)
        let rows = Dictionary(config.provenanceEntries.map { ($0.key, $0.source) }, uniquingKeysWith: { a, _ in a })
        #expect(rows["models.vllm.fim_template"] == "detected from the model id")
    }

    @Test func anUnknownValueIsAnErrorWithFileAndLine() throws {
        let layer = ConfigParsing.layer(fromTOML: """
        [models.x]
        preset = "local"
        fim_template = "qwen2"
        """, origin: LayerOrigin(kind: .user, display: "~/.config/docwright/config.toml"))
        let error = try #require(layer.diagnostics.first { $0.key == "models.x.fim_template" })
        #expect(error.severity == .error && error.line == 3)
        #expect(error.description.hasPrefix("~/.config/docwright/config.toml:3: models.x.fim_template must be one of "))
        for allowed in ["qwen", "deepseek", "starcoder", "codellama", "codestral", "none"] {
            #expect(error.message.contains("\"\(allowed)\""))
        }
        #expect(error.message.contains("got \"qwen2\""))
        // The bad value drops only itself: the model is there, with detection (none for gemma).
        let result = EffectiveConfigBuilder.build(MergedConfig(layers: [layer]), environment: [:], workspaceRoot: "/ws")
        #expect(result.config.endpoint(named: "x")?.fimTemplate == nil)
    }

    @Test func anUntrustedProjectFileCannotSetIt() throws {
        #expect(!TrustPolicy.modelKeys.contains("fim_template"))
        let sandbox = try Sandbox()
        try sandbox.write("""
        [models.coder]
        provider = "vllm"
        base_url = "http://gpu:8000/v1"
        model = "Qwen/Qwen2.5-Coder-7B"
        api = "fim"
        """, to: sandbox.userFile)
        try sandbox.write("""
        [models.coder]
        fim_template = "codestral"
        """, to: sandbox.projectFile)
        let store = ConfigStore(environment: sandbox.environment.merging(["XDG_DATA_HOME": sandbox.home + "/data"]) { $1 },
                                workspaceRoot: sandbox.workspace)
        let notice = store.reload().first { $0.message.hasPrefix("not trusted:") }
        #expect(notice?.message.contains("models.coder.fim_template (line 2)") == true, "\(store.diagnostics)")
        // Ignored: the user's model keeps the template detected from its id.
        #expect(store.current.endpoint(named: "coder")?.fimTemplate == .qwen)
    }
}
