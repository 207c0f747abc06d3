import DocwrightCore
import Foundation
import Providers
import Testing
@testable import Config

/// The preset review of 2026-12-02: successors added, superseded presets still working but flagged,
/// Ollama's code model on its native API, and the docs, JSON Schema and VS Code manifest listing
/// every preset.
@Suite struct PresetReviewTests {
    static let presets = ModelPresets.all(environment: [:])

    @Test func supersededPresetsStillResolveToTheirOriginalIds() throws {
        let config = EffectiveConfig.defaults(environment: [:])
        // The seed's OpenRouter map, unchanged.
        let seed = [
            "openrouter/gpt-4o": "openai/gpt-4o", "openrouter/gpt-4-turbo": "openai/gpt-4-turbo",
            "openrouter/gpt-3.5-turbo": "openai/gpt-3.5-turbo", "openrouter/llama-3.2-3b": "meta-llama/llama-3.2-3b-instruct",
            "openrouter/mixtral-8x7b": "mistralai/mixtral-8x7b-instruct", "openrouter/gemini-flash-1.5-8b": "google/gemini-flash-1.5-8b",
            "openai/gpt-4o": "gpt-4o", "openai/gpt-4o-mini": "gpt-4o-mini",
            "anthropic/claude-3-5-sonnet": "claude-3-5-sonnet-latest", "anthropic/claude-3-5-haiku": "claude-3-5-haiku-latest",
        ]
        for (name, id) in seed {
            let endpoint = try #require(config.endpoint(named: name), "\(name)")
            #expect(endpoint.model == id, "\(name)")
        }
        #expect(Set(ModelPresets.superseded.keys).isSubset(of: Set(seed.keys)))
        for (name, successor) in ModelPresets.superseded {
            #expect(Self.presets[name]?.supersededBy == successor)
            let next = try #require(Self.presets[successor], "\(name) → \(successor)")
            #expect(next.supersededBy == nil, "a successor is current: \(successor)")
            #expect(next.endpoint.provider == Self.presets[name]?.endpoint.provider, "same provider: \(name) → \(successor)")
        }
        for name in ModelPresets.names where ModelPresets.superseded[name] == nil {
            #expect(Self.presets[name]?.supersededBy == nil, "\(name)")
        }
    }

