/// JavaScript / TypeScript: `import X, {A, B as C} from './m'`, `import * as ns from`, `import type`,
/// `import './side'`, `export {A} from`, `export * [as ns] from`, `const x = require('./m')`,
/// `const {a, b: c} = require('./m')`, `import('./m')`. Only relative specifiers (and `@/`, `~/`
/// meaning the project's `src/`) are workspace files; bare specifiers are packages.
extension ImportResolver {
    /// Extensions tried after a specifier without one, in order.
    static let ecmascriptExtensions = ["ts", "tsx", "js", "jsx", "mjs", "cjs", "d.ts", "mts", "cts"]
    /// Extensions a specifier may name directly.
    static let ecmascriptSourceExtensions: Set<String> = ["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"]
    /// TypeScript's ESM style: a specifier names the compiled file (`./m.js`) of a source (`m.ts`).
    static let compiledToSource: [String: [String]] = [
        "js": ["ts", "tsx", "d.ts"], "jsx": ["tsx"], "mjs": ["mts", "d.mts"], "cjs": ["cts", "d.cts"],
    ]

    func resolveECMAScript(_ statement: String, of path: String) -> [ResolvedImport] {
        let text = ImportText.withoutBlockComments(ImportText.withoutLineComments(statement, marker: "//"))
        let strings = ImportText.quoted(in: text)
        // The specifier: the string after `from`, else the one in `require(`/`import(`, else the first.
        let fromString = strings.first { $0.before.trimmingSpaces().hasSuffix(" from") || $0.before.trimmingSpaces().hasSuffix("}from") }
        let callString = strings.first { quoted in
            let before = quoted.before.trimmingSpaces()
            return before.hasSuffix("require(") || before.hasSuffix("import(")
        }
        guard let specifier = fromString ?? callString ?? strings.first else { return [] }

        var entry = ResolvedImport(statement: statement, files: ecmascriptFiles(specifier.value, of: path))
        let clause = specifier.before.trimmingSpaces()
        if callString != nil, fromString == nil {
            ecmascriptRequireBindings(clause, into: &entry)
        } else {
            ecmascriptClause(clause, into: &entry)
        }
        return [entry]
    }

    /// Reads `import X, {A as B}, * as ns from` / `export {A} from` / `export * as ns from`.
    private func ecmascriptClause(_ text: String, into entry: inout ResolvedImport) {
        var clause = Substring(text)
        if clause.hasSuffix("from") { clause = clause.dropLast(4) }
        guard let keyword = ImportText.after("import", in: clause) ?? ImportText.after("export", in: clause) else { return }
        var rest = keyword
        if let afterType = ImportText.after("type", in: rest), !afterType.hasPrefix(",") { rest = afterType }
        // The braces: named imports.
        if let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            for item in rest[rest.index(after: open)..<close].split(separator: ",") {
                var item = item.trimmingSpaces()
                if item.hasPrefix("type ") { item = String(item.dropFirst(5)).trimmingSpaces() }
                guard let (name, local) = ImportText.renamed(item) else { continue }
                if name == "default" {
                    entry.names.append(local)  // the default export, by its local name
                } else {
                    entry.names.append(name)
                    if local != name { entry.localNames[local] = name }
                }
            }
            rest = rest[..<open] + " " + rest[rest.index(after: close)...]
        }
        for part in rest.split(separator: ",") {
            let words = ImportText.words(part)
            if words.first == "*" {
                if words.count == 3, words[1] == "as" { entry.aliases.append(words[2]) } else { entry.wildcard = true }
            } else if words.count == 1, ImportText.isIdentifier(words[0]) {
                entry.names.append(words[0])  // a default import, by its local name
            }
        }
    }

    /// Reads `const x = require(` / `const {a, b: c} = require(`.
    private func ecmascriptRequireBindings(_ text: String, into entry: inout ResolvedImport) {
        guard let equals = text.firstIndex(of: "=") else { return }
        var target = text[..<equals].trimmingSpaces()
        for keyword in ["const ", "let ", "var "] where target.hasPrefix(keyword) {
            target = String(target.dropFirst(keyword.count)).trimmingSpaces()
        }
        if target.hasPrefix("{"), target.hasSuffix("}") {
            for item in target.dropFirst().dropLast().split(separator: ",") {
                guard let (name, local) = ImportText.renamed(String(item), separator: ":") else { continue }
                entry.names.append(name)
                if local != name { entry.localNames[local] = name }
            }
        } else if ImportText.isIdentifier(target) {
            entry.aliases.append(target)
        }
    }

    /// The workspace file a specifier names (none for a package).
    func ecmascriptFiles(_ raw: String, of path: String) -> [String] {
        var specifier = raw
        if let cut = specifier.firstIndex(where: { $0 == "?" || $0 == "#" }), cut != specifier.startIndex {
            specifier = String(specifier[..<cut])
        }
        let bases: [String?]
        if specifier == "." || specifier == ".." || specifier.hasPrefix("./") || specifier.hasPrefix("../") {
            bases = [WorkspacePath.join(WorkspacePath.directory(of: path), specifier)]
        } else if specifier.hasPrefix("@/") || specifier.hasPrefix("~/") {
            // The common `paths` alias for the project's sources.
            let rest = String(specifier.dropFirst(2))
            let projects = Self.selfAndAncestors(WorkspacePath.directory(of: path)).filter { dir in
                ["package.json", "tsconfig.json", "jsconfig.json"].contains { files.isFile(Self.child(dir, $0)) }
            }
            bases = (projects + [""]).flatMap { [WorkspacePath.join(Self.child($0, "src"), rest), WorkspacePath.join($0, rest)] }
        } else {
            return []
        }
        for case let base? in bases {
            if let file = ecmascriptProbe(base) { return [file] }
        }
        return []
    }

    private func ecmascriptProbe(_ base: String) -> String? {
        let ext = Self.fileExtension(base)
        if !base.isEmpty, Self.ecmascriptSourceExtensions.contains(ext), files.isFile(base) { return base }
        if let sources = Self.compiledToSource[ext] {
            let stem = String(base.dropLast(ext.count + 1))
            if let file = firstFile(sources.map { stem + "." + $0 }) { return file }
        }
        if !base.isEmpty, let file = firstFile(Self.ecmascriptExtensions.map { base + "." + $0 }) { return file }
        return firstFile(Self.ecmascriptExtensions.map { Self.child(base, "index." + $0) })
    }
}
