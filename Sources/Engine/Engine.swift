import Cache
import Config
import DocwrightCore
import FoundationEssentials
import Gateway
import Intent
import Logging
import ProjectContext
import Prompting
import Ranking
import Syntax
import Synchronization

/// The generation pipeline, shared by the language server and the CLI:
/// task → route → prompt → cache → gateway → post-process → rank → cache.
/// It knows nothing about LSP, and nothing about HTTP: models are `ModelBackends` (the
/// `Gateway` in the product, an in-memory script in tests), time is a `WallClock`.
public final class Engine: Sendable {
    public let config: ConfigStore
    public let models: any ModelBackends
    let clock: any WallClock
    let cache: CandidateCache?
    let flights = SingleFlight<CacheKey, GenerationResult>()
    let shownDiagnostics = Mutex<Set<String>>([])
    /// The workspace index for project context (`openWorkspace`); nil: prompts carry only the file.
    let workspaceIndex = Mutex<WorkspaceIndex?>(nil)
    /// What the index's file filter depended on when it was last built.
    let indexedUnder = Mutex<ContextFilterInputs?>(nil)
    let logger: Logger
    /// Tokens and estimated cost per day and model; drives `docwright usage` and the budget.
    public let usage: UsageLedger

    /// - Parameters:
    ///   - models: where samples come from.
    ///   - cache: nil for none; give it the same clock.
    ///   - usage: the spending ledger; give it the same clock.
    ///   - clock: the time results are stamped with.
    public init(config: ConfigStore, models: any ModelBackends, cache: CandidateCache?, usage: UsageLedger,
                clock: any WallClock = SystemClock(), logger: Logger) {
        self.config = config
        self.models = models
        self.cache = cache
        self.usage = usage
        self.clock = clock
        self.logger = logger
    }

    /// The engine as `docwright` runs it: process environment, user/project config, disk cache.
    /// - Parameter cacheEnabled: overrides `cache.enabled` (tests run without a disk cache).
    public static func makeDefault(logger: Logger, workspaceRoot: String? = nil,
                                   environment: [String: String] = ProcessInfo.processInfo.environment,
                                   cacheEnabled: Bool? = nil) throws -> Engine {
        let config = ConfigStore(environment: environment, workspaceRoot: workspaceRoot)
        // Callers show the diagnostics (stderr in the CLI, window/showMessage in the server).
        config.reload()
        let http = try HTTPClient()
        let gateway = Gateway(http: http, environment: environment, logger: logger)
        let cache = (cacheEnabled ?? config.current.cache.enabled) ? makeCache(config.current, logger: logger) : nil
        let usage = UsageLedger(path: UsageLedger.defaultPath(environment: environment))
        return Engine(config: config, models: gateway, cache: cache, usage: usage, logger: logger)
    }

    static func makeCache(_ effective: EffectiveConfig, logger: Logger) -> CandidateCache? {
        // The cache logs its own warnings when it opens its file (on first use).
        CandidateCache(configuration: CacheConfiguration(effective.cache), logger: logger)
    }

    // MARK: - Configuration

    /// Applies the workspace root and `initializationOptions`; returns messages for the user
    /// (each shown once).
    public func configure(workspaceRoot: String?, initializationOptions: Data?) -> [String] {
        _ = config.setWorkspaceRoot(workspaceRoot)
        return fresh(config.setInitializationOptions(initializationOptions))
    }

    /// Applies settings from `workspace/didChangeConfiguration` or a `workspace/configuration` pull.
    public func updateClientSettings(_ data: Data) -> [String] {
        defer { reindexIfExclusionsChanged() }
        return fresh(config.setClientSettings(data))
    }

    /// Re-reads the configuration files and the trust list when any of them changed on disk
    /// (an edit, `docwright trust` run from a shell); returns messages not shown before.
    public func refreshConfiguration() -> [String] {
        guard let diagnostics = config.reloadIfChanged() else { return [] }
        reindexIfExclusionsChanged()
        return fresh(diagnostics)
    }

