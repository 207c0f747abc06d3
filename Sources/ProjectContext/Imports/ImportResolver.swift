import Languages
import Synchronization

/// Resolves a file's import statements to workspace files, per the language's rules.
///
/// Reads the workspace only through `files` (so open documents and exclusions apply). Facts about
/// the workspace's layout (the directory tree, `go.mod` module paths, Cargo crates, Python
/// project roots, package names) are cached inside the resolver on first use: make a new
/// resolver, or call `clearCache()`, when files are added, removed or moved.
public struct ImportResolver: Sendable {
    public let files: any WorkspaceFiles
    let cache = ImportResolverCache()

    /// Files one module or package may resolve to at most (a Go package, a Java wildcard, a
    /// Swift module, a C# namespace).
    public static let maximumFilesPerImport = 200
    /// Directories the workspace walk visits at most (the walk finds Java/C# package
    /// directories, Swift modules, Go modules and Cargo crates below the root).
    public static let maximumDirectories = 20_000
    /// Directory names the walk skips (besides hidden ones): dependencies and build output.
    static let skippedDirectories: Set<String> = [
        "node_modules", "__pycache__", "target", "build", "dist", "out", "vendor", "venv", "bower_components",
        "Pods", "DerivedData", "bin", "obj",
    ]

    public init(files: any WorkspaceFiles) {
        self.files = files
    }

    /// Forgets the cached layout facts (after files were added, removed or moved).
    public func clearCache() {
        cache.clear()
    }

    /// Each statement resolved (statements naming only libraries come back with no files). A
    /// statement naming several modules yields one value per module.
    public func resolve(_ imports: [ImportStatement], of path: String, language: Language,
                        package: String?) -> [ResolvedImport] {
        imports.flatMap { resolve($0.text, of: path, language: language, package: package) }
    }

    /// One statement's text resolved.
    public func resolve(_ statement: String, of path: String, language: Language, package: String?) -> [ResolvedImport] {
        let resolved: [ResolvedImport]
        switch language.importForm {
        case .python: resolved = resolvePython(statement, of: path)
        case .ecmascript: resolved = resolveECMAScript(statement, of: path)
        case .go: resolved = resolveGo(statement, of: path)
        case .rust: resolved = resolveRust(statement, of: path)
        case .swift: resolved = resolveSwift(statement, of: path)
        case .jvm: resolved = resolveJVM(statement, of: path, language: language, package: package)
        case .include: resolved = resolveInclude(statement, of: path)
        case .csharp: resolved = resolveCSharp(statement, of: path)
        case .ruby: resolved = resolveRuby(statement, of: path)
        case .lua: resolved = resolveLua(statement, of: path)
        }
        return resolved.map { entry in
            var entry = entry
            entry.files = Self.unique(entry.files.filter { $0 != path })
            entry.names = Self.unique(entry.names)
            entry.aliases = Self.unique(entry.aliases)
            return entry
        }
    }

    /// Files whose top-level definitions `path` sees without importing them (Go: the package's
    /// other files; Java/Kotlin: the same package; Swift: the same module; C#: the same
    /// directory), not `path` itself.
    public func implicitlyVisibleFiles(of path: String, language: Language, package: String?) -> [String] {
        let found: [String]
        switch language.importForm {
        case .go: found = goPackageFiles(of: path)
        case .jvm: found = jvmPackageFiles(of: path, language: language, package: package)
        case .swift: found = swiftModuleFiles(of: path)
        case .csharp: found = sourceFiles(in: WorkspacePath.directory(of: path), extensions: ["cs"])
        case .python, .ecmascript, .rust, .include, .ruby, .lua: found = []
        }
        return Array(Self.unique(found.filter { $0 != path }).prefix(Self.maximumFilesPerImport))
    }

    // MARK: - Shared helpers

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// `dir/name` (`name` when `dir` is the root).
    static func child(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }

    /// The ancestors of a directory, nearest first, ending with the root "" (the directory itself first).
    static func selfAndAncestors(_ directory: String) -> [String] {
        var out = [directory]
        var current = directory
        while !current.isEmpty {
            current = WorkspacePath.directory(of: current)
            out.append(current)
        }
        return out
    }

