import Foundation
import Synchronization

/// Holds the configuration layers and the effective configuration built from them.
///
/// Layers, later wins: built-in defaults → user file (`$XDG_CONFIG_HOME/docwright/config.toml`,
/// else `~/.config/…`) → project file (`.docwright.toml`, searched upward from the workspace root
/// up to `$HOME` or `/`) → `initializationOptions` → `workspace/didChangeConfiguration` settings.
///
/// A layer with an error (syntax, wrong type, unknown model, …) is not applied: the previous valid
/// version of that layer stays in effect, and the error is returned for `window/showMessage`.
/// `init` does no IO; call `reload()` to read the files. `reload()` reads small local files
/// synchronously (never the network): call it from a thread that may block briefly.
public final class ConfigStore: Sendable {
    private struct Slot: Sendable {
        /// The most recently read version (possibly broken).
        var latest: ConfigLayer?
        /// The last version that was applied without errors.
        var accepted: ConfigLayer?
    }

    private struct State: Sendable {
        var environment: [String: String]
        var workspaceRoot: String?
        var projectPath: String?
        /// user, project, initializationOptions, client settings.
        var slots = [Slot](repeating: Slot(), count: 4)
        var current: EffectiveConfig
        var diagnostics: [ConfigDiagnostic] = []
    }

    private static let userSlot = 0, projectSlot = 1, initSlot = 2, clientSlot = 3
    private let state: Mutex<State>

    /// - Parameters:
    ///   - environment: used for `XDG_CONFIG_HOME`, `HOME`, `XDG_CACHE_HOME`, `DOCWRIGHT_LOCAL_MODEL_URL`.
    ///   - workspaceRoot: absolute path or `file://` URI of the workspace; globs are relative to it.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, workspaceRoot: String? = nil) {
        let root = workspaceRoot.map(Glob.plainPath)
        state = Mutex(State(
            environment: environment, workspaceRoot: root,
            current: .defaults(environment: environment, workspaceRoot: root)))
    }

    /// The configuration in force. Take it once per request.
    public var current: EffectiveConfig { state.withLock { $0.current } }

    /// Every diagnostic of the layers as they are now (warnings of applied layers, errors of
    /// rejected ones).
    public var diagnostics: [ConfigDiagnostic] { state.withLock { $0.diagnostics } }

    /// The user file's path (whether or not it exists).
    public var userConfigPath: String? { state.withLock { ConfigFiles.userConfigPath(environment: $0.environment) } }

    /// The project file found by the last `reload()`, if any.
    public var projectConfigPath: String? { state.withLock { $0.projectPath } }

    /// Where each effective value came from (see `EffectiveConfig.provenance()`).
    public func provenance() -> [(key: String, value: String, source: String)] { current.provenance() }

    /// Re-reads the user and project files and rebuilds the configuration. Returns the
    /// diagnostics of all layers (empty when everything is fine).
    @discardableResult
    public func reload() -> [ConfigDiagnostic] {
        let (environment, root) = state.withLock { ($0.environment, $0.workspaceRoot) }
        let userPath = ConfigFiles.userConfigPath(environment: environment)
        let projectPath = ConfigFiles.findProjectFile(workspaceRoot: root, environment: environment)
        let user = userPath.flatMap { Self.readFile($0, kind: .user, environment: environment) }
        let project = projectPath.flatMap { Self.readFile($0, kind: .project, environment: environment) }
        return state.withLock { state in
            state.projectPath = projectPath
            state.slots[Self.userSlot].latest = user
            state.slots[Self.projectSlot].latest = project
            if user == nil { state.slots[Self.userSlot].accepted = nil }
            if project == nil { state.slots[Self.projectSlot].accepted = nil }
            return Self.rebuild(&state)
        }
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
            state.slots[slot].latest = layer
            if layer == nil { state.slots[slot].accepted = nil }
            return Self.rebuild(&state)
        }
    }

    private static func readFile(_ path: String, kind: LayerOrigin.Kind, environment: [String: String]) -> ConfigLayer? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let origin = LayerOrigin(kind: kind, display: ConfigFiles.display(path, environment: environment), filePath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed(origin, ConfigDiagnostic(severity: .error, source: origin.display, message: "cannot read the file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failed(origin, ConfigDiagnostic(severity: .error, source: origin.display, message: "the file is not UTF-8 text"))
        }
        return ConfigParsing.layer(fromTOML: text, origin: origin)
    }

    /// Chooses a version of each layer, builds, and steps back the layers that cause errors
    /// after merging (e.g. a route naming a model no layer defines) until the result is clean.
    private static func rebuild(_ state: inout State) -> [ConfigDiagnostic] {
        enum Choice { case latest, accepted, none }
        var choices: [Choice] = state.slots.map { slot in
            guard let latest = slot.latest else { return .none }
            return latest.hasErrors ? (slot.accepted == nil ? .none : .accepted) : .latest
        }
        var rejected = Set(state.slots.indices.filter { state.slots[$0].latest?.hasErrors == true })
        var lateFindings: [Int: [ConfigDiagnostic]] = [:]
        var result = EffectiveConfigBuilder.build(MergedConfig(layers: []), environment: state.environment,
                                                  workspaceRoot: state.workspaceRoot)
        for _ in 0..<(2 * state.slots.count + 1) {
            var slotOfLayer: [Int] = []
            var layers: [ConfigLayer] = []
            for (index, choice) in choices.enumerated() {
                let layer: ConfigLayer?
                switch choice {
                case .latest: layer = state.slots[index].latest
                case .accepted: layer = state.slots[index].accepted
                case .none: layer = nil
                }
                if let layer { slotOfLayer.append(index); layers.append(layer) }
            }
            result = EffectiveConfigBuilder.build(MergedConfig(layers: layers), environment: state.environment,
                                                  workspaceRoot: state.workspaceRoot)
            let errors = result.findings.filter { $0.diagnostic.severity == .error }
            if errors.isEmpty { break }
            for finding in errors {
                let slot = slotOfLayer[finding.layer]
                if choices[slot] == .latest {
                    lateFindings[slot, default: []].append(finding.diagnostic)
                    rejected.insert(slot)
                }
                choices[slot] = choices[slot] == .latest && state.slots[slot].accepted != nil ? .accepted : .none
            }
        }
        var diagnostics: [ConfigDiagnostic] = []
        for (index, slot) in state.slots.enumerated() {
            guard let latest = slot.latest else { continue }
            var own = latest.diagnostics + (lateFindings[index] ?? [])
            if rejected.contains(index) {
                let note = slot.accepted == nil ? " (not applied until fixed)" : " (not applied; its previous valid version stays)"
                own = own.map { d in
                    var d = d
                    if d.severity == .error { d.message += note }
                    return d
                }
            } else {
                state.slots[index].accepted = latest
            }
            diagnostics += own
        }
        diagnostics += result.findings.map(\.diagnostic).filter { $0.severity == .warning && !diagnostics.contains($0) }
        state.current = result.config
        state.diagnostics = diagnostics
        return diagnostics
    }
}
