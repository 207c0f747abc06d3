import DocwrightCore

/// Small helpers for import statement texts (the grammar already took their comments out:
/// `SyntaxTree.codeText`) and for the project files resolvers read (`go.mod`, `tsconfig.json`).
enum ImportText {
    /// The text with line comments (`marker` to the end of the line) removed: `go.mod` files.
    static func withoutLineComments(_ text: String, marker: String) -> String {
        guard text.contains(marker) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            guard let range = line.firstRange(of: marker) else { return line }
            return line[..<range.lowerBound]
        }.joined(separator: "\n")
    }

    /// JSON with comments (tsconfig): `//` and `/* */` comments outside strings removed.
    static func withoutJSONComments(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var inString = false
        while index < scalars.count {
            let c = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if inString {
                out.append(c)
                if c == "\\", let next { out.append(next); index += 2; continue }
                if c == "\"" { inString = false }
                index += 1
            } else if c == "/", next == "/" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else if c == "/", next == "*" {
                index += 2
                while index + 1 < scalars.count, !(scalars[index] == "*" && scalars[index + 1] == "/") { index += 1 }
                index += 2
            } else {
                if c == "\"" { inString = true }
                out.append(c)
                index += 1
            }
        }
        return String(out)
    }

    /// Words separated by whitespace.
    static func words(_ text: some StringProtocol) -> [String] {
        Substring(text).split(whereSeparator: { (c: Character) in c.isWhitespace }).map(String.init)
    }

    /// Whether a word is an identifier (letters, digits, `_`, `$`; not starting with a digit).
    static func isIdentifier(_ word: some StringProtocol) -> Bool {
        guard let first = word.first, !first.isNumber else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
    }

    /// `X` or `X as Y` (also `X: Y` with `separator` ":"): the name and its local name.
    static func renamed(_ item: String, separator: String = "as") -> (name: String, local: String)? {
        let parts = separator == "as" ? words(item) : item.split(separator: Character(separator)).map {
            String($0).trimmingWhitespace()
        }
        if parts.count == 1, !parts[0].isEmpty { return (parts[0], parts[0]) }
        if separator == "as", parts.count == 3, parts[1] == "as" { return (parts[0], parts[2]) }
        if separator != "as", parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty { return (parts[0], parts[1]) }
        return nil
    }

    /// The text after a leading keyword (and the whitespace after it), or nil when it does not start with it.
    static func after(_ keyword: String, in text: some StringProtocol) -> Substring? {
        let trimmed = Substring(text).drop(while: { $0.isWhitespace })
        guard trimmed.hasPrefix(keyword) else { return nil }
        let rest = trimmed.dropFirst(keyword.count)
        guard let next = rest.first else { return rest }
        // The keyword must end there (`import` but not `imports`).
        if next.isLetter || next.isNumber || next == "_" { return nil }
        return rest.drop(while: { $0.isWhitespace })
    }
}

