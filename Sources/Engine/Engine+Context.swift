import Cache
import Config
import DocwrightCore
import FoundationEssentials
import Languages
import ProjectContext
import Synchronization

extension Engine {
    /// The workspace index behind project context, when one is open.
    public var workspace: WorkspaceIndex? { workspaceIndex.withLock { $0 } }

    /// Opens the workspace index for `root` (replacing any other), unless `context.enabled` is
    /// off or there is no root. The caller builds it (`build()` in the background for the server,
    /// `buildNow()` for the CLI). Files the configuration excludes are never read: the filter asks
    /// the configuration current at each read.
    @discardableResult
    public func openWorkspace(root: String?) -> WorkspaceIndex? {
        let effective = config.current
        // An editor started in `/` or the home directory names no project: indexing it would read
        // everything the user owns, so there is no project context there (as gopls refuses it).
        let home = ProcessInfo.processInfo.environment["HOME"].map { PathText.standardized($0) }
        guard effective.context.enabled, let root, !root.isEmpty, root != "/",
              PathText.standardized(root) != home else {
            workspaceIndex.withLock { $0 = nil }
            return nil
        }
        let limits = IndexLimits(maxFiles: effective.context.maxFiles, maxFileBytes: effective.context.maxFileKB * 1024)
        let index = WorkspaceIndex(root: root, limits: limits, filter: Self.contextFilter(config: config, root: root))
        workspaceIndex.withLock { $0 = index }
        indexedUnder.withLock { $0 = ContextFilterInputs(effective) }
        return index
    }

    /// After a configuration change: when what decides which files may be read changed (an
    /// exclusion added or lifted, docwright or context switched), the index is rebuilt in the
    /// background. Until then selection re-checks every snippet's file, so nothing newly
    /// excluded is sent meanwhile.
    func reindexIfExclusionsChanged() {
        let effective = config.current
        let inputs = ContextFilterInputs(effective)
        let changed = indexedUnder.withLock { previous -> Bool in
            defer { previous = inputs }
            return previous != nil && previous != inputs
        }
        guard changed else { return }
        // The same index rebuilt keeps the open documents; switched off, there is none; switched
        // on again, a new one (documents join it as they change). Limits apply at the next start.
        if let index = workspace, effective.context.enabled {
            Task.detached { await index.build() }
        } else if let index = openWorkspace(root: config.workspaceRoot) {
            Task.detached { await index.build() }
        }
    }

    /// May the file at `relativePath` (under `root`) be read for context? Not when docwright is
    /// off, the file is excluded (`privacy.exclude`, `disabled_paths`), carries a `docwright: off`
    /// marker, or the configuration is blocked: the same rule as for the file being edited.
    static func contextFilter(config: ConfigStore, root: String) -> PathFilter {
        { relativePath, text in
            let effective = config.current
            guard effective.context.enabled else { return false }
            let language = Languages.id(forPath: relativePath) ?? ""
            return effective.isEnabled(path: root + "/" + relativePath, language: language, text: text).0
        }
    }

    /// The project context for a task sent to `endpoint`: what the index selects within the token
    /// budget (`context.max_tokens`, else fitted to the model). Empty without an index.
    func projectContext(for task: GenerationTask, endpoint: ModelEndpoint) -> [ContextSnippet] {
        guard task.context.isEmpty, let index = workspace else { return task.context }
        let effective = config.current
        guard effective.context.enabled else { return [] }
        let tokens = effective.context.maxTokens ?? TokenBudget.defaultTokens(contextWindow: endpoint.contextWindow)
        let budget = TokenBudget(maxTokens: tokens, charactersPerToken: TokenBudget.charactersPerToken(modelID: endpoint.model))
        return ContextSelector(index: index).select(for: task, budget: budget)
    }
}

/// What `docwright prompt` shows: the request a generation would make, after routing, context
/// selection and redaction, without making it.
public struct RequestPreview: Sendable {
    public var route: Route
    /// The prompt as it would be sent (redacted).
    public var plan: PromptPlan
    public var params: SamplingParams
    /// The project context the prompt carries, ranked, redacted, each with why it was chosen.
    public var context: [ContextSnippet]
    /// The cache key (hex): the same request is answered from the cache.
    public var cacheKey: String
    public var cached: Bool
}

extension Engine {
    /// The request `generate` would make for the task, without calling any model.
    public func preview(task: GenerationTask, model: String? = nil, n: Int? = nil) throws -> RequestPreview {
        let prepared = try prepare(task, model: model, n: n)
        return RequestPreview(route: prepared.route, plan: prepared.plan, params: prepared.params,
                              context: prepared.context, cacheKey: prepared.key.hex,
                              cached: cache?.lookup(prepared.key) != nil)
    }
}

/// The configuration the context filter reads.
struct ContextFilterInputs: Hashable, Sendable {
    var enabled: Bool
    var contextEnabled: Bool
    var blocked: Bool
    var exclude: [String]
    var disabledPaths: [String]
    var disabledLanguages: [String]

    init(_ effective: EffectiveConfig) {
        enabled = effective.enabled
        contextEnabled = effective.context.enabled
        blocked = !effective.blocked.isEmpty
        exclude = effective.privacy.exclude
        disabledPaths = effective.disabledPaths
        disabledLanguages = effective.languages.filter { $0.value.enabled == false }.keys.sorted()
    }
}
