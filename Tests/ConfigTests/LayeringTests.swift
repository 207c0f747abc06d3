import DocwrightCore
import Foundation
import Testing
@testable import Config

@Suite struct LayeringTests {
    @Test func noFilesMeansDefaultsAndLocal() throws {
        let sandbox = try Sandbox()
        let store = sandbox.store()
        #expect(store.reload().isEmpty)
        #expect(store.current.defaultModel == "local")
        #expect(store.projectConfigPath == nil)
        #expect(store.userConfigPath == sandbox.userFile)
        #expect(store.current.cache.directory == sandbox.home + "/.cache/docwright")
    }

    @Test func laterLayersWinKeyByKey() throws {
        let sandbox = try Sandbox()
        try sandbox.write("""
        n = 2
        temperature = 0.1
        max_tokens = 99
        log_level = "debug"
        [models.gpt]
        preset = "openrouter/gpt-5-mini"
        timeout = 10
        """, to: sandbox.userFile)
        try sandbox.write("""
        n = 3
        temperature = 0.2
        [models.gpt]
        max_concurrency = 2
        """, to: sandbox.projectFile)
        let store = sandbox.store()
        #expect(store.reload().isEmpty)
        #expect(store.projectConfigPath == sandbox.projectFile)
        var config = store.current
        #expect(config.sampling.n == 3)
        #expect(config.sampling.temperature == 0.2)
        #expect(config.sampling.maxTokens == 99)
        #expect(config.logLevel == .debug)
        let gpt = try #require(config.endpoint(named: "gpt"))
        #expect(gpt.timeout == 10 && gpt.maxConcurrency == 2 && gpt.model == "openai/gpt-5-mini")

        #expect(store.setInitializationOptions(Data(#"{"n": 4, "temperature": 0.3}"#.utf8)).isEmpty)
        #expect(store.current.sampling.n == 4)
        #expect(store.setClientSettings(Data(#"{"docwright": {"n": 6}}"#.utf8)).isEmpty)
        config = store.current
        #expect(config.sampling.n == 6)
        #expect(config.sampling.temperature == 0.3)

        let provenance = Dictionary(store.provenance().map { ($0.key, $0.source) }) { a, _ in a }
        #expect(provenance["n"] == "workspace settings")
        #expect(provenance["temperature"] == "initializationOptions")
        #expect(provenance["max_tokens"] == "~/xdg/docwright/config.toml:3")
        #expect(provenance["models.gpt.timeout"] == "~/xdg/docwright/config.toml:7")
        #expect(provenance["models.gpt.max_concurrency"] == "~/projects/app/.docwright.toml:4")
        #expect(provenance["models.gpt.model"] == "preset openrouter/gpt-5-mini")
        #expect(provenance["seed"] == "default")

        // Removing the client layer falls back to the layers below.
        store.setClientSettings(nil)
        #expect(store.current.sampling.n == 4)
    }

    @Test func projectFileIsFoundUpwardButNotAboveHome() throws {
        let sandbox = try Sandbox()
        let nested = sandbox.workspace + "/src"
        try sandbox.write("n = 7\n", to: sandbox.projectFile)
        let store = ConfigStore(environment: sandbox.environment, workspaceRoot: nested)
        store.reload()
        #expect(store.projectConfigPath == sandbox.projectFile)
        #expect(store.current.sampling.n == 7)

        // A file above $HOME is never read.
        try sandbox.write("n = 9\n", to: sandbox.root + "/.docwright.toml")
        try FileManager.default.removeItem(atPath: sandbox.projectFile)
        store.reload()
        #expect(store.projectConfigPath == nil)
        #expect(store.current.sampling.n == 5)

        // setWorkspaceRoot takes file:// URIs.
        try sandbox.write("n = 8\n", to: sandbox.home + "/other/.docwright.toml")
        store.setWorkspaceRoot("file://" + sandbox.home + "/other")
        #expect(store.current.sampling.n == 8)
    }

    @Test func xdgConfigHomeFallsBackToDotConfig() throws {
        let sandbox = try Sandbox()
        try sandbox.write("n = 3\n", to: sandbox.home + "/.config/docwright/config.toml")
        let store = ConfigStore(environment: ["HOME": sandbox.home], workspaceRoot: sandbox.workspace)
        store.reload()
        #expect(store.current.sampling.n == 3)
    }

    @Test func aBadValueDropsOnlyThatValue() throws {
        let sandbox = try Sandbox()
        try sandbox.write("n = 3\ndefault_model = \"ollama\"\n", to: sandbox.projectFile)
        let store = sandbox.store()
        #expect(store.reload().isEmpty)
        #expect(store.current.sampling.n == 3)

        // Wrong type: that key is ignored, the rest of the file (and its exclusions) still applies.
        try sandbox.write("n = \"4\"\ndefault_model = \"ollama\"\nprivacy.exclude = [\"data/**\"]\n", to: sandbox.projectFile)
        let wrong = store.reload()
        #expect(wrong.first?.description == "~/projects/app/.docwright.toml:1: n must be an integer, got string (this value is ignored)")
        #expect(store.current.sampling.n == 5)
        #expect(store.current.defaultModel == "ollama")
        #expect(store.current.privacy.exclude.contains("data/**"))
        #expect(store.current.blocked.isEmpty)

        // Unknown model: reported, and requests it would serve are refused rather than sent elsewhere.
        try sandbox.write("n = 4\ndefault_model = \"nope\"\n", to: sandbox.projectFile)
        let reference = store.reload()
        #expect(reference.first?.key == "default_model")
        #expect(store.current.sampling.n == 4)
        #expect(throws: RoutingError.self) { try store.current.route(for: makeTask(language: "python")) }

        // Fixed: applied.
        try sandbox.write("n = 4\n", to: sandbox.projectFile)
        #expect(store.reload().isEmpty)
        #expect(store.current.defaultModel == "local")
        #expect(try store.current.route(for: makeTask(language: "python")).endpoint.name == "local")
    }

