import DocwrightCore
import Languages

/// What one file can see: the files its imports resolve to (by name or as modules), the files
/// visible without an import, and the whole workspace for specific names.
struct Scope {
    let index: WorkspaceIndex
    let path: String
    /// Local name → the imported name and the files of the statements that bring it
    /// (`from m import Y as Z` → `Z: (Y, [m.py])`).
    private(set) var namedImports: [String: (name: String, files: [String])] = [:]
    /// Files imported as modules, and the files visible without an import.
    private(set) var moduleFiles: [String] = []
    /// Names imported by name, in statement order.
    private(set) var importedNames: [String] = []
    /// The asking file's language.
    private(set) var language: Language?

    /// A name used this many times across the workspace is too common to guess its file.
    static let ambiguousAt = 4

    init(index: WorkspaceIndex, path: String, outline: FileOutline?, language: Language?) {
        self.index = index
        self.path = path
        guard let outline, let language = language ?? Languages.named(outline.language) else { return }
        self.language = language
        let resolver = index.resolver
        var modules: [String] = []
        for resolved in resolver.resolve(outline.imports, of: path, language: language, package: outline.package) {
            if resolved.names.isEmpty || resolved.wildcard {
                modules += resolved.files
            }
            let renamed = Dictionary(resolved.localNames.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
            for name in resolved.names {
                let local = renamed[name] ?? name
                namedImports[local, default: (name, [])].files += resolved.files
                if !importedNames.contains(local) { importedNames.append(local) }
            }
            // A name may be a submodule (`from pkg import tax`): its file counts as a module.
            for name in resolved.names {
                modules += resolved.files.filter { WorkspacePath.fileName(of: $0).hasPrefix(name + ".") }
            }
        }
        modules += resolver.implicitlyVisibleFiles(of: path, language: language, package: outline.package)
        var seen: Set<String> = [path]
        moduleFiles = modules.filter { seen.insert($0).inserted }
    }

    /// Where `name` is defined, from the closest scope that has it: imported by name (tier 0),
    /// an imported module or a visible file (tier 1), anywhere in the workspace (tier 2, only for
    /// names specific enough to guess). Never the file itself.
    /// The name found is the definition's own (`Y` for a local `Z` imported as `from m import Y as Z`).
    func lookup(_ local: String) -> [(path: String, tier: Int, name: String)] {
        var name = local
        if let imported = namedImports[local] {
            name = imported.name
            let defining = imported.files.filter { $0 != path && defines($0, name) }
            if !defining.isEmpty { return defining.map { ($0, 0, name) } }
        }
        let inModules = moduleFiles.filter { defines($0, name) }
        if !inModules.isEmpty { return inModules.map { ($0, 1, name) } }
        guard name.count >= 3 else { return [] }
        // Anywhere in the workspace: only files of this language's family.
        let anywhere = index.paths(defining: name).filter { other in
            other != path && (language.map { ContextSelector.sameFamily(other, as: $0) } ?? true)
        }
        guard !anywhere.isEmpty, anywhere.count < Self.ambiguousAt else { return [] }
        return anywhere.sorted { closeness($0) > closeness($1) || (closeness($0) == closeness($1) && $0 < $1) }
            .map { ($0, 2, name) }
    }

    /// Top-level definitions of the imported and visible files, for matching prose words.
    var visibleDefinitions: [(path: String, name: String)] {
        var result: [(String, String)] = []
        var files: [String] = []
        for name in importedNames { files += namedImports[name]?.files ?? [] }
        files += moduleFiles
        var seen: Set<String> = []
        for file in files where seen.insert(file).inserted && file != path {
            for definition in index.outline(of: file)?.definitions ?? [] where definition.container == nil {
                result.append((file, definition.name))
            }
        }
        return result
    }

    private func defines(_ file: String, _ name: String) -> Bool {
        index.outline(of: file)?.definitions.contains { $0.name == name } ?? false
    }

    /// Directory segments shared with the file asking.
    private func closeness(_ other: String) -> Int {
        zip(path.split(separator: "/").dropLast(), other.split(separator: "/").dropLast()).prefix { $0 == $1 }.count
    }
}

/// The chosen definitions and chunks, each once, with why; fitted to the budget at the end.
struct Picks {
    struct Pick {
        var path: String
        var name: String
        var reason: ContextSnippet.Reason
        var tier: Int
        var detail: String
        var definitions: [Definition]
        var text: String
        var line: Int
        var sequence: Int
    }

    let index: WorkspaceIndex
    let currentPath: String
    private(set) var chosen: [Pick] = []
    private var keys: Set<String> = []

    init(index: WorkspaceIndex, currentPath: String) {
        self.index = index
        self.currentPath = currentPath
    }

    /// Adds the definition `name` of `path` (with the methods declared apart for it), once.
    mutating func add(_ path: String, name: String, reason: ContextSnippet.Reason, tier: Int, detail: String) {
        guard keys.insert(path + "\u{1}" + name).inserted, let outline = index.outline(of: path) else { return }
        let own = outline.definitions.filter { $0.name == name && $0.container == nil }
        guard !own.isEmpty else { return }
        let methods = outline.definitions.filter { $0.container == name }
        let definitions = own + methods
        chosen.append(Pick(path: path, name: name, reason: reason, tier: tier, detail: detail, definitions: definitions,
                           text: definitions.map(\.stub).joined(separator: "\n\n"), line: own[0].line,
                           sequence: chosen.count))
    }

    mutating func addChunk(_ chunk: RecentEdits.Chunk) {
        guard keys.insert(chunk.path + "\u{1}#\(chunk.line)").inserted else { return }
        chosen.append(Pick(path: chunk.path, name: "", reason: .recentEdit, tier: 0, detail: "edited recently",
                           definitions: [], text: chunk.text, line: chunk.line, sequence: chosen.count))
    }

    /// The picks in rank order that fit the budget, from files the filter still allows.
    func fitted(to budget: TokenBudget) -> [ContextSnippet] {
        let ranked = chosen.sorted {
            ($0.reason, $0.tier, $0.sequence) < ($1.reason, $1.tier, $1.sequence)
        }
        var left = budget.maxTokens
        var allowed: [String: Bool] = [:]
        var result: [ContextSnippet] = []
        for pick in ranked {
            let permitted = allowed[pick.path] ?? index.allows(pick.path, text: nil)
            allowed[pick.path] = permitted
            guard permitted else { continue }
            // The path header each file gets in the prompt costs tokens too.
            let cost = budget.tokens(pick.text) + budget.tokens(pick.path) + 4
            guard cost <= left else { continue }
            left -= cost
            let language = index.outline(of: pick.path)?.language ?? Languages.id(forPath: pick.path) ?? ""
            result.append(ContextSnippet(path: pick.path, language: language, text: pick.text,
                                         symbols: pick.name.isEmpty ? [] : [pick.name], reason: pick.reason,
                                         detail: pick.detail, line: pick.line))
        }
        return result
    }
}
