import DocwrightCore
import FoundationEssentials
import Synchronization

/// Holds the configuration layers and the effective configuration built from them.
///
/// Layers, later wins: built-in defaults → user file (`$XDG_CONFIG_HOME/docwright/config.toml`,
/// else `~/.config/…`) → project file (`.docwright.toml`, searched upward from the workspace root
/// up to `$HOME` or `/`) → `initializationOptions` → `workspace/didChangeConfiguration` settings.
///
/// Fail closed: a layer with bad values keeps every valid key (a bad value is dropped with an
/// error naming file and line); a layer that cannot be parsed, or whose restrictive rules
/// (`privacy`, `disabled_paths`, `enabled`) are malformed, stops generation until it is fixed.
/// A project file the user has not trusted (`TrustStore`) cannot choose endpoints or keys or
/// loosen privacy (`TrustPolicy`); everything else in it applies.
///
/// `init` does no IO; call `reload()` to read the files. `reload()` reads small local files
/// synchronously (never the network): call it from a thread that may block briefly.
public final class ConfigStore: Sendable {
    private struct State: Sendable {
        var environment: [String: String]
        var workspaceRoot: String?
        var projectPath: String?
        /// user, project, initializationOptions, client settings: the latest version of each.
        var slots = [ConfigLayer?](repeating: nil, count: 4)
        var projectTrust: ProjectTrust?
        var current: EffectiveConfig
        var diagnostics: [ConfigDiagnostic] = []
        /// What the files looked like at the last reload (nil entries: absent).
        var stamps: [String: FileStamp?] = [:]
    }

    private static let userSlot = 0, projectSlot = 1, initSlot = 2, clientSlot = 3
    private let state: Mutex<State>
    public let trustStore: TrustStore

