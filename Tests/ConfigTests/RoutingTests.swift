import DocwrightCore
import Intent
import Providers
import Testing
@testable import Config

@Suite struct RoutingTests {
    static let table = """
    default_model = "fast"

    [models.fast]
    preset = "openrouter/llama-3.2-3b"

    [models.data]
    preset = "openrouter/mixtral-8x7b"
    temperature = 0.6

    [models.web]
    preset = "openrouter/gpt-5-mini"
    n = 3

    [[routes]]
    language = "python"
    domain = "data-ml"
    model = "data"

    [[routes]]
    language = ["javascript", "typescript", "typescriptreact"]
    domain = "web"
    model = "web"
    max_tokens = 400

    [[routes]]
    path = "scripts/**"
    model = "local"
    n = 2

    [[routes]]
    domain = ["data-ml"]
    model = "web"
    """

    static let numpy = "import numpy as np\n\ndef f():\n    pass\n"
    static let react = "import React from 'react'\nexport function App() {}\n"

    // language × domain × path → (model, rule)
    @Test(arguments: [
        ("python", "/ws/src/a.py", numpy, "data", "routes[0] (language=python, domain=data-ml)"),
        ("python", "/ws/src/a.py", "import os\n", "fast", "default_model"),
        ("typescriptreact", "/ws/ui/App.tsx", react, "web",
         "routes[1] (language=javascript|typescript|typescriptreact, domain=web)"),
        ("javascript", "/ws/x.js", "const x = 1\n", "fast", "default_model"),
        ("python", "/ws/scripts/tool.py", "import os\n", "local", "routes[2] (path=scripts/**)"),
        // First match wins: a data-ml file under scripts/ goes to routes[0], not routes[2].
        ("python", "/ws/scripts/train.py", numpy, "data", "routes[0] (language=python, domain=data-ml)"),
        // Same domain in another language: routes[0] needs python, so routes[3] serves it.
        ("rust", "/ws/src/lib.rs", "use ndarray::Array2;\n", "web", "routes[3] (domain=data-ml)"),
    ])
    func routesByLanguageDomainAndPath(language: String, path: String, text: String, model: String, rule: String) throws {
        let (config, diagnostics) = loadConfig(fromTOML: Self.table)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let route = try config.route(for: makeTask(language: language, path: path, text: text))
        #expect(route.endpoint.name == model)
        #expect(route.rule.description == rule)
    }

