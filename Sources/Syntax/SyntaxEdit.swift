import CTreeSitter

/// A position as tree-sitter counts it: `row` counts `\n` only (a `\r` before it is the last
/// byte of its row; a lone `\r` does not start a row), `column` is in UTF-8 bytes.
public struct SyntaxPoint: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    init(_ point: TSPoint) {
        self.init(row: Int(point.row), column: Int(point.column))
    }

    var raw: TSPoint { TSPoint(row: UInt32(clamping: row), column: UInt32(clamping: column)) }

    /// The point of byte `offset` in `text` (O(offset)).
    public static func of(byteOffset offset: Int, in text: some Collection<UInt8>) -> SyntaxPoint {
        var point = SyntaxPoint(row: 0, column: 0)
        for byte in text.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                point.row += 1
                point.column = 0
            } else {
                point.column += 1
            }
        }
        return point
    }

    /// Where `start` ends up after `text` is inserted there.
    func advanced(over text: some Collection<UInt8>) -> SyntaxPoint {
        var point = self
        for byte in text {
            if byte == UInt8(ascii: "\n") {
                point.row += 1
                point.column = 0
            } else {
                point.column += 1
            }
        }
        return point
    }

    public static func < (lhs: SyntaxPoint, rhs: SyntaxPoint) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }

    public var description: String { "\(row):\(column)" }
}

/// One change to a document, in the old text's coordinates before it and the new text's after:
/// bytes `startByte..<oldEndByte` (ending at `oldEndPoint`) became bytes `startByte..<newEndByte`
/// (ending at `newEndPoint`). Several edits apply in order, each to the text the previous one
/// produced (like LSP's `contentChanges`).
public struct SyntaxEdit: Sendable, Hashable {
    public var startByte: Int
    public var oldEndByte: Int
    public var newEndByte: Int
    public var startPoint: SyntaxPoint
    public var oldEndPoint: SyntaxPoint
    public var newEndPoint: SyntaxPoint

    public init(startByte: Int, oldEndByte: Int, newEndByte: Int,
                startPoint: SyntaxPoint, oldEndPoint: SyntaxPoint, newEndPoint: SyntaxPoint) {
        self.startByte = startByte
        self.oldEndByte = oldEndByte
        self.newEndByte = newEndByte
        self.startPoint = startPoint
        self.oldEndPoint = oldEndPoint
        self.newEndPoint = newEndPoint
    }

    /// Replacing bytes `range` of `text` with `replacement`, every field computed (O(range.upperBound)).
    public init(replacing range: Range<Int>, in text: [UInt8], with replacement: some Collection<UInt8>) throws(SyntaxError) {
        guard range.lowerBound >= 0, range.upperBound <= text.count else {
            throw .invalidEdit("bytes \(range) outside a text of \(text.count) bytes")
        }
        let start = SyntaxPoint.of(byteOffset: range.lowerBound, in: text)
        self.init(startByte: range.lowerBound, oldEndByte: range.upperBound, newEndByte: range.lowerBound + replacement.count,
                  startPoint: start, oldEndPoint: start.advanced(over: text[range]), newEndPoint: start.advanced(over: replacement))
    }

    /// Replacing bytes `range` of `text` with the UTF-8 of `replacement`.
    public init(replacing range: Range<Int>, in text: String, with replacement: String) throws(SyntaxError) {
        try self.init(replacing: range, in: Array(text.utf8), with: Array(replacement.utf8))
    }

    var raw: TSInputEdit {
        TSInputEdit(start_byte: UInt32(clamping: startByte), old_end_byte: UInt32(clamping: oldEndByte),
                    new_end_byte: UInt32(clamping: newEndByte), start_point: startPoint.raw,
                    old_end_point: oldEndPoint.raw, new_end_point: newEndPoint.raw)
    }

    func validate() throws(SyntaxError) {
        guard startByte >= 0, startByte <= oldEndByte, startByte <= newEndByte,
              oldEndByte <= Int(UInt32.max), newEndByte <= Int(UInt32.max) else {
            throw .invalidEdit("start \(startByte), old end \(oldEndByte), new end \(newEndByte)")
        }
    }
}
