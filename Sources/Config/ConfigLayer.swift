/// Where a layer came from, which decides what it may contain (no literal keys in project files)
/// and how its values are cited in diagnostics and provenance.
struct LayerOrigin: Sendable {
    enum Kind: Sendable, Hashable {
        case user, project, initializationOptions, clientSettings
    }

    var kind: Kind
    /// `~/.config/docwright/config.toml`, `initializationOptions`, `workspace settings`.
    var display: String
    /// Absolute path of the file for file layers.
    var filePath: String?
    var lineIndex: TOMLLineIndex?
    /// False for a project file the user has not trusted (or that changed since): `TrustPolicy`
    /// removes the keys such a file may not set before the layers are merged.
    var trusted = true

    func line(of path: ConfigKeyPath) -> Int? { lineIndex?.line(for: path) }

    /// "file:line" for files, the layer name otherwise.
    func citation(of path: ConfigKeyPath) -> String {
        if let line = line(of: path) { return "\(display):\(line)" }
        return display
    }

    static let initializationOptions = LayerOrigin(kind: .initializationOptions, display: "initializationOptions")
    static let clientSettings = LayerOrigin(kind: .clientSettings, display: "workspace settings")
}

/// One validated configuration layer: its leaf values by key path (route items appear as
/// `routes[i].key`) plus the diagnostics found while reading it.
struct ConfigLayer: Sendable {
    var origin: LayerOrigin
    var values: [ConfigKeyPath: ConfigValue] = [:]
    /// Number of routes when the layer sets `routes` at all (an empty list clears earlier routes).
    var routeCount: Int?
    var diagnostics: [ConfigDiagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// A layer that failed before any value could be read (syntax error, unreadable file).
    static func failed(_ origin: LayerOrigin, _ diagnostic: ConfigDiagnostic) -> ConfigLayer {
        ConfigLayer(origin: origin, diagnostics: [diagnostic])
    }

    func diagnostic(_ severity: ConfigDiagnostic.Severity, _ path: ConfigKeyPath?, _ message: String) -> ConfigDiagnostic {
        ConfigDiagnostic(
            severity: severity, source: origin.display, line: path.flatMap { origin.line(of: $0) },
            key: path?.description, message: message)
    }
}
