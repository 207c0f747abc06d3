import Cache
import Config
import DocwrightCore
import Engine
import Foundation
import Gateway
import Logging
import Testing
import TestFixtures

/// A temporary project: its configuration is the user's (trusted) config file, with its own
/// config, cache and state directories.
struct Project {
    let root: URL
    let environment: [String: String]

    init(config: String, modelURL: String = "http://127.0.0.1:9/v1") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-engine-\(UUID().uuidString)")
        let configDirectory = root.appendingPathComponent("xdg-config/docwright")
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
        try config.replacingOccurrences(of: "MODEL_URL", with: modelURL)
            .write(to: configDirectory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        environment = [
            "HOME": root.path, "XDG_CONFIG_HOME": root.path + "/xdg-config", "XDG_CACHE_HOME": root.path + "/xdg-cache",
            "XDG_STATE_HOME": root.path + "/xdg-state", "XDG_DATA_HOME": root.path + "/xdg-data",
            "DOCWRIGHT_LOCAL_MODEL_URL": modelURL,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
    }

    /// The engine as `docwright` runs it (HTTP gateway, disk cache, ledger in the state directory).
    func realEngine(cache: Bool = true) throws -> Engine {
        try Engine.makeDefault(logger: quietLogger(), workspaceRoot: root.path, environment: environment, cacheEnabled: cache)
    }

    /// An engine whose models are `models` and whose time is `clock`; the cache (when wanted)
    /// is a disk cache in this project, so a second engine sees what the first stored.
    func engine(models: any ModelBackends, clock: ManualClock, cache: Bool = true) -> Engine {
        let config = ConfigStore(environment: environment, workspaceRoot: root.path)
        config.reload()
        let candidates = cache ? CandidateCache(configuration: CacheConfiguration(config.current.cache), logger: quietLogger(),
                                                clock: clock) : nil
        let usage = UsageLedger(path: root.path + "/xdg-state/docwright/usage.json", clock: clock, timeZone: .utc)
        return Engine(config: config, models: models, cache: candidates, usage: usage, clock: clock, logger: quietLogger())
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

func quietLogger() -> Logger {
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    return logger
}
