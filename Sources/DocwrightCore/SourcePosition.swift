/// A position in a text as a zero-based line and a zero-based column counted in UTF-8 bytes
/// of that line. Core modules speak this; only `Server` converts to the client's encoding.
public struct SourcePosition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var utf8Column: Int

    public init(line: Int, utf8Column: Int) {
        self.line = line
        self.utf8Column = utf8Column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.utf8Column) < (b.line, b.utf8Column)
    }

    public var description: String { "\(line):\(utf8Column)" }
}

/// A half-open range `[start, end)` of `SourcePosition`s.
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// An empty range (an insertion point).
    public init(at position: SourcePosition) {
        self.start = position
        self.end = position
    }

    public var isEmpty: Bool { start == end }
    public var description: String { "\(start)-\(end)" }
}