    @Test func anUnparsableFileStopsGenerationUntilItParses() throws {
        let sandbox = try Sandbox()
        try sandbox.write("n = 3\nprivacy.exclude = [\"data/**\"]\n", to: sandbox.projectFile)
        let store = sandbox.store()
        #expect(store.reload().isEmpty)
        try sandbox.write("n = 4\nprivacy.exclude = [\"data/**\"\n", to: sandbox.projectFile)
        let syntax = store.reload()
        #expect(syntax.count == 1)
        #expect(syntax.first?.severity == .error)
        #expect(syntax.first?.line == 2)
        #expect(syntax.first?.source == "~/projects/app/.docwright.toml")
        #expect(syntax.first?.message.contains("sends nothing until this is fixed") == true)
        let (enabled, reason) = store.current.isEnabled(path: sandbox.workspace + "/src/a.py", language: "python", text: nil)
        #expect(!enabled)
        #expect(reason?.contains("~/projects/app/.docwright.toml:2") == true)
        // A malformed exclusion is as bad as an unparsable file: its intent is unknown.
        try sandbox.write("privacy.exclude = 5\n", to: sandbox.projectFile)
        #expect(store.reload().first?.message.contains("sends nothing") == true)
        #expect(!store.current.isEnabled(path: nil, language: "python", text: nil).0)
        try sandbox.write("n = 4\n", to: sandbox.projectFile)
        #expect(store.reload().isEmpty)
        #expect(store.current.isEnabled(path: sandbox.workspace + "/src/a.py", language: "python", text: nil).0)
    }

    @Test func anUnparsableUserFileStopsGenerationToo() throws {
        let sandbox = try Sandbox()
        try sandbox.write("n = [\n", to: sandbox.userFile)
        let store = sandbox.store()
        let diagnostics = store.reload()
        #expect(diagnostics.first?.message.contains("sends nothing until this is fixed") == true)
        #expect(store.current.blocked.count == 1)
        #expect(store.diagnostics == diagnostics)
    }

    @Test func warningsDoNotBlockALayer() throws {
        let sandbox = try Sandbox()
        try sandbox.write("n = 2\ncolour = \"blue\"\n", to: sandbox.userFile)
        let store = sandbox.store()
        let diagnostics = store.reload()
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.line == 2)
        #expect(store.current.sampling.n == 2)
    }

    @Test func routesReplaceAndExclusionsAccumulate() throws {
        let sandbox = try Sandbox()
        try sandbox.write("""
        privacy.exclude = ["*.sqlite"]
        disabled_paths = ["legacy/"]
        [[routes]]
        language = "go"
        model = "ollama"
        """, to: sandbox.userFile)
        try sandbox.write("""
        privacy.exclude = ["data/"]
        [[routes]]
        language = "python"
        model = "ollama"
        """, to: sandbox.projectFile)
        let store = sandbox.store()
        #expect(store.reload().isEmpty)
        let config = store.current
        #expect(config.routes.map(\.languages) == [["python"]])
        #expect(config.routes.first?.source == "~/projects/app/.docwright.toml:2")
        #expect(config.privacy.exclude.suffix(2) == ["*.sqlite", "data/"])
        #expect(config.disabledPaths == ["legacy/"])
        // An empty list in a later layer clears the routes.
        store.setClientSettings(Data(#"{"routes": []}"#.utf8))
        #expect(store.current.routes.isEmpty)
    }

    @Test func crossLayerReferenceIsRefusedNotRedirected() throws {
        let sandbox = try Sandbox()
        try sandbox.write("[models.team]\npreset = \"openrouter/gpt-5-mini\"\n", to: sandbox.userFile)
        try sandbox.write("default_model = \"team\"\nn = 2\n", to: sandbox.projectFile)
        let store = sandbox.store()
        #expect(store.reload().isEmpty)
        #expect(store.current.defaultModel == "team")
        // The user renames the model: the project file now refers to nothing; requests it would
        // route are refused (never sent to another model), and the file's other keys still apply.
        try sandbox.write("[models.team2]\npreset = \"openrouter/gpt-5-mini\"\n", to: sandbox.userFile)
        let diagnostics = store.reload()
        #expect(diagnostics.contains { $0.key == "default_model" && $0.source == "~/projects/app/.docwright.toml" && $0.line == 1 })
        #expect(throws: RoutingError.self) { try store.current.route(for: makeTask(language: "python")) }
        #expect(store.current.sampling.n == 2)
        #expect(store.current.endpoint(named: "team2") != nil)
    }

    @Test func concurrentReadsDuringReloads() async throws {
        let sandbox = try Sandbox()
        try sandbox.write("n = 3\n", to: sandbox.userFile)
        let store = sandbox.store()
        store.reload()
        await withTaskGroup(of: Int.self) { group in
            for i in 0..<8 {
                group.addTask {
                    if i % 2 == 0 { store.setClientSettings(Data("{\"n\": \(i + 1)}".utf8)) }
                    return store.current.sampling.n
                }
            }
            for await n in group { #expect((1...8).contains(n)) }
        }
    }
}
