import Languages

/// Finds import/include/use/require statements (as written) and derives lower-case domain hints
/// (top-level module names) from them for routing.
enum ImportScanner {
    /// Lines examined at most; imports live at the top of files.
    static let maximumLines = 5000
    /// Lines one multi-line import statement may span.
    static let maximumStatementLines = 60

    static func scan(_ source: AnalyzedSource) -> (imports: [String], hints: [String]) {
        let text = source.text
        var imports: [String] = []
        var hints: [String] = []
        let form = Languages.named(source.spec.id)?.importForm
        var line = 0
        while line < min(text.lineCount, maximumLines) {
            guard source.startsInCode(line), let form, let kind = statementStart(text.trimmed(line), form: form) else {
                line += 1
                continue
            }
            var last = line
            if kind == .open {
                last = statementEnd(from: line, in: text, form: form)
            }
            let statement = text.lines(line, through: last).joined(separator: "\n").trimmingWhitespace()
            imports.append(statement)
            for name in modules(in: statement, form: form) {
                let hint = name.lowercased()
                if !hint.isEmpty, !hints.contains(hint) { hints.append(hint) }
            }
            line = last + 1
        }
        return (imports, hints)
    }

    private enum StatementKind { case single, open }

    /// Whether a trimmed line starts an import statement, and whether it may continue on later lines.
    private static func statementStart(_ line: String, form: Language.ImportForm) -> StatementKind? {
        func starts(_ prefixes: String...) -> Bool { prefixes.contains { line.hasPrefix($0) } }
        switch form {
        case .python:
            guard starts("import ", "from ") else { return nil }
            if line.hasPrefix("from "), !line.contains(" import") { return nil }
            return line.contains("(") && !line.contains(")") ? .open : .single
        case .ecmascript:
            if starts("import ", "import{", "import(\"", "import('") {
                if line.hasPrefix("import("), !line.contains("=") { return .single }
                return line.contains("from") || line.hasPrefix("import '") || line.hasPrefix("import \"")
                    || line.contains("require(") ? .single : .open
            }
            if starts("const ", "let ", "var "), line.contains("require(") { return .single }
            if line.hasPrefix("export "), line.contains(" from ") { return .single }
            return nil
        case .go:
            guard starts("import ", "import(") else { return nil }
            return line.contains("(") && !line.contains(")") ? .open : .single
        case .rust:
            guard starts("use ", "pub use ", "pub(crate) use ", "extern crate ") else { return nil }
            return line.contains(";") ? .single : .open
        case .swift:
            return starts("import ", "@testable import ", "@_exported import ") ? .single : nil
        case .jvm:
            return line.hasPrefix("import ") ? .single : nil
        case .include:
            return starts("#include", "# include", "import ") ? .single : nil
        case .csharp:
            guard starts("using ", "global using "), !line.contains("("), !line.hasPrefix("using var ") else { return nil }
            return line.hasSuffix(";") ? .single : nil
        case .ruby:
            return starts("require ", "require_relative ", "require(", "load ") ? .single : nil
        case .lua:
            return line.contains("require(") || line.contains("require \"") || line.contains("require '") ? .single : nil
        }
    }

    private static func statementEnd(from first: Int, in text: SourceText, form: Language.ImportForm) -> Int {
        var line = first
        while line + 1 < text.lineCount, line - first < maximumStatementLines {
            let trimmed = text.trimmed(line)
            let done: Bool
            switch form {
            case .python, .go: done = line > first && trimmed.contains(")")
            case .rust: done = trimmed.contains(";")
            default: done = line > first && (trimmed.contains(" from ") || trimmed.hasPrefix("from ")
                                            || trimmed.hasPrefix("} from") || trimmed.hasSuffix(";"))
            }
            if done { return line }
            line += 1
        }
        return line
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