    /// - Parameters:
    ///   - environment: used for `XDG_CONFIG_HOME`, `XDG_DATA_HOME`, `HOME`, `XDG_CACHE_HOME`,
    ///     `DOCWRIGHT_LOCAL_MODEL_URL`.
    ///   - workspaceRoot: absolute path or `file://` URI of the workspace; globs are relative to it.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, workspaceRoot: String? = nil) {
        let root = workspaceRoot.map(Glob.plainPath)
        trustStore = TrustStore(environment: environment)
        state = Mutex(State(
            environment: environment, workspaceRoot: root,
            current: .defaults(environment: environment, workspaceRoot: root)))
    }

    /// The configuration in force. Take it once per request.
    public var current: EffectiveConfig { state.withLock { $0.current } }

    /// Every diagnostic of the layers as they are now, with the untrusted-file notice.
    public var diagnostics: [ConfigDiagnostic] { state.withLock { $0.diagnostics } }

    /// The user file's path (whether or not it exists).
    public var userConfigPath: String? { state.withLock { ConfigFiles.userConfigPath(environment: $0.environment) } }

    /// The project file found by the last `reload()`, if any.
    public var projectConfigPath: String? { state.withLock { $0.projectPath } }

    /// The project file's trust state (nil without a project file).
    public var projectTrust: ProjectTrust? { state.withLock { $0.projectTrust } }

    public var workspaceRoot: String? { state.withLock { $0.workspaceRoot } }

    /// Where each effective value came from (see `EffectiveConfig.provenance()`).
    public func provenance() -> [(key: String, value: String, source: String)] { current.provenance() }

    /// Re-reads the user and project files and the trust list, and rebuilds the configuration.
    /// Returns the diagnostics of all layers (empty when everything is fine).
    @discardableResult
    public func reload() -> [ConfigDiagnostic] {
        let (environment, root) = state.withLock { ($0.environment, $0.workspaceRoot) }
        let userPath = ConfigFiles.userConfigPath(environment: environment)
        let projectPath = ConfigFiles.findProjectFile(workspaceRoot: root, environment: environment)
        let stamps = watchedPaths(userPath: userPath, projectPath: projectPath, root: root)
            .reduce(into: [String: FileStamp?]()) { $0[$1] = FileStamp(path: $1) }
        let user = userPath.flatMap { Self.readFile($0, kind: .user, environment: environment, trustStore: nil) }
        let project = projectPath.flatMap { Self.readFile($0, kind: .project, environment: environment, trustStore: trustStore) }
        return state.withLock { state in
            state.projectPath = projectPath
            state.stamps = stamps
            state.slots[Self.userSlot] = user?.layer
            state.slots[Self.projectSlot] = project?.layer
            state.projectTrust = project.flatMap { read in
                read.trust.map { ProjectTrust(file: read.path, state: $0, ignored: [], directory: Self.trustDirectory(read.path, root: root)) }
            }
            return Self.rebuild(&state)
        }
    }

    /// Reloads when the user file, the project file or the trust list changed since the last
    /// reload (three `stat` calls; cheap enough for every request). Returns the new diagnostics,
    /// or nil when nothing changed.
    @discardableResult
    public func reloadIfChanged() -> [ConfigDiagnostic]? {
        let stamps = state.withLock { $0.stamps }
        guard !stamps.isEmpty else { return nil }
        let changed = stamps.contains { path, stamp in FileStamp(path: path) != stamp }
        return changed ? reload() : nil
    }

    /// Sets the workspace root (from `initialize`) and reloads the files.
    @discardableResult
    public func setWorkspaceRoot(_ root: String?) -> [ConfigDiagnostic] {
        state.withLock { $0.workspaceRoot = root.map(Glob.plainPath) }
        return reload()
    }

    /// Applies `initializationOptions` (JSON; the keys of the TOML files, optionally under
    /// `docwright`). nil or `null` removes the layer.
    @discardableResult
    public func setInitializationOptions(_ data: Data?) -> [ConfigDiagnostic] {
        setJSONLayer(data, slot: Self.initSlot, origin: .initializationOptions)
    }

    /// Applies the settings of `workspace/didChangeConfiguration` or a `workspace/configuration`
    /// reply (JSON; under `docwright` or at top level). nil or `null` removes the layer.
    @discardableResult
    public func setClientSettings(_ data: Data?) -> [ConfigDiagnostic] {
        setJSONLayer(data, slot: Self.clientSlot, origin: .clientSettings)
    }

    private func setJSONLayer(_ data: Data?, slot: Int, origin: LayerOrigin) -> [ConfigDiagnostic] {
        let layer = data.map { ConfigParsing.layer(fromJSON: $0, origin: origin) }
        return state.withLock { state in
            state.slots[slot] = layer
            return Self.rebuild(&state)
        }
    }

    private func watchedPaths(userPath: String?, projectPath: String?, root: String?) -> [String] {
        // Without a project file, watch where one would appear in the workspace root.
        let projectCandidate = projectPath ?? root.map { PathText.appending(ConfigFiles.projectFileName, to: $0) }
        return [userPath, projectCandidate, trustStore.path].compactMap { $0 }
    }

    /// The directory to name in `docwright trust DIR`: the workspace root (the file was found by
    /// searching upward from it, as `docwright trust` searches), else the file's own directory.
    private static func trustDirectory(_ file: String, root: String?) -> String {
        root ?? PathText.parent(of: file)
    }

    private struct FileRead {
        var layer: ConfigLayer
        var path: String
        var trust: ProjectTrust.State?
    }

    private static func readFile(_ path: String, kind: LayerOrigin.Kind, environment: [String: String],
                                 trustStore: TrustStore?) -> FileRead? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var origin = LayerOrigin(kind: kind, display: ConfigFiles.display(path, environment: environment), filePath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            return FileRead(layer: .failed(origin, ConfigDiagnostic(severity: .error, source: origin.display, message: "cannot read the file")),
                            path: path, trust: nil)
        }
        // The digest is of the very bytes parsed below: no window for a swap between check and use.
        let trust = trustStore.map { $0.trust(ofFile: path, contents: data) }
        origin.trusted = trust.map { $0 == .trusted } ?? true
        guard let text = String(data: data, encoding: .utf8) else {
            return FileRead(layer: .failed(origin, ConfigDiagnostic(severity: .error, source: origin.display, message: "the file is not UTF-8 text")),
                            path: path, trust: trust)
        }
        return FileRead(layer: ConfigParsing.layer(fromTOML: text, origin: origin), path: path, trust: trust)
    }

    private static func rebuild(_ state: inout State) -> [ConfigDiagnostic] {
        var layers = state.slots.compactMap { $0 }
        let presets = Set(ModelPresets.names)
        let removed = TrustPolicy.restrict(&layers, presetNames: presets)
        var merged = MergedConfig(layers: layers)
        merged.untrustedModels = TrustPolicy.untrustedModelNames(removed.values.flatMap { $0 })
        var (config, findings) = EffectiveConfigBuilder.build(merged, environment: state.environment,
                                                              workspaceRoot: state.workspaceRoot)
        var diagnostics: [ConfigDiagnostic] = []
        func add(_ diagnostic: ConfigDiagnostic) {
            if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
        }
        for layer in layers {
            for diagnostic in layer.diagnostics {
                guard diagnostic.severity == .error else { add(diagnostic); continue }
                var shown = diagnostic
                if Self.blocks(diagnostic) {
                    shown.message += " (docwright sends nothing until this is fixed)"
                    config.blocked.append(shown.description)
                } else {
                    shown.message += " (this value is ignored)"
                }
                add(shown)
            }
        }
        for finding in findings { add(finding.diagnostic) }
        if var trust = state.projectTrust {
            let index = layers.firstIndex { $0.origin.kind == .project }
            if let index, let paths = removed[index] {
                let origin = layers[index].origin
                trust.ignored = paths.sorted { (origin.line(of: $0) ?? 0, $0) < (origin.line(of: $1) ?? 0, $1) }
                    .map { path in origin.line(of: path).map { "\(path) (line \($0))" } ?? path.description }
            } else {
                trust.ignored = []
            }
            state.projectTrust = trust
            config.projectTrust = trust
            if let body = trust.noticeBody {
                add(ConfigDiagnostic(severity: .warning, source: ConfigFiles.display(trust.file, environment: state.environment),
                                     message: body))
            }
        }
        state.current = config
        state.diagnostics = diagnostics
        return diagnostics
    }

    /// Errors that leave a layer's restrictive rules unknown: the file could not be parsed (no
    /// key), or a value under `privacy`, `disabled_paths`, `enabled` or `languages.*.enabled`
    /// is malformed. Dropping such a value would send more than the file allows.
    static func blocks(_ diagnostic: ConfigDiagnostic) -> Bool {
        guard diagnostic.severity == .error else { return false }
        guard let key = diagnostic.key, !key.isEmpty else { return true }
        return key == "privacy" || key.hasPrefix("privacy.") || key == "disabled_paths" || key == "enabled"
            || key == "languages" || (key.hasPrefix("languages.") && (key.hasSuffix(".enabled") || !key.dropFirst(10).contains(".")))
    }
}
