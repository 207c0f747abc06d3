import DocwrightCore
import Foundation
import Testing
@testable import Config

@Suite struct JSONLayerTests {
    @Test func nestedAndFlatSettingsAreAccepted() throws {
        let store = ConfigStore(environment: [:], workspaceRoot: "/ws")
        let settings = """
        {"docwright": {
            "ranking.policy": "agreement",
            "models": {"gpt-3.5": {"preset": "openrouter/gpt-5-mini", "n": 2, "stop": ["\\n\\n"]}},
            "routes": [{"language": ["python"], "domain": "data-ml", "model": "gpt-3.5"}],
            "budget": {"daily_usd": 1, "fallback_model": null}
        }}
        """
        #expect(store.setClientSettings(Data(settings.utf8)).isEmpty)
        let config = store.current
        #expect(config.ranking.policy == .agreement)
        #expect(config.routes.first?.model == "gpt-3.5")
        #expect(config.budget.dailyUSD == 1)
        #expect(config.budget.fallbackModel == nil)  // null = not set
        let route = try config.route(for: makeTask(language: "python", path: "/ws/a.py", text: "import pandas\n"))
        #expect(route.endpoint.model == "openai/gpt-5-mini")
        #expect(route.params.n == 2)
        #expect(route.params.stop == ["\n\n"])
        #expect(route.policy == .agreement)
    }

    @Test func jsonErrorsNameTheLayer() throws {
        let store = ConfigStore(environment: [:])
        let wrong = store.setInitializationOptions(Data(#"{"enabled": "yes", "cache": {"max_mb": 1.5}}"#.utf8))
        #expect(wrong.map(\.description).sorted() == [
            "initializationOptions: cache.max_mb must be an integer, got float (this value is ignored)",
            "initializationOptions: enabled must be a boolean, got string (docwright sends nothing until this is fixed)",
        ])
        // A malformed off switch is read as "off" until fixed: fail closed.
        #expect(store.current.blocked.count == 1)
        #expect(store.current.isEnabled(path: nil, language: "python", text: nil).0 == false)
        #expect(store.setInitializationOptions(Data("not json".utf8)).first?.message.contains("not valid JSON") == true)
        // Every call returns the diagnostics of all layers: the broken options stay reported until replaced.
        #expect(store.setClientSettings(nil).count == 1)
        #expect(store.setInitializationOptions(nil).isEmpty)
        #expect(store.setClientSettings(Data("[1]".utf8)).first?.message.contains("must be a JSON object") == true)
        #expect(store.setClientSettings(Data("null".utf8)).isEmpty)
        // A boolean never passes for a number.
        #expect(store.setClientSettings(Data(#"{"n": true}"#.utf8)).first?.message == "n must be an integer, got boolean (this value is ignored)")
        #expect(store.current.blocked.isEmpty)
    }

    @Test func topLevelSettingsWithoutNamespace() {
        let store = ConfigStore(environment: [:])
        #expect(store.setClientSettings(Data(#"{"enabled": false, "languages": {"go": {"n": 1}}}"#.utf8)).isEmpty)
        #expect(!store.current.enabled)
        #expect(store.current.languages["go"]?.n == 1)
    }
}
