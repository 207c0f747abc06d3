import DocwrightCore
import Testing
@testable import Config

@Suite struct ValidationTests {
    @Test func unknownKeysWarnWithFileAndLine() throws {
        let toml = """
        # comment
        enabled = true
        temprature = 0.5

        [models.gpt]
        preset = "openrouter/gpt-5-mini"
        bogus = 1

        [[routes]]
        language = "python"
        model = "gpt"

        [[routes]]
        modle = "gpt"
        """
        let (_, diagnostics) = loadConfig(fromTOML: toml)
        let warnings = diagnostics.filter { $0.severity == .warning }
        let top = try #require(warnings.first { $0.key == "temprature" })
        #expect(top.line == 3)
        #expect(top.message.contains("did you mean temperature"))
        #expect(top.description.hasPrefix("test.toml:3: "))
        #expect(warnings.first { $0.key == "models.gpt.bogus" }?.line == 7)
        #expect(warnings.first { $0.key == "routes[1].modle" }?.line == 14)
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    @Test func wrongTypesAreErrorsNamingFileAndKey() throws {
        let toml = """
        [models.gpt]
        preset = "openrouter/gpt-5-mini"
        n = "five"
        """
        let layer = ConfigParsing.layer(
            fromTOML: toml, origin: LayerOrigin(kind: .user, display: "~/.config/docwright/config.toml"))
        let error = try #require(layer.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.key == "models.gpt.n")
        #expect(error.line == 3)
        #expect(error.description == "~/.config/docwright/config.toml:3: models.gpt.n must be an integer, got string")
        #expect(layer.hasErrors)
    }

    @Test func badEnumValuesListTheAllowedOnes() throws {
        let (_, diagnostics) = loadConfig(fromTOML: "ranking.policy = \"best\"\n[models.x]\npreset = \"local\"\napi = \"rest\"")
        let policy = try #require(diagnostics.first { $0.key == "ranking.policy" })
        #expect(policy.severity == .error)
        for allowed in ["mean_logprob", "mean_logprob_raw", "verified_then_logprob", "agreement"] {
            #expect(policy.message.contains("\"\(allowed)\""))
        }
        #expect(policy.message.contains("got \"best\""))
        let api = try #require(diagnostics.first { $0.key == "models.x.api" })
        #expect(api.message.contains("\"chat\", \"completions\", \"fim\""))
    }

    @Test func rangesAndNumbers() {
        let (config, diagnostics) = loadConfig(fromTOML: "temperature = 1\nn = 8.0\nmax_tokens = 0")
        #expect(config.sampling.temperature == 1.0)  // integer accepted as a number
        #expect(config.sampling.n == 8)  // integral float accepted as an integer
        #expect(diagnostics.map(\.message) == ["max_tokens must be at least 1, got 0"])
    }

    @Test func unknownModelInARouteIsAnError() throws {
        let toml = """
        default_model = "local"

        [[routes]]
        language = "python"
        model = "gtp"
        """
        let (_, diagnostics) = loadConfig(fromTOML: toml)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.key == "routes[0].model")
        #expect(error.line == 5)
        #expect(error.message.contains("unknown model \"gtp\""))
    }

    @Test func modelsWithoutPresetNeedProviderURLAndModel() throws {
        let (config, diagnostics) = loadConfig(fromTOML: "[models.mine]\nprovider = \"vllm\"\n")
        let error = try #require(diagnostics.first)
        #expect(error.message.contains("needs base_url, model"))
        #expect(config.endpoint(named: "mine") == nil)
    }

    @Test func syntaxErrorsCarryTheLine() throws {
        let layer = ConfigParsing.layer(fromTOML: "enabled = true\n[models.x\nn = 1\n",
                                        origin: LayerOrigin(kind: .user, display: "f.toml"))
        let error = try #require(layer.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.line == 2)
        #expect(error.message.hasPrefix("TOML syntax error"))
        #expect(layer.values.isEmpty)
    }

