/// Output that only stands in for code (`pass`, `todo!()`, `raise NotImplementedError`) or is
/// only comments is not a usable candidate.
enum Placeholders {
    static func isUsable(_ lines: [String], traits: LanguageTraits) -> Bool {
        lines.contains { line in
            let text = line.trimmedSpaces()
            guard !text.isEmpty, !text.hasPrefix(traits.lineComment), !text.hasPrefix("/*"), !text.hasPrefix("*") else {
                return false
            }
            return !isPlaceholder(text)
        }
    }

    static func isPlaceholder(_ text: String) -> Bool {
        var statement = text
        while statement.hasSuffix(";") { statement.removeLast() }
        let lower = statement.lowercased()
        if ["pass", "...", "todo!()", "unimplemented!()", "todo()", "nil", "}", "end"].contains(lower) { return true }
        if lower.hasPrefix("todo!(") || lower.hasPrefix("unimplemented!(") || statement.hasPrefix("fatalError(") {
            return true
        }
        let raising = ["raise", "throw", "panic(", "error("]
        guard raising.contains(where: { lower.hasPrefix($0) }) else { return false }
        let squashed = lower.filter { $0 != " " && $0 != "_" }
        return ["notimplemented", "unsupportedoperation", "unimplemented", "todo"].contains { squashed.contains($0) }
    }
}
