extension SyntaxTree {
    /// Where a parser may start reading to see code inserted at `offset` as the file would: the
    /// start of the outermost node around the insertion (containing `offset`, or ending just
    /// before it with only whitespace between) that begins at most `limit` bytes before it —
    /// the declaration being written, or in one longer than `limit`, its member or statement
    /// around the insertion. A node begins at a token, never inside a comment or a string, so a
    /// lexer starting there is in step with the file. `offset` itself (nothing to read) at the
    /// top level, where a parser starts in step anyway.
    public func contextStart(before offset: Int, limit: Int = 16_384) -> Int {
        let offset = min(max(offset, 0), utf8.count)
        let floor = max(offset - limit, 0)
        guard floor < offset else { return offset }
        var found = offset
        let root = self.root
        root.walk(within: floor..<offset) { node in
            if node == root { return .descend }
            let range = node.byteRange
            guard range.lowerBound < offset else { return .stop }
            guard range.upperBound > offset || onlyWhitespace(range.upperBound..<offset) else { return .skipChildren }
            if range.lowerBound >= floor {
                found = range.lowerBound
                return .stop
            }
            return .descend
        }
        return found
    }

    private func onlyWhitespace(_ range: Range<Int>) -> Bool {
        utf8[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
