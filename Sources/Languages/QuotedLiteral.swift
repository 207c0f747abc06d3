/// A string literal in an import statement (`"…"`, `'…'`, `` `…` ``) and the text around it: the
/// module names routing reads (`Language.ImportForm.modules`) and the import resolvers
/// (ProjectContext) both take them from here.
public struct QuotedLiteral: Sendable {
    public var value: String
    /// The text before the opening quote.
    public var before: Substring
    /// The text after the closing quote.
    public var after: Substring

    /// The string literals of `text`, in order; a backslash-escaped character stands for itself.
    /// An unclosed literal (or a line break in a quoted, not backticked, one) is none.
    public static func all(in text: String) -> [QuotedLiteral] {
        var out: [QuotedLiteral] = []
        var index = text.startIndex
        while index < text.endIndex {
            let quote = text[index]
            guard quote == "\"" || quote == "'" || quote == "`" else {
                index = text.index(after: index)
                continue
            }
            let open = index
            var cursor = text.index(after: index)
            var value = ""
            var closed = false
            while cursor < text.endIndex {
                let c = text[cursor]
                if c == "\\" {
                    let next = text.index(after: cursor)
                    if next < text.endIndex { value.append(text[next]); cursor = text.index(after: next); continue }
                }
                if c == quote { closed = true; break }
                if c == "\n", quote != "`" { break }
                value.append(c)
                cursor = text.index(after: cursor)
            }
            guard closed else {
                index = text.index(after: open)
                continue
            }
            let end = text.index(after: cursor)
            out.append(QuotedLiteral(value: value, before: text[..<open], after: text[end...]))
            index = end
        }
        return out
    }
}