    @Test func newPresetsResolve() throws {
        let config = EffectiveConfig.defaults(environment: [:])
        let coder = try #require(config.endpoint(named: "ollama-coder"))
        #expect(coder.provider == .ollama && coder.api == .fim && coder.model == "qwen2.5-coder:1.5b")
        #expect(coder.baseURL == "http://127.0.0.1:11434" && coder.apiKeyEnv == nil && coder.pricePerMillionOutput == 0)
        #expect(config.presetSampling["ollama-coder"]?.maxTokens == 128)
        // Ollama's /api/generate with suffix applies the model's FIM template: no template needed.
        #expect(ProviderRegistry.provider(for: .ollama)?.appliesModelFIMTemplate == true)
        #expect(config.endpoint(named: "ollama")?.model == "llama3.2:3b")  // the old name keeps working

        let expected: [(String, ProviderKind, String, String, Double, Double)] = [
            ("openrouter/gpt-5-mini", .openrouter, "openai/gpt-5-mini", "OPENROUTER_API_KEY", 0.25, 2.00),
            ("openai/gpt-5-mini", .openai, "gpt-5-mini", "OPENAI_API_KEY", 0.25, 2.00),
            ("anthropic/claude-sonnet-5", .anthropic, "claude-sonnet-5", "ANTHROPIC_API_KEY", 2.00, 10.00),
            ("anthropic/claude-haiku-4-5", .anthropic, "claude-haiku-4-5-20251001", "ANTHROPIC_API_KEY", 1.00, 5.00),
        ]
        for (name, provider, id, key, input, output) in expected {
            let endpoint = try #require(config.endpoint(named: name), "\(name)")
            #expect(endpoint.provider == provider && endpoint.model == id && endpoint.api == .chat, "\(name)")
            #expect(endpoint.apiKeyEnv == key && endpoint.pricePerMillionInput == input && endpoint.pricePerMillionOutput == output,
                    "\(name)")
        }
        #expect(config.endpoint(named: "openrouter/gpt-5-mini")?.headers == ["X-Title": "docwright"])
    }

    @Test func ollamaHostMovesTheCoderPresetToo() throws {
        let sandbox = try Sandbox()
        try sandbox.write("default_model = \"ollama-coder\"\n", to: sandbox.userFile)
        let store = sandbox.store(extraEnvironment: ["OLLAMA_HOST": "box:9999"])
        store.reload()
        #expect(store.current.endpoint(named: "ollama-coder")?.baseURL == "http://box:9999")
        #expect(store.provenance().first { $0.key == "models.ollama-coder.base_url" }?.source == "environment OLLAMA_HOST")
        #expect(store.diagnostics.isEmpty, "\(store.diagnostics)")
    }

    static func supersededWarnings(_ diagnostics: [ConfigDiagnostic]) -> [ConfigDiagnostic] {
        diagnostics.filter { $0.message.contains("is superseded by") }
    }

    @Test func usingASupersededPresetWarns() throws {
        let toml = """
        default_model = "openai/gpt-4o"
        [models.gpt]
        preset = "openrouter/gpt-4o"
        [models."anthropic/claude-3-5-haiku"]
        timeout = 10
        [languages.rust]
        model = "openai/gpt-4o-mini"
        [[routes]]
        language = "go"
        model = "anthropic/claude-3-5-sonnet"
        [budget]
        daily_usd = 1.0
        fallback_model = "openrouter/gpt-3.5-turbo"
        """
        let (config, diagnostics) = loadConfig(fromTOML: toml)
        let warnings = Self.supersededWarnings(diagnostics)
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(Set(warnings.map(\.message)) == [
            "default_model: preset \"openai/gpt-4o\" is superseded by \"openai/gpt-5-mini\"; it still works",
            "models.gpt.preset: preset \"openrouter/gpt-4o\" is superseded by \"openrouter/gpt-5-mini\"; it still works",
            "models.\"anthropic/claude-3-5-haiku\": preset \"anthropic/claude-3-5-haiku\" is superseded by "
                + "\"anthropic/claude-haiku-4-5\"; it still works",
            "languages.rust.model: preset \"openai/gpt-4o-mini\" is superseded by \"openai/gpt-5-mini\"; it still works",
            "routes[0].model: preset \"anthropic/claude-3-5-sonnet\" is superseded by \"anthropic/claude-sonnet-5\"; it still works",
            "budget.fallback_model: preset \"openrouter/gpt-3.5-turbo\" is superseded by \"openrouter/gpt-5-mini\"; it still works",
        ])
        #expect(warnings.first { $0.key == "models.gpt.preset" }?.line == 3)
        #expect(diagnostics.count == warnings.count, "nothing else: \(diagnostics)")
        // Warnings only: everything still routes to the old ids.
        #expect(try config.route(for: makeTask(language: "python")).endpoint.model == "gpt-4o")
        #expect(try config.route(for: makeTask(language: "go")).endpoint.model == "claude-3-5-sonnet-latest")
        #expect(config.endpoint(named: "gpt")?.model == "openai/gpt-4o")
        #expect(config.endpoint(named: "anthropic/claude-3-5-haiku")?.timeout == 10)
    }

    @Test func notUsingASupersededPresetIsQuiet() throws {
        let toml = """
        default_model = "openai/gpt-5-mini"
        [models.gpt]
        preset = "openrouter/gpt-5-mini"
        [models.coder]
        preset = "ollama-coder"
        model = "qwen2.5-coder:7b"
        [[routes]]
        language = "python"
        model = "coder"
        [[routes]]
        language = "go"
        model = "anthropic/claude-haiku-4-5"
        """
        let (config, diagnostics) = loadConfig(fromTOML: toml)
        #expect(Self.supersededWarnings(diagnostics).isEmpty, "\(diagnostics)")
        #expect(config.endpoint(named: "coder")?.model == "qwen2.5-coder:7b" && config.endpoint(named: "coder")?.api == .fim)
        // The defaults alone use no superseded preset either.
        #expect(Self.supersededWarnings(loadConfig(fromTOML: "").1).isEmpty)
    }

    @Test func theStoreReportsTheWarningAndStillApplies() throws {
        let sandbox = try Sandbox()
        try sandbox.write("default_model = \"anthropic/claude-3-5-haiku\"\n", to: sandbox.userFile)
        let store = sandbox.store()
        store.reload()
        let warning = try #require(Self.supersededWarnings(store.diagnostics).first)
        #expect(warning.severity == .warning && warning.line == 1 && warning.key == "default_model")
        #expect(warning.userMessage.hasSuffix(
            "default_model: preset \"anthropic/claude-3-5-haiku\" is superseded by \"anthropic/claude-haiku-4-5\"; it still works"))
        #expect(store.current.defaultModel == "anthropic/claude-3-5-haiku")
        #expect(store.current.blocked.isEmpty)
    }

    // MARK: the lists of presets outside the code

    static func repoFile(_ path: String) throws -> String {
        try String(contentsOf: SchemaDriftTests.repoRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func docsTableListsEveryPresetInOrderWithItsStatus() throws {
        let text = try Self.repoFile("docs/configuration.md")
        let section = try #require(text.components(separatedBy: "### Built-in presets\n").dropFirst().first)
        let rows = section.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
            .first { $0.hasPrefix("| name |") } ?? ""
        let cells = rows.split(separator: "\n").dropFirst(2).map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(cells.map { $0[1] } == ModelPresets.names.map { "`\($0)`" })
        for row in cells {
            let name = String(row[1].dropFirst().dropLast())
            let preset = try #require(Self.presets[name])
            #expect(row[3] == "`\(preset.endpoint.model)`", "\(name)")
            #expect(row[7] == preset.supersededBy.map { "superseded by `\($0)`" } ?? "current", "\(name)")
        }
    }

    @Test func schemaAndVSCodeManifestListEveryPreset() throws {
        for path in ["docs/docwright.schema.json", "editors/vscode/package.json"] {
            let text = try Self.repoFile(path)
            let preset = try #require(text.range(of: "\"preset\": {"))
            let start = try #require(text.range(of: "\"enum\": [", range: preset.upperBound..<text.endIndex))
            let end = try #require(text.range(of: "]", range: start.upperBound..<text.endIndex))
            let listed = text[start.upperBound..<end.lowerBound].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            #expect(listed == ModelPresets.names, "\(path)")
        }
    }
}
