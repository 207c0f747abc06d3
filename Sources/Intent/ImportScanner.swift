import Languages
import Syntax

/// The document's import/include/use/require statements (as written; the registry's `imports`
/// query over the syntax tree) and lower-case domain hints (top-level module names) from them,
/// for routing.
enum ImportScanner {
    /// Lines read from the top: imports live there. Beyond it only the lines around the cursor
    /// are read (the function being written may import lazily), so a request on a large file does
    /// not run the query over all of it.
    static let headLines = 1_000
    static let linesAroundCursor = 200

    static func scan(_ source: AnalyzedSource, cursorLine: Int) -> (imports: [String], hints: [String]) {
        let text = source.text
        let language = source.spec.entry
        let last = max(text.lineCount - 1, 0)
        let head = 0..<text.lineEnds[min(text.lineCount, headLines) - 1]
        let near = text.lineStarts[min(max(cursorLine - linesAroundCursor, 0), last)]
            ..< text.lineEnds[min(max(cursorLine + linesAroundCursor, 0), last)]
        let ranges = near.lowerBound <= head.upperBound ? [0..<max(head.upperBound, near.upperBound)] : [head, near]
        guard let query = try? SyntaxQuery.cached(language: source.tree.language, source: language.queries.imports),
              let captures = try? ranges.flatMap({ try source.tree.captures(of: query, in: $0) })
        else { return ([], []) }
        var imports: [String] = []
        var hints: [String] = []
        var seenUpTo = -1
        for capture in captures where capture.name == "import" && capture.node.startByte > seenUpTo {
            seenUpTo = capture.node.endByte - 1
            let statement = text.string(capture.node.byteRange).replacingAll("\r\n", with: "\n")
                .replacingAll("\r", with: "\n").trimmingWhitespace()
            imports.append(statement)
            for name in modules(in: statement, form: language.importForm) {
                let hint = name.lowercased()
                if !hint.isEmpty, !hints.contains(hint) { hints.append(hint) }
            }
        }
        return (imports, hints)
    }

    /// Module names named by one import statement.
    static func modules(in statement: String, form: Language.ImportForm) -> [String] {
        switch form {
        case .python:
            if statement.hasPrefix("from ") {
                let module = statement.dropFirst(5).prefix { $0 != " " && $0 != "\t" }
                return module.hasPrefix(".") ? [] : [firstSegment(String(module), separator: ".")]
            }
            let names = statement.dropFirst(7).split(separator: ",").map { part in
                String(part.trimmingWhitespaceSubstring().prefix { $0 != " " && $0 != "(" && $0 != ")" })
            }
            return names.filter { !$0.isEmpty }.map { firstSegment($0, separator: ".") }
        case .ecmascript:
            return quotedStrings(in: statement).suffix(1).compactMap(javascriptPackage)
        case .go:
            return quotedStrings(in: statement).compactMap { path in
                path.split(separator: "/").last.map(String.init)
            }
        case .rust:
            // `mod x;` names a file of this crate, not a library.
            if statement.hasPrefix("mod ") || statement.contains(" mod ") { return [] }
            var body = statement
            for prefix in ["pub(crate) use ", "pub use ", "use ", "extern crate "] where body.hasPrefix(prefix) {
                body = String(body.dropFirst(prefix.count))
                break
            }
            let root = firstSegment(String(body.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }),
                                    separator: ":")
            return ["crate", "self", "super", ""].contains(root) ? [] : [root]
        case .swift:
            let words = statement.split(separator: " ").map(String.init)
            guard let module = words.last else { return [] }
            return [firstSegment(module, separator: ".")]
        case .jvm:
            let path = statement.split(separator: " ").last.map { String($0.filter { $0 != ";" }) } ?? ""
            let vendors: Set<String> = ["org", "com", "io", "net", "dev", "me", "edu", "gov", "co", "uk", "de", "fr"]
            let segments = path.split(separator: ".").map(String.init)
            return segments.first { !vendors.contains($0) && $0 != "static" }.map { [$0] } ?? []
        case .include:
            guard let open = statement.firstIndex(where: { $0 == "<" || $0 == "\"" }) else { return [] }
            let name = statement[statement.index(after: open)...].prefix { $0 != ">" && $0 != "\"" }
            let first = firstSegment(String(name), separator: "/")
            return [String(first.prefix { $0 != "." })]
        case .csharp:
            var body = statement.replacingAll("global using ", with: "").replacingAll("using static ", with: "")
                .replacingAll("using ", with: "").filter { $0 != ";" }
            if let equals = body.firstIndex(of: "=") { body = String(body[body.index(after: equals)...]) }
            return [firstSegment(body.trimmingWhitespace(), separator: ".")]
        case .ruby:
            guard !statement.hasPrefix("require_relative"), !statement.hasPrefix("load ") else { return [] }
            return quotedStrings(in: statement).prefix(1).map { firstSegment($0, separator: "/") }
        case .lua:
            return quotedStrings(in: statement).prefix(1).map { firstSegment($0, separator: ".") }
        }
    }

    private static func javascriptPackage(_ specifier: String) -> String? {
        guard !specifier.isEmpty, !specifier.hasPrefix("."), !specifier.hasPrefix("/") else { return nil }
        var specifier = specifier
        if specifier.hasPrefix("node:") { specifier = String(specifier.dropFirst(5)) }
        let parts = specifier.split(separator: "/").map(String.init)
        if specifier.hasPrefix("@"), parts.count >= 2 { return parts[0] + "/" + parts[1] }
        return parts.first
    }

    private static func firstSegment(_ name: String, separator: Character) -> String {
        String(name.split(separator: separator, omittingEmptySubsequences: true).first ?? "")
    }

    /// Contents of '...', "..." and `...` literals in a statement.
    private static func quotedStrings(in statement: String) -> [String] {
        var results: [String] = []
        var quote: Character?
        var current = ""
        for character in statement {
            if let open = quote {
                if character == open {
                    results.append(current)
                    quote = nil
                    current = ""
                } else {
                    current.append(character)
                }
            } else if character == "\"" || character == "'" || character == "`" {
                quote = character
            }
        }
        return results
    }
}

extension Substring {
    func trimmingWhitespaceSubstring() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? self[start..<end] : self[start..<start]
    }
}
