import DocwrightCore
import Languages

/// Swift (`import M` → the SwiftPM target `Sources/M`), C# (`using A.B;` → the directories of the
/// namespace), Ruby (`require_relative`, `require` from `lib/`) and Lua (`require("a.b")`).
extension ImportResolver {
    // MARK: Swift

    func resolveSwift(_ statement: String, of path: String) -> [ResolvedImport] {
        var words = ImportText.words(statement)
        while let first = words.first, first.hasPrefix("@") { words.removeFirst() }  // @testable, @_exported
        guard words.first == "import", words.count >= 2 else { return [] }
        words.removeFirst()
        let kinds: Set<String> = ["typealias", "struct", "class", "enum", "protocol", "let", "var", "func", "actor"]
        let kind = kinds.contains(words[0]) && words.count >= 2 ? words.removeFirst() : nil
        let segments = words[0].split(separator: ".").map(String.init)
        guard let module = segments.first, ImportText.isIdentifier(module) else { return [] }
        let files = swiftModuleDirectory(module).map { sourceFilesRecursively(in: $0, extensions: ["swift"]) } ?? []
        var entry = ResolvedImport(statement: statement, files: files, aliases: [module])
        if kind != nil, segments.count >= 2, let last = segments.last {
            entry.names = [last]
        } else {
            entry.wildcard = true
        }
        return [entry]
    }

    /// The directory of a SwiftPM target: `Sources/M` at the root, else a `Sources/M` anywhere.
    private func swiftModuleDirectory(_ module: String) -> String? {
        if files.isDirectory("Sources/" + module) { return "Sources/" + module }
        return directories(endingWith: "Sources/" + module).first
    }

    /// The module's files: everything under `Sources/M` (or `Tests/M`), else the file's directory.
    func swiftModuleFiles(of path: String) -> [String] {
        let parts = path.split(separator: "/").map(String.init)
        if let index = parts.dropLast(2).lastIndex(where: { $0 == "Sources" || $0 == "Tests" }) {
            let module = parts[...(index + 1)].joined(separator: "/")
            return sourceFilesRecursively(in: module, extensions: ["swift"])
        }
        return sourceFiles(in: WorkspacePath.directory(of: path), extensions: ["swift"])
    }

    // MARK: C#

    func resolveCSharp(_ statement: String, of path: String) -> [ResolvedImport] {
        var text = statement.trimmingWhitespace()
        if text.hasSuffix(";") { text.removeLast() }
        var rest = Substring(text)
        if let afterGlobal = ImportText.after("global", in: rest) { rest = afterGlobal }
        guard let afterUsing = ImportText.after("using", in: rest) else { return [] }
        rest = afterUsing
        var isStatic = false
        if let afterStatic = ImportText.after("static", in: rest) { rest = afterStatic; isStatic = true }
        var alias: String?
        if let equals = rest.firstIndex(of: "=") {
            alias = rest[..<equals].trimmingWhitespace()
            rest = rest[rest.index(after: equals)...]
        }
        let name = rest.trimmingWhitespace().filter { !$0.isWhitespace }
        let segments = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !segments.isEmpty, segments.allSatisfy(ImportText.isIdentifier) else {
            return [ResolvedImport(statement: statement, files: [])]
        }
        var entry = ResolvedImport(statement: statement, files: [])
        // A type (`using static A.B.C`, `using T = A.B.C`): its file in the namespace's directory.
        if isStatic || alias != nil, segments.count >= 2, let type = segments.last {
            for directory in csharpNamespaceDirectories(Array(segments.dropLast())) {
                if let file = firstFile([Self.child(directory, type + ".cs")]) {
                    entry.files = [file]
                    if isStatic { entry.wildcard = true } else { entry.names = [type] }
                    if let alias, alias != type { entry.localNames[alias] = type }
                    return [entry]
                }
            }
        }
        entry.files = Array(csharpNamespaceDirectories(segments).flatMap { sourceFiles(in: $0, extensions: ["cs"]) }
            .prefix(Self.maximumFilesPerImport))
        if let alias { entry.aliases = [alias] } else { entry.wildcard = true }
        return [entry]
    }

    /// Directories of a namespace: paths ending with `A/B` or named `A.B`; failing those, ending
    /// with its last segment (best effort: C# namespaces need not follow directories).
    private func csharpNamespaceDirectories(_ segments: [String]) -> [String] {
        guard let last = segments.last, !["System", "Microsoft"].contains(segments[0]) else { return [] }
        let full = directories(endingWith: segments.joined(separator: "/"))
            + directories(endingWith: segments.joined(separator: "."))
        if !full.isEmpty { return Self.unique(full) }
        return segments.count > 1 ? directories(endingWith: last) : []
    }

    // MARK: Ruby

    func resolveRuby(_ statement: String, of path: String) -> [ResolvedImport] {
        let text = statement.trimmingWhitespace()
        guard let name = QuotedLiteral.all(in: text).first?.value, !name.isEmpty else { return [] }
        let file = name.hasSuffix(".rb") ? name : name + ".rb"
        let candidates: [String?]
        if ImportText.after("require_relative", in: text) != nil {
            candidates = [WorkspacePath.join(WorkspacePath.directory(of: path), file)]
        } else if ImportText.after("load", in: text) != nil {
            candidates = [WorkspacePath.join("", file), WorkspacePath.join(WorkspacePath.directory(of: path), file)]
        } else {
            guard !name.hasPrefix("/") else { return [ResolvedImport(statement: statement, files: [], wildcard: true)] }
            // `require './x'` is relative to the working directory: the root, else the file's directory.
            candidates = name.hasPrefix(".")
                ? [WorkspacePath.join("", file), WorkspacePath.join(WorkspacePath.directory(of: path), file)]
                : [WorkspacePath.join("lib", file)]
        }
        let found = firstFile(candidates)
        return [ResolvedImport(statement: statement, files: found.map { [$0] } ?? [], wildcard: true)]
    }

    // MARK: Lua

    func resolveLua(_ statement: String, of path: String) -> [ResolvedImport] {
        let text = statement
        guard let quoted = QuotedLiteral.all(in: text).first(where: { $0.before.trimmingWhitespace().hasSuffix("require")
            || $0.before.trimmingWhitespace().hasSuffix("require(") }) else { return [] }
        let segments = quoted.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var entry = ResolvedImport(statement: statement, files: [])
        // `local m = require("a.b")` binds `m`.
        let before = quoted.before.trimmingWhitespace()
        if let equals = before.firstIndex(of: "=") {
            let target = ImportText.words(before[..<equals]).last ?? ""
            if ImportText.isIdentifier(target) { entry.aliases = [target] }
        }
        guard !segments.isEmpty, segments.allSatisfy({ ImportText.isIdentifier($0) || $0 == "-" || $0.contains("-") }),
              !segments.contains(where: { $0.isEmpty || $0 == ".." }) else { return [entry] }
        let relative = segments.joined(separator: "/")
        let file = firstFile(["", "lua", "src"].flatMap { root in
            [Self.child(root, relative + ".lua"), Self.child(Self.child(root, relative), "init.lua")]
        })
        entry.files = file.map { [$0] } ?? []
        return [entry]
    }
}
