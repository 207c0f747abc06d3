extension Language.ImportForm {
    /// The modules one import statement (as written, possibly over several lines) names,
    /// lower-cased and whole, as their ecosystem writes them: `sklearn.linear_model`,
    /// `@angular/core`, `next/router`, `net/http`, `github.com/gin-gonic/gin`, `actix_web`,
    /// `org.junit.jupiter.api.test`, `opencv2/core`, `system.text.json`. Local imports (Python's
    /// relative `from .`, ECMAScript `./x`, Rust `crate::`/`mod`, Ruby `require_relative`) name none.
    /// Domain rules match a module and everything inside it (`sklearn` covers `sklearn.svm`).
    public func modules(in statement: String) -> [String] {
        let statement = Self.collapsingWhitespace(statement)
        let names: [String]
        switch self {
        case .python:
            if statement.hasPrefix("from ") {
                let module = String(statement.dropFirst(5).prefix { $0 != " " })
                names = module.hasPrefix(".") ? [] : [module]
            } else {
                names = statement.dropFirst("import ".count).split(separator: ",").map { part in
                    String(part.drop { $0 == " " || $0 == "(" }.prefix { $0 != " " && $0 != "(" && $0 != ")" })
                }
            }
        case .ecmascript:
            names = Self.quoted(in: statement).suffix(1).compactMap { specifier in
                let specifier = specifier.hasPrefix("node:") ? String(specifier.dropFirst(5)) : specifier
                return specifier.hasPrefix(".") || specifier.hasPrefix("/") ? nil : specifier
            }
        case .go:
            names = Self.quoted(in: statement)
        case .rust:
            // `mod x;` names a file of this crate, not a library.
            if statement.hasPrefix("mod ") || statement.contains(" mod ") { return [] }
            var body = Substring(statement)
            for prefix in ["pub(crate) use ", "pub use ", "use ", "extern crate "] where body.hasPrefix(prefix) {
                body = body.dropFirst(prefix.count)
                break
            }
            let root = String(body.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            names = ["crate", "self", "super"].contains(root) ? [] : [root]
        case .swift:
            names = statement.split(separator: " ").last.map { [String($0)] } ?? []
        case .jvm:
            let words = statement.split(separator: " ").filter { $0 != "import" && $0 != "static" }
            names = words.first.map { [String($0.filter { $0 != ";" })] } ?? []
        case .include:
            guard let open = statement.firstIndex(where: { $0 == "<" || $0 == "\"" }) else { return [] }
            let path = statement[statement.index(after: open)...].prefix { $0 != ">" && $0 != "\"" }
            // The header's extension is not part of the name: `opencv2/core.hpp` → `opencv2/core`.
            if let dot = path.lastIndex(of: "."), !path[dot...].contains("/") {
                names = [String(path[..<dot])]
            } else {
                names = [String(path)]
            }
        case .csharp:
            var body = Substring(statement)
            for prefix in ["global ", "using ", "static "] where body.hasPrefix(prefix) { body = body.dropFirst(prefix.count) }
            if let equals = body.firstIndex(of: "=") { body = body[body.index(after: equals)...] }
            names = [String(body.filter { $0 != ";" && $0 != " " })]
        case .ruby:
            guard !statement.hasPrefix("require_relative"), !statement.hasPrefix("load ") else { return [] }
            names = Self.quoted(in: statement).prefix(1).map { $0 }
        case .lua:
            names = Self.quoted(in: statement).prefix(1).map { $0 }
        }
        return names.map { $0.lowercased() }.filter { !$0.isEmpty }
    }

    /// Line breaks and runs of spaces or tabs as one space, trimmed: statements over several lines
    /// read as one.
    private static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: " ")
    }

    /// The values of the statement's string literals, in order.
    private static func quoted(in statement: String) -> [String] {
        QuotedLiteral.all(in: statement).map(\.value)
    }
}