    @Test func literalAPIKeyIsRefusedInAProjectFileOnly() throws {
        let toml = """
        [models.gpt]
        preset = "openai/gpt-5-mini"
        api_key = "sk-live-123456"
        headers = { Authorization = "Bearer sk-live-123456", X-Team = "ml" }
        """
        let (project, projectDiagnostics) = loadConfig(fromTOML: toml, kind: .project)
        #expect(projectDiagnostics.allSatisfy { $0.severity == .warning })
        #expect(projectDiagnostics.contains { $0.key == "models.gpt.api_key" && $0.message.contains("refused") && $0.line == 3 })
        #expect(projectDiagnostics.contains { $0.key == "models.gpt.headers.Authorization" && $0.message.contains("refused") })
        let endpoint = try #require(project.endpoint(named: "gpt"))
        #expect(project.apiKey(for: endpoint, environment: [:]) == nil)
        #expect(endpoint.headers["Authorization"] == nil)
        #expect(endpoint.headers["X-Team"] == "ml")
        // No message ever repeats the secret.
        #expect(projectDiagnostics.allSatisfy { !$0.userMessage.contains("sk-live") })

        let (user, userDiagnostics) = loadConfig(fromTOML: toml, kind: .user)
        #expect(userDiagnostics.contains { $0.key == "models.gpt.api_key" && $0.message.contains("discouraged") })
        let userEndpoint = try #require(user.endpoint(named: "gpt"))
        #expect(user.apiKey(for: userEndpoint, environment: ["OPENAI_API_KEY": "from-env"]) == "sk-live-123456")
        #expect(user.provenance().first { $0.key == "models.gpt.api_key" }?.value == "(set)")
        #expect(!user.provenance().contains { $0.value.contains("sk-live") })
    }

    @Test func apiKeysComeFromEnvironmentOrFile() throws {
        let sandbox = try Sandbox()
        try sandbox.write("key-from-file\n", to: sandbox.home + "/keys/or")
        let (config, diagnostics) = loadConfig(
            fromTOML: "[models.a]\npreset = \"openrouter/gpt-5-mini\"\n[models.b]\npreset = \"openrouter/gpt-5-mini\"\napi_key_file = \"~/keys/or\"",
            environment: sandbox.environment)
        #expect(diagnostics.isEmpty)
        let a = try #require(config.endpoint(named: "a")), b = try #require(config.endpoint(named: "b"))
        #expect(config.apiKey(for: a, environment: ["OPENROUTER_API_KEY": "env-key"]) == "env-key")
        #expect(b.apiKeyFile == sandbox.home + "/keys/or")
        #expect(config.apiKey(for: b, environment: [:]) == "key-from-file")
    }

    @Test func regexAndURLAndPresetNamesAreChecked() {
        let toml = """
        [domains.mine]
        regex = ["(unclosed"]
        [models.x]
        preset = "openrouter/gpt-5"
        [models.y]
        preset = "local"
        base_url = "localhost:8080"
        """
        let (_, diagnostics) = loadConfig(fromTOML: toml)
        let errors = Dictionary(diagnostics.filter { $0.severity == .error }.map { ($0.key ?? "", $0.line ?? 0) }) { a, _ in a }
        #expect(errors["domains.mine.regex"] == 2)
        #expect(errors["models.x.preset"] == 4)
        #expect(errors["models.y.base_url"] == 7)
    }

    @Test func lineIndexHandlesMultilineValuesAndQuotedKeys() {
        let toml = """
        stop_words = [
          "x = 1",
          "[not.a.table]",
        ]
        note = \"\"\"
        n = 3
        \"\"\"
        [models."gpt-3.5"]
        n = 2
        [[routes]]
        [[routes]]
        path = "x"
        headers = { a = "b" }
        """
        let index = TOMLLineIndex(text: toml)
        #expect(index.line(for: ConfigKeyPath(keys: ["note"])) == 5)
        #expect(index.line(for: ConfigKeyPath(keys: ["n"])) == nil)
        #expect(index.line(for: ConfigKeyPath(keys: ["not"])) == nil)
        #expect(index.line(for: ConfigKeyPath(keys: ["models", "gpt-3.5", "n"])) == 9)
        #expect(index.line(for: ConfigKeyPath(keys: ["routes"]).appending(index: 1).appending("path")) == 12)
        #expect(index.line(for: ConfigKeyPath(keys: ["routes"]).appending(index: 1).appending("headers").appending("a")) == 13)
        #expect(ConfigKeyPath(keys: ["models", "gpt-3.5", "n"]).description == "models.\"gpt-3.5\".n")
    }
}
