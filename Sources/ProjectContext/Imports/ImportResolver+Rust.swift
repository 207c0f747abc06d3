import DocwrightCore
import FoundationEssentials

/// Rust: `mod m;`, `use crate::a::b::Item;`, `use super::x`, `use self::x`, groups `use
/// crate::a::{b, c::D, self}`, globs `use a::*`, renames `use x as y`, `extern crate c;`, and paths
/// into other crates of the workspace (by their `Cargo.toml` `name`). A module is `m.rs` or
/// `m/mod.rs` in its parent module's directory; the crate root is the nearest `Cargo.toml`'s
/// `src/lib.rs` or `src/main.rs`.
extension ImportResolver {
    /// A module: its file and the directory its child modules are in.
    struct RustModule {
        var file: String
        var children: String
    }

    func resolveRust(_ statement: String, of path: String) -> [ResolvedImport] {
        var text = statement
        // Attributes (`#[cfg(test)]`) and visibility.
        text = text.split(separator: "\n").filter { !$0.trimmingWhitespace().hasPrefix("#[") }.joined(separator: " ")
        text = text.trimmingWhitespace()
        if text.hasSuffix(";") { text.removeLast() }
        var body = Substring(text)
        if let rest = ImportText.after("pub", in: body) {
            body = rest
            if body.hasPrefix("("), let close = body.firstIndex(of: ")") { body = body[body.index(after: close)...] }
            body = body.drop(while: { $0.isWhitespace })
        }
        let current = rustCurrentModule(of: path)
        if let rest = ImportText.after("mod", in: body) {
            let name = rest.trimmingWhitespace()
            guard ImportText.isIdentifier(name) else { return [] }  // an inline `mod m { … }`
            let file = current.flatMap { rustChild(name, of: $0) }?.file
            return [ResolvedImport(statement: statement, files: file.map { [$0] } ?? [], aliases: [name])]
        }
        if let rest = ImportText.after("extern crate", in: body) ?? ImportText.after("extern", in: body).flatMap({
            ImportText.after("crate", in: $0)
        }) {
            guard let (name, local) = ImportText.renamed(String(rest)) else { return [] }
            let file = rustCrates()[name]?.file
            return [ResolvedImport(statement: statement, files: file.map { [$0] } ?? [], aliases: [local == "_" ? name : local])]
        }
        guard let tree = ImportText.after("use", in: body) else { return [] }
        var leaves: [(segments: [String], local: String?)] = []
        Self.expandRustUseTree(String(tree.map { $0.isWhitespace ? " " : $0 }), prefix: [], into: &leaves)

        var out: [ResolvedImport] = []
        for leaf in leaves.prefix(200) {
            let entry = rustLeaf(leaf.segments, local: leaf.local, statement: statement, current: current, path: path)
            // Leaves reaching the same files become one value.
            if let index = out.firstIndex(where: { $0.files == entry.files && !$0.files.isEmpty }) {
                out[index].names += entry.names
                out[index].aliases += entry.aliases
                out[index].localNames.merge(entry.localNames) { first, _ in first }
                out[index].wildcard = out[index].wildcard || entry.wildcard
            } else {
                out.append(entry)
            }
        }
        return out
    }