    @Test func samplingMergesGlobalModelLanguageAndRoute() throws {
        let toml = """
        n = 4
        temperature = 0.3
        max_tokens = 200
        seed = 7

        """ + Self.table + """

        [languages.typescriptreact]
        temperature = 0.9
        n = 6
        """
        let (config, diagnostics) = loadConfig(fromTOML: toml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // routes[0] → data: model temperature beats global; n and max_tokens global.
        let data = try config.route(for: makeTask(language: "python", path: "/ws/a.py", text: Self.numpy)).params
        #expect(data == SamplingParams(n: 4, temperature: 0.6, maxTokens: 200, seed: 7))
        // routes[1] → web: route max_tokens, language n/temperature beat the model's n.
        let web = try config.route(for: makeTask(language: "typescriptreact", path: "/ws/App.tsx", text: Self.react)).params
        #expect(web == SamplingParams(n: 6, temperature: 0.9, maxTokens: 400, seed: 7))
        // routes[2] → local preset: preset n=5/max_tokens=128 rank below the user's global keys; route n wins.
        let local = try config.route(for: makeTask(language: "go", path: "/ws/scripts/x.go", text: "package main\n")).params
        #expect(local == SamplingParams(n: 2, temperature: 0.3, maxTokens: 200, seed: 7))
    }

    @Test func presetSamplingAppliesWithoutUserKeys() throws {
        let route = try EffectiveConfig.defaults(environment: [:]).route(for: makeTask(language: "python"))
        #expect(route.endpoint.name == "local")
        #expect(route.rule == .defaultModel)
        #expect(route.params.n == 5)
        #expect(route.params.maxTokens == 128)
        #expect(route.params.temperature == 0.8)
        #expect(route.params.logprobs)
        #expect(route.verify)  // python
        #expect(route.policy == .verifiedThenLogprob)
        #expect(try EffectiveConfig.defaults(environment: [:]).route(for: makeTask(language: "go")).verify == false)
    }

    @Test func singleSampleDefaultsToLowTemperature() throws {
        let (config, _) = loadConfig(fromTOML: "n = 1")
        #expect(try config.route(for: makeTask(language: "go")).params.temperature == 0.2)
    }

    @Test func routeOverridesPolicyAndVerify() throws {
        let toml = """
        ranking.policy = "mean_logprob"
        verify = false
        [[routes]]
        language = "python"
        policy = "agreement"
        verify = true
        """
        let (config, diagnostics) = loadConfig(fromTOML: toml)
        #expect(diagnostics.isEmpty)
        let python = try config.route(for: makeTask(language: "python"))
        #expect(python.policy == .agreement)
        #expect(python.verify)
        #expect(python.endpoint.name == "local")  // a route without model uses the default model
        let go = try config.route(for: makeTask(language: "go"))
        #expect(go.policy == .meanLogprob)
        #expect(!go.verify)
    }

    @Test func anthropicGetsNoLogprobsAndAgreement() throws {
        let (config, _) = loadConfig(fromTOML: "default_model = \"anthropic/claude-3-5-haiku\"")
        let route = try config.route(for: makeTask(language: "go"))
        #expect(route.endpoint.provider == .anthropic)
        #expect(!route.params.logprobs)
        #expect(route.policy == .agreement)
    }

    @Test func languageModelServesWhenNoRouteMatches() throws {
        let (config, _) = loadConfig(fromTOML: "[languages.rust]\nmodel = \"openai/gpt-4o-mini\"")
        let route = try config.route(for: makeTask(language: "rust"))
        #expect(route.endpoint.model == "gpt-4o-mini")
        #expect(route.rule == .languageModel(language: "rust"))
        #expect(route.rule.description == "languages.rust.model")
        #expect(try config.route(for: makeTask(language: "go")).rule == .defaultModel)
        let requested = try config.route(for: makeTask(language: "rust"), model: "local")
        #expect(requested.endpoint.name == "local")
        #expect(requested.rule == .requestedModel("local"))
        #expect(requested.rule.description == "requested model local")
    }

    @Test func pathConditionNeedsAPath() throws {
        let (config, _) = loadConfig(fromTOML: "[[routes]]\npath = \"*.py\"\nmodel = \"ollama\"")
        #expect(try config.route(for: makeTask(language: "python", path: nil)).endpoint.name == "local")
        #expect(try config.route(for: makeTask(language: "python", path: "/ws/a.py")).endpoint.name == "ollama")
    }

    @Test func budgetFallbackKeepsTheRuleSettings() throws {
        let toml = Self.table + "\n[budget]\ndaily_usd = 2.5\nfallback_model = \"local\"\n"
        let (config, diagnostics) = loadConfig(fromTOML: toml)
        #expect(diagnostics.isEmpty)
        #expect(config.budget == BudgetSettings(dailyUSD: 2.5, fallbackModel: "local"))
        let task = makeTask(language: "typescriptreact", path: "/ws/App.tsx", text: Self.react)
        let fallback = try #require(config.budgetFallbackRoute(for: task))
        #expect(fallback.endpoint.name == "local")
        #expect(fallback.params.maxTokens == 400)
        #expect(fallback.rule == .budgetFallback(replacing: .route(
            index: 1, languages: ["javascript", "typescript", "typescriptreact"], domains: ["web"], paths: [])))
        #expect(fallback.rule.description
            == "routes[1] (language=javascript|typescript|typescriptreact, domain=web) → over daily budget: budget.fallback_model")
        #expect(fallback.rule.configurationKey == "budget.fallback_model")
        #expect(EffectiveConfig.defaults(environment: [:]).budgetFallbackRoute(for: task) == nil)
    }

    @Test func explainRouteTellsWhy() {
        let (config, _) = loadConfig(fromTOML: Self.table)
        let text = config.explainRoute(path: "/ws/scripts/train.py", text: Self.numpy,
                                       imports: IntentFinder.imports(in: Self.numpy, language: "python"))
        #expect(text.contains("language: python"))
        #expect(text.contains("domains: data-ml (import numpy)"))
        #expect(text.contains("route: routes[0] (language=python, domain=data-ml) → model \"data\""))
        #expect(text.contains("mistralai/mixtral-8x7b-instruct"))
        let other = config.explainRoute(path: "/ws/ui/x.js", text: "const a = 1\n")
        #expect(other.contains("routes[0] (language=python, domain=data-ml) at test.toml:14: no, language is javascript"))
        #expect(other.contains("routes[2] (path=scripts/**) at test.toml:25: no, path ui/x.js does not match"))
        #expect(other.contains("route: default_model → model \"fast\""))
    }
}
