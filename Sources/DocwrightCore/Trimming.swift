extension StringProtocol {
    /// Without leading and trailing whitespace, line breaks included (Foundation's
    /// `.whitespacesAndNewlines`, without linking Foundation for it).
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// Without leading and trailing spaces and tabs (any Unicode whitespace but line breaks:
    /// Foundation's `.whitespaces`).
    public func trimmingHorizontalWhitespace() -> String {
        let isHorizontal: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = firstIndex(where: { !isHorizontal($0) }),
              let last = lastIndex(where: { !isHorizontal($0) }) else { return "" }
        return String(self[first...last])
    }
}
