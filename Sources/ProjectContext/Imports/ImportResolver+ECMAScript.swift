import DocwrightCore
import Languages

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
        let text = statement
        let strings = QuotedLiteral.all(in: text)
        // The specifier: the string after `from`, else the one in `require(`/`import(`, else the first.
        let fromString = strings.first { $0.before.trimmingWhitespace().hasSuffix(" from") || $0.before.trimmingWhitespace().hasSuffix("}from") }
        let callString = strings.first { quoted in
            let before = quoted.before.trimmingWhitespace()
            return before.hasSuffix("require(") || before.hasSuffix("import(")
        }
        guard let specifier = fromString ?? callString ?? strings.first else { return [] }

        var entry = ResolvedImport(statement: statement, files: ecmascriptFiles(specifier.value, of: path))
        let clause = specifier.before.trimmingWhitespace()
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
                var item = item.trimmingWhitespace()
                if item.hasPrefix("type ") { item = String(item.dropFirst(5)).trimmingWhitespace() }
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

    /// Reads `const x = require(` / `const {a, b: c} = require(` / TypeScript's `import x = require(`.
    private func ecmascriptRequireBindings(_ text: String, into entry: inout ResolvedImport) {
        guard let equals = text.firstIndex(of: "=") else { return }
        var target = text[..<equals].trimmingWhitespace()
        for keyword in ["export ", "const ", "let ", "var ", "import "] where target.hasPrefix(keyword) {
            target = String(target.dropFirst(keyword.count)).trimmingWhitespace()
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
        var bases: [String?] = []
        if specifier == "." || specifier == ".." || specifier.hasPrefix("./") || specifier.hasPrefix("../") {
            bases = [WorkspacePath.join(WorkspacePath.directory(of: path), specifier)]
        } else if specifier.isEmpty || specifier.hasPrefix("/") || specifier.contains(":") {
            return []
        } else if let configured = typescriptPathTargets(specifier, of: path), !configured.isEmpty {
            bases = configured
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

    // MARK: tsconfig / jsconfig `baseUrl` and `paths`

    /// Where the nearest `tsconfig.json` (or `jsconfig.json`) maps a bare specifier: its `paths`
    /// patterns (one `*` each), else `baseUrl`. Nil without a config; `extends` is not followed.
    private func typescriptPathTargets(_ specifier: String, of path: String) -> [String?]? {
        let directory = WorkspacePath.directory(of: path)
        guard let configDirectory = nearestDirectory(holding: "tsconfig.json", from: directory)
            ?? nearestDirectory(holding: "jsconfig.json", from: directory) else { return nil }
        // [base directory, then pattern, target, pattern, target, …]; the base is "\u{0}" without `baseUrl`.
        let config = cache.list("tsconfig:" + configDirectory) { typescriptConfig(in: configDirectory) }
        guard let base = config.first else { return nil }
        let pathsBase = base == "\u{0}" ? configDirectory : base
        var targets: [String?] = []
        var index = 1
        while index + 1 < config.count {
            let (pattern, target) = (config[index], config[index + 1])
            index += 2
            if let star = pattern.firstIndex(of: "*") {
                let prefix = pattern[..<star], suffix = pattern[pattern.index(after: star)...]
                guard specifier.hasPrefix(prefix), specifier.hasSuffix(suffix),
                      specifier.count >= prefix.count + suffix.count else { continue }
                let captured = specifier.dropFirst(prefix.count).dropLast(suffix.count)
                targets.append(WorkspacePath.join(pathsBase, target.replacingFirstStar(with: String(captured))))
            } else if pattern == specifier {
                targets.append(WorkspacePath.join(pathsBase, target))
            }
        }
        if base != "\u{0}" { targets.append(WorkspacePath.join(base, specifier)) }
        return targets
    }

    private func typescriptConfig(in directory: String) -> [String] {
        let name = files.isFile(Self.child(directory, "tsconfig.json")) ? "tsconfig.json" : "jsconfig.json"
        guard let raw = files.text(of: Self.child(directory, name)) else { return [] }
        let text = ImportText.withoutJSONComments(raw)
        let strings = QuotedLiteral.all(in: text)
        var out = ["\u{0}"]
        if let key = strings.firstIndex(where: { $0.value == "baseUrl" }), key + 1 < strings.count,
           let base = WorkspacePath.join(directory, strings[key + 1].value) {
            out[0] = base
        }
        guard let key = strings.firstIndex(where: { $0.value == "paths" && $0.after.trimmingWhitespace().hasPrefix(":") })
        else { return out }
        // The strings of the `paths` object: a key is followed by `:`, its targets by `,` or `]`.
        var depth = 0
        var pattern: String?
        for quoted in strings[(key + 1)...] {
            let between = quoted.before.suffix(from: strings[key].after.startIndex)
            depth = between.filter { $0 == "{" }.count - between.filter { $0 == "}" }.count
            guard depth > 0 else { break }
            if quoted.after.trimmingWhitespace().hasPrefix(":") {
                pattern = quoted.value
            } else if let pattern, out.count < 401 {
                out += [pattern, quoted.value]
            }
        }
        return out
    }
}

extension String {
    fileprivate func replacingFirstStar(with value: String) -> String {
        guard let star = firstIndex(of: "*") else { return self }
        return String(self[..<star]) + value + String(self[index(after: star)...])
    }
}
