/// A position as a client sends it: zero-based `line`, and zero-based `character` counted in
/// whatever `PositionEncoding` was negotiated (the encoding travels separately).
public struct TextPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.line, a.character) < (b.line, b.character)
    }

    public var description: String { "\(line):\(character)" }
}

/// A half-open range `[start, end)` of `TextPosition`s in one encoding.
public struct TextRange: Sendable, Hashable, CustomStringConvertible {
    public var start: TextPosition
    public var end: TextPosition

    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }

    /// An empty range (an insertion point).
    public init(at position: TextPosition) {
        self.init(start: position, end: position)
    }

    public var isEmpty: Bool { start == end }
    public var description: String { "\(start)-\(end)" }
}

/// One content change of a `didChange` notification: replace `range` with `text`, or the
/// whole document when `range` is nil.
public struct DocumentChange: Sendable, Hashable {
    public var range: TextRange?
    public var text: String

    public init(range: TextRange?, text: String) {
        self.range = range
        self.text = text
    }

    /// A change that replaces the whole document.
    public static func fullReplacement(_ text: String) -> DocumentChange {
        DocumentChange(range: nil, text: text)
    }
}
