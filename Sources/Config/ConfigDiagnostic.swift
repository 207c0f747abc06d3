import DocwrightCore

/// A problem found while loading configuration. Errors mean the layer that contains them was
/// not applied (the previous valid version of that layer stays); warnings are applied anyway.
/// Messages never contain secret values.
public struct ConfigDiagnostic: Sendable, Hashable, UserFacingError, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    /// Where it came from: a file path (home shown as `~`), `initializationOptions` or
    /// `workspace settings`.
    public var source: String
    /// One-based line in `source` when it is a file and the line is known.
    public var line: Int?
    /// Dotted key, e.g. `models.gpt.n` or `routes[1].model`, when the problem is about one key.
    public var key: String?
    /// What is wrong, without the location (e.g. "models.gpt.n must be an integer, got string").
    public var message: String

    public init(severity: Severity, source: String, line: Int? = nil, key: String? = nil, message: String) {
        self.severity = severity
        self.source = source
        self.line = line
        self.key = key
        self.message = message
    }

    /// `~/.config/docwright/config.toml:12: models.gpt.n must be an integer, got string`
    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }

    /// The text to show in `window/showMessage`.
    public var userMessage: String { "docwright config \(severity.rawValue): \(description)" }
}
