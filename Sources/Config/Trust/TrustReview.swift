import FoundationEssentials

/// What trusting a project file would allow, for `docwright trust` to show before it records
/// the file, and for `--list`.
public enum TrustReview {
    public struct Review: Sendable {
        /// `models.evil.base_url = "http://…" (line 9)` for each setting that takes effect only
        /// once the file is trusted.
        public var settings: [String]
        /// Errors that make the file unusable whether trusted or not (a syntax error).
        public var errors: [String]
    }

    /// Reads the project file at `path` (and the user file, which decides which model names
    /// already exist) and lists the settings that need trust.
    public static func review(projectFile path: String, environment: [String: String]) -> Review {
        var origin = LayerOrigin(kind: .project, display: ConfigFiles.display(path, environment: environment), filePath: path)
        origin.trusted = false
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return Review(settings: [], errors: ["\(origin.display): cannot read the file as UTF-8 text"])
        }
        let project = ConfigParsing.layer(fromTOML: text, origin: origin)
        var layers = [project]
        if let userPath = ConfigFiles.userConfigPath(environment: environment),
           let userText = try? String(contentsOfFile: userPath, encoding: .utf8) {
            layers.insert(ConfigParsing.layer(fromTOML: userText, origin: LayerOrigin(kind: .user, display: userPath)), at: 0)
        }
        let original = project.values
        let removed = TrustPolicy.restrict(&layers, presetNames: Set(ModelPresets.names))[layers.count - 1] ?? []
        let settings = removed.map { path in
            let value = original[path].map { " = " + $0.display } ?? ""
            return "\(path)\(value)" + (project.origin.line(of: path).map { " (line \($0))" } ?? "")
        }
        let errors = project.diagnostics.filter { $0.severity == .error }.map(\.description)
        return Review(settings: settings, errors: errors)
    }
}
