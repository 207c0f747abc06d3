import Config
import DocwrightCore
import Engine
import Foundation
import Gateway
import Logging
import Testing

/// A temporary project with its own config, cache and state directories.
struct Project {
    let root: URL
    let environment: [String: String]

    init(config: String, modelURL: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent(".docwright.toml")
        try config.replacingOccurrences(of: "MODEL_URL", with: modelURL).write(to: file, atomically: true, encoding: .utf8)
        environment = [
            "HOME": root.path, "XDG_CONFIG_HOME": root.path + "/xdg-config", "XDG_CACHE_HOME": root.path + "/xdg-cache",
            "XDG_STATE_HOME": root.path + "/xdg-state", "XDG_DATA_HOME": root.path + "/xdg-data",
            "DOCWRIGHT_LOCAL_MODEL_URL": modelURL, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        // The user's own project: its models are trusted, as after `docwright trust`.
        try TrustStore(environment: environment).trust(file: file.path, contents: try Data(contentsOf: file))
    }

    func engine(cache: Bool = true) throws -> Engine {
        try Engine.makeDefault(logger: quietLogger(), workspaceRoot: root.path, environment: environment, cacheEnabled: cache)
    }

    func task(_ engine: Engine, file: String, text: String, line: Int) throws -> GenerationTask {
        let path = root.appendingPathComponent(file).path
        guard case .task(let task) = engine.findTask(text: text, language: "python", position: SourcePosition(line: line, utf8Column: 4), path: path) else {
            throw TestFailure("no task in \(file)")
        }
        return task
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func testModelURL() throws -> String {
    guard let url = ProcessInfo.processInfo.environment["DOCWRIGHT_TEST_MODEL_URL"], !url.isEmpty else {
        Issue.record("DOCWRIGHT_TEST_MODEL_URL is not set: run the suite with scripts/test (it starts the local model)")
        throw TestFailure("no model")
    }
    return url
}

let twoModels = """
    default_model = "general"
    n = 2
    max_tokens = 24
    seed = 5

    [models.general]
    provider = "llamacpp"
    base_url = "MODEL_URL"
    model = "gemma-general"

    [models.datasci]
    provider = "llamacpp"
    base_url = "MODEL_URL"
    model = "gemma-datasci"
    price_input = 1.0
    price_output = 2.0

    [[routes]]
    language = "python"
    domain = "data-ml"
    model = "datasci"
    """

let pandasFile = """
    import pandas as pd

    def total(df):
        \"\"\"Return the sum of column 'x' of the data frame.\"\"\"
        pass
    """

let plainFile = """
    def double(x):
        \"\"\"Return x times two.\"\"\"
        pass
    """

@Suite(.serialized) struct EngineTests {
    @Test func routesDataScienceToOneModelAndTheRestToAnother() async throws {
        let project = try Project(config: twoModels, modelURL: try testModelURL())
        let engine = try project.engine(cache: false)
        defer { engine.shutdown() }
        let data = try await engine.generate(task: try project.task(engine, file: "analysis.py", text: pandasFile, line: 3))
        #expect(data.modelName == "datasci")
        #expect(data.rule.contains("data-ml"))
        let plain = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1))
        #expect(plain.modelName == "general")
        #expect(plain.rule == "default_model")
        #expect(!plain.candidates.isEmpty)
    }

    @Test func secondAskIsServedFromCacheAlsoAfterRestart() async throws {
        let project = try Project(config: twoModels, modelURL: try testModelURL())
        let first = try project.engine()
        let task = try project.task(first, file: "util.py", text: plainFile, line: 1)
        let drawn = try await first.generate(task: task)
        #expect(!drawn.fromCache)
        let again = try await first.generate(task: task)
        #expect(again.fromCache)
        #expect(again.candidates == drawn.candidates)
        first.shutdown()
        // A new engine (a restarted editor) reads the same disk cache.
        let second = try project.engine()
        defer { second.shutdown() }
        let restarted = try #require(second.cachedResult(for: task))
        #expect(restarted.candidates == drawn.candidates)
        // Typing inside the docstring changes the key.
        var edited = task
        edited.docText += " Ignore negative numbers."
        edited.prefix = edited.prefix.replacingOccurrences(of: "times two.", with: "times two. Ignore negative numbers.")
        #expect(second.cachedResult(for: edited) == nil)
    }

    @Test func compareRunsBothModelsSideBySide() async throws {
        let project = try Project(config: twoModels, modelURL: try testModelURL())
        let engine = try project.engine(cache: false)
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let comparison = await engine.compare(task: task, models: ["general", "datasci", "missing"])
        #expect(comparison.entries.map(\.model) == ["general", "datasci", "missing"])
        #expect(comparison.entries[0].error == nil)
        #expect(comparison.entries[1].error == nil)
        #expect(comparison.entries[1].cost > 0)
        #expect(comparison.entries[2].error?.contains("no model named 'missing'") == true)
        let markdown = comparison.markdown(uri: "util.py", position: "2")
        #expect(markdown.contains("| general"))
        #expect(markdown.contains("| datasci"))
    }

    @Test func dailyBudgetRefusesPaidModelOnceSpent() async throws {
        let config = twoModels + "\n\n[budget]\ndaily_usd = 0.0000001\n"
        let project = try Project(config: config, modelURL: try testModelURL())
        let engine = try project.engine(cache: false)
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "analysis.py", text: pandasFile, line: 3)
        _ = try await engine.generate(task: task)
        #expect(engine.usage.cost() > 0)
        await #expect(throws: EngineError.self) {
            _ = try await engine.generate(task: task, n: 1)
        }
        // The free model is not limited.
        _ = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1))
    }

    @Test func clientSettingsApplyWithoutRestart() throws {
        let project = try Project(config: twoModels, modelURL: "http://127.0.0.1:9/v1")
        let engine = try project.engine(cache: false)
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        #expect(try engine.config.current.route(for: task).endpoint.name == "general")
        _ = engine.updateClientSettings(Data(#"{"default_model": "datasci"}"#.utf8))
        #expect(try engine.config.current.route(for: task).endpoint.name == "datasci")
        // A broken value drops only itself and is reported once; the rest of the settings apply.
        let messages = engine.updateClientSettings(Data(#"{"n": "five", "default_model": "datasci"}"#.utf8))
        #expect(messages.contains { $0.contains("n must be an integer") })
        #expect(engine.updateClientSettings(Data(#"{"n": "five", "default_model": "datasci"}"#.utf8)).isEmpty)
        #expect(try engine.config.current.route(for: task).endpoint.name == "datasci")
    }
}

func quietLogger() -> Logger {
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    return logger
}
