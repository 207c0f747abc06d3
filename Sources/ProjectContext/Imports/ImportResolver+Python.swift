import DocwrightCore

/// Python: `import a.b [as c], d`, `from a.b import X, Y as Z`, `from . import x`, `from ..p.m import
/// (y, z)`, `from m import *`. Modules are `a/b.py`, `a/b/__init__.py` or their `.pyi` stubs,
/// searched from the importing file's top package's parent, the workspace root, `src/`, the
/// directories holding `pyproject.toml`/`setup.py`/`setup.cfg` (and their `src/`), and the importing
/// file's own directory.
extension ImportResolver {
    func resolvePython(_ statement: String, of path: String) -> [ResolvedImport] {
        // One line: comments, continuations and parentheses gone.
        var flat = String.UnicodeScalarView()
        for scalar in statement.unicodeScalars {
            switch scalar {
            case "(", ")", "\\", "\n", "\r", "\t": flat.append(" ")
            default: flat.append(scalar)
            }
        }
        let text = String(flat).trimmingWhitespace()
        if let rest = ImportText.after("from", in: text) {
            return pythonFrom(rest, statement: statement, of: path)
        }
        guard let rest = ImportText.after("import", in: text) else { return [] }
        var out: [ResolvedImport] = []
        for item in rest.split(separator: ",") {
            guard let (module, local) = ImportText.renamed(String(item)) else { continue }
            let segments = module.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard segments.allSatisfy(ImportText.isIdentifier) else { continue }
            // `import a.b` binds `a`; `import a.b as c` binds `c`.
            let alias = local == module ? segments[0] : local
            let file = pythonModule(segments, roots: pythonRoots(of: path)).file
            out.append(ResolvedImport(statement: statement, files: file.map { [$0] } ?? [], aliases: [alias]))
        }
        return out
    }

    private func pythonFrom(_ rest: Substring, statement: String, of path: String) -> [ResolvedImport] {
        // `from X import …` (also `from .import x`).
        let moduleText: Substring
        let namesText: Substring
        if let range = rest.firstRange(of: " import ") {
            moduleText = rest[..<range.lowerBound]
            namesText = rest[range.upperBound...]
        } else if let range = rest.firstRange(of: "import "), rest[..<range.lowerBound].allSatisfy({ $0 == "." }) {
            moduleText = rest[..<range.lowerBound]
            namesText = rest[range.upperBound...]
        } else {
            return []
        }
        let module = moduleText.trimmingWhitespace()
        let level = module.prefix { $0 == "." }.count
        let dotted = module.dropFirst(level)
        let segments = dotted.isEmpty ? [] : dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let items = namesText.split(separator: ",").compactMap { ImportText.renamed(String($0)) }
        guard segments.allSatisfy(ImportText.isIdentifier), !module.isEmpty else {
            return [ResolvedImport(statement: statement, files: [])]
        }

        // The module file and the package directory its submodules are in.
        var found: (file: String?, directory: String?) = (nil, nil)
        if level > 0 {
            let climb = Array(repeating: "..", count: level - 1).joined(separator: "/")
            if let base = WorkspacePath.join(WorkspacePath.directory(of: path), climb) {
                if segments.isEmpty {
                    found = (firstFile([Self.child(base, "__init__.py"), Self.child(base, "__init__.pyi")]), base)
                } else {
                    found = pythonModule(segments, roots: [base], namespaces: true)
                }
            }
        } else if !segments.isEmpty {
            found = pythonModule(segments, roots: pythonRoots(of: path), namespaces: true)
        }

        var out: [ResolvedImport] = []
        var main = ResolvedImport(statement: statement, files: found.file.map { [$0] } ?? [])
        for (name, local) in items {
            if name == "*" {
                main.wildcard = true
                continue
            }
            guard ImportText.isIdentifier(name) else { continue }
            // `from a import b` where `b` is a module of package `a`.
            if let directory = found.directory,
               let submodule = pythonModule([name], roots: [directory]).file {
                out.append(ResolvedImport(statement: statement, files: [submodule], aliases: [local]))
                continue
            }
            main.names.append(name)
            if local != name { main.localNames[local] = name }
        }
        if !main.names.isEmpty || main.wildcard || out.isEmpty { out.insert(main, at: 0) }
        return out
    }

    /// The module file of a dotted path in the first root that has it (a package's `__init__.py`
    /// before a module `.py`, as Python looks, then `.pyi` stubs), and its package directory when it
    /// is a package. With `namespaces`, a directory without `__init__.py` counts as a (namespace)
    /// package when no root has a file for the path.
    func pythonModule(_ segments: [String], roots: [String], namespaces: Bool = false) -> (file: String?, directory: String?) {
        guard !segments.isEmpty else { return (nil, nil) }
        let relative = segments.joined(separator: "/")
        for root in roots {
            let base = Self.child(root, relative)
            if let file = firstFile([Self.child(base, "__init__.py"), Self.child(base, "__init__.pyi")]) {
                return (file, base)
            }
            if let file = firstFile([base + ".py", base + ".pyi"]) { return (file, nil) }
        }
        guard namespaces else { return (nil, nil) }
        return (nil, roots.lazy.map { Self.child($0, relative) }.first { files.isDirectory($0) })
    }

    /// Where absolute imports of `path` are searched, most likely first.
    func pythonRoots(of path: String) -> [String] {
        let directory = WorkspacePath.directory(of: path)
        return cache.list("python-roots:" + directory) { pythonRoots(directory: directory) }
    }

    private func pythonRoots(directory: String) -> [String] {
        var roots: [String] = []
        // The parent of the importing file's top package (walk up while `__init__.py` exists).
        var top = directory
        var inPackage = false
        while !top.isEmpty, files.isFile(Self.child(top, "__init__.py")) || files.isFile(Self.child(top, "__init__.pyi")) {
            inPackage = true
            top = WorkspacePath.directory(of: top)
        }
        if inPackage { roots.append(top) }
        roots += ["", "src"]
        // Project directories above the file, and any in the workspace (monorepos).
        let markers = ["pyproject.toml", "setup.py", "setup.cfg"]
        var projects = Self.selfAndAncestors(directory).filter { dir in
            markers.contains { files.isFile(Self.child(dir, $0)) }
        }
        projects += cache.list("python-projects") {
            Self.unique(markers.flatMap { directories(holding: $0) }).sorted()
        }
        for project in projects {
            roots.append(project)
            roots.append(Self.child(project, "src"))
        }
        roots.append(directory)
        return Self.unique(roots).filter { $0.isEmpty || files.isDirectory($0) }
    }
}