    /// Flattens a use tree (`a::{b, c::{d as e, self}, *}`) into paths with their local names.
    static func expandRustUseTree(_ text: String, prefix: [String], into leaves: inout [(segments: [String], local: String?)]) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, leaves.count < 500 else { return }
        if let open = trimmed.firstIndex(of: "{"), trimmed.hasSuffix("}") {
            let head = trimmed[..<open].trimmingWhitespace()
            let headSegments = head.split(separator: "::", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            // Split on commas at depth 0.
            var depth = 0
            var part = ""
            for c in inner {
                if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
                if c == ",", depth == 0 {
                    expandRustUseTree(part, prefix: prefix + headSegments, into: &leaves)
                    part = ""
                } else {
                    part.append(c)
                }
            }
            expandRustUseTree(part, prefix: prefix + headSegments, into: &leaves)
            return
        }
        let (pathText, local) = ImportText.renamed(trimmed).map { ($0.name, $0.local) } ?? (trimmed, trimmed)
        let segments = pathText.split(separator: "::", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !segments.isEmpty else { return }
        if segments == ["self"] {
            leaves.append((prefix, local == pathText ? nil : local))
        } else {
            leaves.append((prefix + segments, local == pathText ? nil : local))
        }
    }

    private func rustLeaf(_ segments: [String], local: String?, statement: String, current: RustModule?,
                          path: String) -> ResolvedImport {
        var entry = ResolvedImport(statement: statement, files: [])
        guard var first = segments.first else { return entry }
        var rest = Array(segments.dropFirst())
        if first.isEmpty, let next = rest.first { first = next; rest.removeFirst() }  // `use ::c::x`
        // The module the path starts in.
        var module: RustModule?
        switch first {
        case "crate": module = rustCrateRoot(of: path)
        case "self": module = current
        case "super":
            module = current.flatMap { rustParent(of: $0, path: path) }
            while rest.first == "super" {
                rest.removeFirst()
                module = module.flatMap { rustParent(of: $0, path: path) }
            }
        default:
            // A child module of the current module (2018 uniform paths), else a workspace crate.
            if let child = current.flatMap({ rustChild(first, of: $0) }) {
                module = child
            } else if let crate = rustCrates()[first] {
                module = crate
            } else {
                module = nil
            }
        }
        guard var reached = module else {
            if let local, rest.isEmpty { entry.aliases = [local] }
            return entry
        }
        // Walk the remaining segments down the modules; the first that is not a module is an item.
        var item: String?
        for segment in rest {
            if segment == "*" { entry.wildcard = true; break }
            if let child = rustChild(segment, of: reached) {
                reached = child
            } else {
                item = segment
                break
            }
        }
        entry.files = [reached.file]
        let local = local == "_" ? nil : local
        if let item {
            entry.names = [item]
            if let local, local != item { entry.localNames[local] = item }
        } else if !entry.wildcard {
            let name = rest.last ?? first
            entry.aliases = [local ?? name]
        }
        return entry
    }

    /// The module `path` defines (a crate root, `mod.rs`, or `a.rs` whose children are in `a/`).
    func rustCurrentModule(of path: String) -> RustModule? {
        let directory = WorkspacePath.directory(of: path)
        let name = WorkspacePath.fileName(of: path)
        guard name.hasSuffix(".rs") else { return nil }
        if ["mod.rs", "lib.rs", "main.rs"].contains(name) || directory.hasSuffix("/bin") || directory == "bin" {
            return RustModule(file: path, children: directory)
        }
        return RustModule(file: path, children: Self.child(directory, String(name.dropLast(3))))
    }

    /// The parent module of a module (nil above the crate root).
    private func rustParent(of module: RustModule, path: String) -> RustModule? {
        let root = rustCrateRoot(of: path)
        if module.file == root?.file || module.children.isEmpty { return nil }
        // `a/b.rs` and `a/b/mod.rs` both have their children in `a/b`; the parent's are in `a`.
        let parentDirectory = WorkspacePath.directory(of: module.children)
        if let root, root.children == parentDirectory { return root }
        if !parentDirectory.isEmpty,
           let file = firstFile([parentDirectory + ".rs", Self.child(parentDirectory, "mod.rs")]) {
            return RustModule(file: file, children: parentDirectory)
        }
        if let file = firstFile([Self.child(parentDirectory, "lib.rs"), Self.child(parentDirectory, "main.rs")]) {
            return RustModule(file: file, children: parentDirectory)
        }
        return nil
    }

    /// A child module `name` of a module (`children/name.rs` or `children/name/mod.rs`).
    func rustChild(_ name: String, of module: RustModule) -> RustModule? {
        guard ImportText.isIdentifier(name), !["self", "super", "crate"].contains(name) else { return nil }
        let base = Self.child(module.children, name)
        guard let file = firstFile([base + ".rs", Self.child(base, "mod.rs")]) else { return nil }
        return RustModule(file: file, children: base)
    }

    /// The root module of the crate `path` is in: the nearest `Cargo.toml`'s `src/lib.rs` or `src/main.rs`.
    func rustCrateRoot(of path: String) -> RustModule? {
        guard let manifest = nearestDirectory(holding: "Cargo.toml", from: WorkspacePath.directory(of: path)) else {
            return nil
        }
        let source = Self.child(manifest, "src")
        // `src/main.rs` beside `src/lib.rs` is a crate of its own; so is each `src/bin/*.rs`.
        let directory = WorkspacePath.directory(of: path)
        if directory == source, WorkspacePath.fileName(of: path) == "main.rs" {
            return RustModule(file: path, children: source)
        }
        if directory == Self.child(source, "bin") { return RustModule(file: path, children: directory) }
        guard let file = firstFile([Self.child(source, "lib.rs"), Self.child(source, "main.rs")]) else { return nil }
        return RustModule(file: file, children: source)
    }

    /// The workspace's crates by name (`-` read as `_`), from each `Cargo.toml`'s `[package] name`.
    private func rustCrates() -> [String: RustModule] {
        let table = cache.list("rust-crates") {
            var out: [String] = []
            for directory in directories(holding: "Cargo.toml") {
                guard let text = files.text(of: Self.child(directory, "Cargo.toml")) else { continue }
                var section = ""
                var name: String?
                for line in text.split(separator: "\n").map({ $0.trimmingWhitespace() }) {
                    if line.hasPrefix("[") { section = line; continue }
                    if section == "[package]", line.hasPrefix("name"), let equals = line.firstIndex(of: "=") {
                        name = line[line.index(after: equals)...].trimmingWhitespace().filter { $0 != "\"" && $0 != "'" }
                    }
                }
                let source = Self.child(directory, "src")
                guard let name, let file = firstFile([Self.child(source, "lib.rs"), Self.child(source, "main.rs")]) else {
                    continue
                }
                out += [name.replacingDashes(), file, source]
            }
            return out
        }
        var crates: [String: RustModule] = [:]
        var index = 0
        while index + 2 < table.count {
            crates[table[index]] = RustModule(file: table[index + 1], children: table[index + 2])
            index += 3
        }
        return crates
    }
}

extension String {
    fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