    /// The extension of a file name, lower case, without the dot ("" when none).
    static func fileExtension(_ path: String) -> String {
        let name = WorkspacePath.fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The first existing file of `candidates` (nil candidates, from a refused join, skipped).
    func firstFile(_ candidates: [String?]) -> String? {
        for case let candidate? in candidates where !candidate.isEmpty && files.isFile(candidate) { return candidate }
        return nil
    }

    /// The files of one directory with one of `extensions`, sorted, capped.
    func sourceFiles(in directory: String, extensions: Set<String>, excluding: (String) -> Bool = { _ in false })
        -> [String] {
        guard directory.isEmpty || files.isDirectory(directory) else { return [] }
        var out: [String] = []
        for name in files.entries(of: directory) where extensions.contains(Self.fileExtension(name)) && !excluding(name) {
            let path = Self.child(directory, name)
            if files.isFile(path) { out.append(path) }
            if out.count >= Self.maximumFilesPerImport { break }
        }
        return out
    }

    /// The files below a directory (recursively, skipping hidden and build directories) with one of
    /// `extensions`, capped.
    func sourceFilesRecursively(in directory: String, extensions: Set<String>) -> [String] {
        var out: [String] = []
        var pending = [directory]
        var visited = 0
        while let current = pending.first, out.count < Self.maximumFilesPerImport, visited < Self.maximumDirectories {
            pending.removeFirst()
            visited += 1
            for name in files.entries(of: current) {
                let path = Self.child(current, name)
                if extensions.contains(Self.fileExtension(name)), files.isFile(path) {
                    out.append(path)
                    if out.count >= Self.maximumFilesPerImport { break }
                } else if !name.hasPrefix("."), !Self.skippedDirectories.contains(name), files.isDirectory(path) {
                    pending.append(path)
                }
            }
        }
        return out
    }

    /// Every directory of the workspace below the root (breadth first, skipping hidden, dependency
    /// and build directories, capped), cached.
    func allDirectories() -> [String] {
        cache.list("dirs") {
            var out: [String] = []
            var pending = [""]
            var index = 0
            while index < pending.count, out.count < Self.maximumDirectories {
                let current = pending[index]
                index += 1
                for name in files.entries(of: current) where !name.hasPrefix(".") && !Self.skippedDirectories.contains(name) {
                    let path = Self.child(current, name)
                    guard Self.fileExtension(name).isEmpty || !files.isFile(path), files.isDirectory(path) else { continue }
                    out.append(path)
                    pending.append(path)
                    if out.count >= Self.maximumDirectories { break }
                }
            }
            return out
        }
    }

    /// Directories whose path is `suffix` or ends with `/suffix` (`com/acme/billing`), cached per suffix.
    func directories(endingWith suffix: String) -> [String] {
        guard !suffix.isEmpty else { return [] }
        return cache.list("dirs-ending:" + suffix) {
            allDirectories().filter { $0 == suffix || $0.hasSuffix("/" + suffix) }
        }
    }

    /// Directories (root included) that hold a file named `marker`, cached.
    func directories(holding marker: String) -> [String] {
        cache.list("dirs-holding:" + marker) {
            ([""] + allDirectories()).filter { files.isFile(Self.child($0, marker)) }
        }
    }

    /// The nearest directory at or above `directory` holding a file named `marker`, cached.
    func nearestDirectory(holding marker: String, from directory: String) -> String? {
        cache.text("nearest:\(marker):\(directory)") {
            Self.selfAndAncestors(directory).first { files.isFile(Self.child($0, marker)) }
        }
    }
}

/// Layout facts an `ImportResolver` computed, shared by its copies.
final class ImportResolverCache: Sendable {
    private enum Entry: Sendable {
        case text(String?)
        case list([String])
    }

    private let table = Mutex<[String: Entry]>([:])

    func clear() {
        table.withLock { $0.removeAll() }
    }

    /// The cached optional string for `key`, computing it (outside the lock) on first use.
    func text(_ key: String, _ compute: () -> String?) -> String? {
        if case .text(let value)? = table.withLock({ $0[key] }) { return value }
        let value = compute()
        table.withLock { $0[key] = .text(value) }
        return value
    }

    /// The cached list for `key`, computing it (outside the lock) on first use.
    func list(_ key: String, _ compute: () -> [String]) -> [String] {
        if case .list(let value)? = table.withLock({ $0[key] }) { return value }
        let value = compute()
        table.withLock { $0[key] = .list(value) }
        return value
    }
}
