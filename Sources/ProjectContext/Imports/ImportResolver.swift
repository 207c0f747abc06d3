import Languages

/// Resolves a file's import statements to workspace files, per the language's rules.
public struct ImportResolver: Sendable {
    public let files: any WorkspaceFiles

    public init(files: any WorkspaceFiles) {
        self.files = files
    }

    /// Each statement resolved (statements naming only libraries come back with no files).
    public func resolve(_ imports: [ImportStatement], of path: String, language: Language,
                        package: String?) -> [ResolvedImport] {
        []
    }

    /// Files whose top-level definitions `path` sees without importing them (Go: the package's
    /// other files; Java/Kotlin: the same package; Swift: the same module), not `path` itself.
    public func implicitlyVisibleFiles(of path: String, language: Language, package: String?) -> [String] {
        []
    }
}
