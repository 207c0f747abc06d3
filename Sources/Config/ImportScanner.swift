import Foundation

/// Finds the module names a source file imports, for domain detection. Language-agnostic on
/// purpose: it understands Python, JavaScript/TypeScript, Go, Rust, Java/Kotlin, Ruby and C
/// import forms, which is enough to recognise well-known libraries.
enum ImportScanner {
    /// Whether a line looks like an import statement of some language.
    static func isImportLine(_ line: Substring) -> Bool {
        let t = line.drop(while: { $0 == " " || $0 == "\t" })
        return t.hasPrefix("import ") || t.hasPrefix("from ") || t.hasPrefix("use ") || t.hasPrefix("#include")
            || t.hasPrefix("extern crate ") || t.hasPrefix("require") || t.contains("require(")
            || (t.hasPrefix("\"") && t.hasSuffix("\""))  // a line of a Go import block
    }

    /// Lower-case module names mentioned by the import lines (`numpy`, `sklearn.linear_model`,
    /// `@angular/core`, `net/http`, `actix_web`).
    static func modules(in lines: [String]) -> Set<String> {
        var found = Set<String>()
        for line in lines {
            let t = line.trimmingCharacters(in: .whitespaces)
            // Quoted module specifiers: JS/TS `from 'x'`, `require("x")`, Go, Ruby, C `#include "x.h"`.
            for quoted in quotedStrings(in: t) { found.insert(normalise(quoted)) }
            if let angle = t.range(of: "#include <"), let end = t[angle.upperBound...].firstIndex(of: ">") {
                found.insert(normalise(String(t[angle.upperBound..<end])))
            }
            let words = t.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" || $0 == "{" })
                .map(String.init)
            guard let keyword = words.first else { continue }
            switch keyword {
            case "import" where !t.contains("\"") && !t.contains("'"):
                // Python `import a.b, c as d` / Java `import a.b.C;` / Kotlin.
                var skipNext = false
                for word in words.dropFirst() {
                    if skipNext { skipNext = false; continue }
                    if word == "as" { skipNext = true; continue }
                    if word == "static" { continue }
                    found.insert(normalise(word))
                }
            case "from" where words.count >= 2 && !t.contains("\"") && !t.contains("'"):
                found.insert(normalise(words[1]))  // Python `from a.b import c`
            case "use" where words.count >= 2:
                found.insert(normalise(words[1].replacingOccurrences(of: "::", with: ".")))  // Rust
            case "extern" where words.count >= 3:
                found.insert(normalise(words[2]))
            default:
                break
            }
        }
        found.remove("")
        return found
    }

    /// Lines of `text` that are import statements (used when the task carries none).
    static func importLines(in text: String, limit: Int = 400) -> [String] {
        // Line by line from the top, stopping at `limit` lines: imports live at the top, and
        // splitting a whole large file on every request costs milliseconds.
        var out: [String] = []
        var lines = 0
        var rest = Substring(text)
        while lines < limit, !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: 0x0A) ?? rest.endIndex
            let line = rest[..<end]
            if !line.isEmpty {
                lines += 1
                if isImportLine(line) { out.append(String(line)) }
            }
            rest = end == rest.endIndex ? "" : rest[rest.utf8.index(after: end)...]
        }
        return out
    }

    /// Whether `module` is `entry` or inside it (`sklearn.svm` is in `sklearn`, `next/router` in `next`).
    static func module(_ module: String, isIn entry: String) -> Bool {
        module == entry || module.hasPrefix(entry + ".") || module.hasPrefix(entry + "/")
    }

    private static func quotedStrings(in line: String) -> [String] {
        var out: [String] = []
        var current: String?
        var quote: Character = "\""
        for c in line {
            if var value = current {
                if c == quote { out.append(value); current = nil } else { value.append(c); current = value }
            } else if c == "\"" || c == "'" || c == "`" {
                quote = c
                current = ""
            }
        }
        return out
    }

    private static func normalise(_ raw: String) -> String {
        var s = raw.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " ;(){}*"))
        if s.hasPrefix("node:") { s.removeFirst(5) }
        if s.hasSuffix(".h") { s.removeLast(2) }
        while s.hasPrefix(".") { s.removeFirst() }  // Python relative imports name a local package
        return s
    }
}