    /// Re-reads the configuration files unconditionally (a saved `.docwright.toml`).
    public func reloadConfiguration() -> [String] {
        defer { reindexIfExclusionsChanged() }
        return fresh(config.reload())
    }

    private func fresh(_ diagnostics: [ConfigDiagnostic]) -> [String] {
        shownDiagnostics.withLock { shown in
            diagnostics.map(\.description).filter { shown.insert($0).inserted }
        }
    }

    // MARK: - Pipeline

    /// The task at a position, or why there is none (including docwright being off there).
    /// `tree`: the document's syntax tree (the server keeps one per document); nil: parsed here
    /// when needed.
    public func findTask(text: String, language: String, position: SourcePosition, path: String?,
                         tree: (() -> SyntaxTree?)? = nil) -> TaskLookup {
        let effective = config.current
        let (enabled, reason) = effective.isEnabled(path: path, language: language, text: text)
        guard enabled else { return .nothing(reason ?? "docwright is disabled here") }
        switch IntentFinder.find(in: text, language: language, position: position, path: path, tree: tree ?? { nil }) {
        case .task(let task): return .task(task)
        case .nothing(let reason): return .nothing(reason)
        }
    }

    /// Cached candidates for the task, without calling any model.
    public func cachedResult(for task: GenerationTask, model: String? = nil, n: Int? = nil) -> GenerationResult? {
        guard let cache, let prepared = try? prepare(task, model: model, n: n) else { return nil }
        guard let hit = cache.lookup(prepared.key) else { return nil }
        return result(from: hit, prepared: prepared)
    }

    /// Ranked candidates for the task: from the cache, or drawn from the routed model. Identical
    /// concurrent calls share one model call.
    /// - Parameters:
    ///   - progress: told where a drawing generation is (not called for cache hits); when
    ///     identical calls share one model call, the first caller's `progress` hears about it.
    ///   - partial: when given and the model's backend streams, samples are streamed and each is
    ///     post-processed and ranked as soon as it completes: `partial` gets a provisional
    ///     ranking (of the samples complete so far) after each sample that yields a candidate,
    ///     before the slowest sample ends, and the final ranking once more when samples cut by
    ///     `max_tokens` were continued after the stream. Provisional results are never cached; the
    ///     returned result ranks all samples exactly as an unstreamed generation would. Not called
    ///     for cache hits, for backends that do not stream, or for a caller sharing another's call.
    ///   - document: the syntax tree of the file the task was found in, when the caller keeps one:
    ///     checking candidates in place then re-parses it instead of parsing the whole file.
    public func generate(task: GenerationTask, model: String? = nil, n: Int? = nil, document: SyntaxTree? = nil,
                         progress: (@Sendable (GenerationProgress) -> Void)? = nil,
                         partial: (@Sendable (GenerationResult) -> Void)? = nil) async throws -> GenerationResult {
        var preparing = try prepare(task, model: model, n: n)
        preparing.document = document
        let prepared = preparing
        if let cache, let hit = cache.lookup(prepared.key) {
            return result(from: hit, prepared: prepared)
        }
        return try await flights.run(prepared.key) {
            try await self.draw(task, prepared, progress: progress ?? { _ in }, partial: partial)
        }
    }

    public func shutdown() {
        cache?.flush()
        models.shutdown()
    }
}

extension CacheConfiguration {
    /// The cache as `[cache]` in the configuration describes it.
    public init(_ settings: CacheSettings) {
        self.init(
            directory: settings.directory, diskEnabled: settings.enabled,
            ttl: settings.ttlDays > 0 ? settings.ttlDays * 86_400 : 0,
            maxDiskBytes: settings.maxMegabytes > 0 ? settings.maxMegabytes << 20 : Int.max)
    }
}
