import DocwrightCore
import Languages
import Syntax

/// Go: `import "p"`, `import alias "p"`, `import ( … )` blocks, `import . "p"`, `import _ "p"`. An
/// import path inside a module of the workspace (its `go.mod` `module` line) is the package
/// directory's non-test `.go` files; the standard library and other modules have none.
extension ImportResolver {
    func resolveGo(_ statement: String, of path: String) -> [ResolvedImport] {
        let text = statement
        var out: [ResolvedImport] = []
        for quoted in QuotedLiteral.all(in: text) where quoted.value != "" {
            // The alias is the word just before the path (after `import`, `(`, `;` or a newline).
            let before = quoted.before.reversed().drop(while: { $0 == " " || $0 == "\t" })
            let word = String(before.prefix { !$0.isWhitespace && $0 != "(" && $0 != ";" }.reversed())
            let importPath = quoted.value
            let files = goPackageFiles(importPath: importPath, from: path)
            var entry = ResolvedImport(statement: statement, files: files)
            switch word {
            case ".": entry.wildcard = true
            case "_": break
            case "import", "": entry.aliases = [goPackageName(importPath: importPath, files: files)]
            default:
                if ImportText.isIdentifier(word) { entry.aliases = [word] }
                else { entry.aliases = [goPackageName(importPath: importPath, files: files)] }
            }
            out.append(entry)
        }
        return out
    }

    /// The package's other non-test files (every `.go` file of the directory, for a test file).
    func goPackageFiles(of path: String) -> [String] {
        let isTest = path.hasSuffix("_test.go")
        return sourceFiles(in: WorkspacePath.directory(of: path), extensions: ["go"]) { name in
            !isTest && name.hasSuffix("_test.go")
        }
    }

    /// The non-test `.go` files of the package an import path names, when a module of the
    /// workspace holds it.
    func goPackageFiles(importPath: String, from path: String) -> [String] {
        for (moduleDirectory, modulePath) in goModules(from: path) {
            let relative: String
            if importPath == modulePath {
                relative = ""
            } else if importPath.hasPrefix(modulePath + "/") {
                relative = String(importPath.dropFirst(modulePath.count + 1))
            } else {
                continue
            }
            guard let directory = WorkspacePath.join(moduleDirectory, relative),
                  relative.isEmpty || !relative.split(separator: "/").contains("..") else { continue }
            return sourceFiles(in: directory, extensions: ["go"]) { $0.hasSuffix("_test.go") }
        }
        return []
    }

    /// The workspace's Go modules as (directory, module path): the nearest `go.mod` above `path`
    /// first, then the others, longest module path first.
    private func goModules(from path: String) -> [(String, String)] {
        var nearest: [String] = []
        if let found = nearestDirectory(holding: "go.mod", from: WorkspacePath.directory(of: path)) {
            nearest.append(found)
        }
        let others = directories(holding: "go.mod").compactMap { dir in goModulePath(dir).map { (dir, $0) } }
            .sorted { $0.1.count > $1.1.count }
        return nearest.compactMap { dir in goModulePath(dir).map { (dir, $0) } } + others
    }

    /// The `module` line of `directory/go.mod`, cached.
    func goModulePath(_ directory: String) -> String? {
        cache.text("go-module:" + directory) {
            guard let text = files.text(of: Self.child(directory, "go.mod")) else { return nil }
            for line in ImportText.withoutLineComments(text, marker: "//").split(separator: "\n") {
                guard let rest = ImportText.after("module", in: line) else { continue }
                let value = rest.trimmingWhitespace().filter { $0 != "\"" && $0 != "`" }
                return value.isEmpty ? nil : value
            }
            return nil
        }
    }

    /// The package name the files declare (`package billing`), else the path's last segment that
    /// is not a major version (`v2`).
    private func goPackageName(importPath: String, files packageFiles: [String]) -> String {
        if let first = packageFiles.first {
            let declared = cache.text("go-package:" + WorkspacePath.directory(of: first)) {
                for file in packageFiles.prefix(3) {
                    guard let text = files.text(of: file) else { continue }
                    if let name = Self.goPackageClause(text) { return name }
                }
                return nil
            }
            if let declared { return declared }
        }
        let segments = importPath.split(separator: "/").map(String.init)
        if segments.count >= 2, let last = segments.last, last.hasPrefix("v"), Int(last.dropFirst()) != nil {
            return segments[segments.count - 2]
        }
        return segments.last ?? importPath
    }

    /// The name a Go file's `package` clause declares, read by the grammar from the file's head
    /// (the clause comes before anything else but comments).
    static func goPackageClause(_ text: String) -> String? {
        var head = Array(text.utf8.prefix(16_384))
        if head.count < text.utf8.count, let lastBreak = head.lastIndex(of: 0x0A) { head.removeSubrange((lastBreak + 1)...) }
        guard let grammar = try? Grammars.shared.language("go"),
              let tree = try? SyntaxParser().parse(utf8: head, language: grammar) else { return nil }
        let root = tree.root
        for index in 0..<min(root.namedChildCount, 64) {
            guard let clause = root.namedChild(index), clause.type == "package_clause" else { continue }
            return clause.namedChildren.first { $0.type == "package_identifier" }?.text
        }
        return nil
    }
}
