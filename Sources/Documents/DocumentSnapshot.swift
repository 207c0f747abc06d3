import Synchronization

/// One version of an open document, immutable and cheap to take (O(1): it shares chunks with
/// the store and with other snapshots). Hold it as long as you like; later edits do not
/// change it.
///
/// Lines end at `\n`, `\r\n` (one break) or a lone `\r`, as LSP says; a document always has
/// at least one line, and text ending with a break has an empty last line.
public struct DocumentSnapshot: Sendable {
    public let uri: String
    public let languageId: String
    /// The version the client gave with the last open/change (kept even if it went backwards).
    public let version: Int
    let storage: TextStorage
    private let textCache = TextCache()

    /// A snapshot of `text` that no store tracks (for tests and one-off conversions).
    public init(uri: String, languageId: String, version: Int, text: String) {
        self.init(uri: uri, languageId: languageId, version: version,
                  storage: TextStorage(text, limits: .standard))
    }

    init(uri: String, languageId: String, version: Int, storage: TextStorage) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.storage = storage
    }

    /// The full text. Built on first use (O(size)) and then kept for this snapshot.
    public var text: String { textCache.text(of: storage) }

    /// Number of lines, at least 1.
    public var lineCount: Int { storage.lineCount }

    /// Size of the text in UTF-8 bytes.
    public var utf8Count: Int { storage.utf8Count }

    /// Line `index`'s text without its line break, or nil outside `0..<lineCount`.
    public func line(_ index: Int) -> String? {
        guard index >= 0, index < lineCount else { return nil }
        return storage.withLine(index) { bytes, _ in String(decoding: bytes, as: UTF8.self) }
    }

    /// The UTF-8 offset of `position` in the text, or nil when its line is outside
    /// `0..<lineCount` or a number is negative. A `character` past the line's end clamps to
    /// the end (LSP); one inside a scalar (half a surrogate pair) rounds down to its start.
    public func utf8Offset(of position: TextPosition, encoding: PositionEncoding) -> Int? {
        guard position.line >= 0, position.line < lineCount, position.character >= 0 else { return nil }
        return storage.withLine(position.line) { bytes, start in
            start + ColumnConversion.utf8Column(character: position.character, in: bytes, encoding: encoding)
        }
    }

    /// The position of UTF-8 `offset`, or nil outside `0...utf8Count`. An offset inside a
    /// scalar rounds down to its start; one inside a line break gives the end of that line.
    public func position(ofUTF8Offset offset: Int, encoding: PositionEncoding) -> TextPosition? {
        guard offset >= 0, offset <= utf8Count else { return nil }
        let line = storage.line(containingUTF8Offset: offset)
        let character = storage.withLine(line) { bytes, start in
            ColumnConversion.character(utf8Column: offset - start, in: bytes, encoding: encoding)
        }
        return TextPosition(line: line, character: character)
    }

    /// The `encoding` column of (`line`, `utf8Column`), the form `DocwrightCore` uses. A
    /// column past the line's end gives the line's length, one inside a scalar counts up to
    /// its start; a line outside the document gives 0.
    public func character(line: Int, utf8Column: Int, encoding: PositionEncoding) -> Int {
        guard line >= 0, line < lineCount else { return 0 }
        return storage.withLine(line) { bytes, _ in
            ColumnConversion.character(utf8Column: utf8Column, in: bytes, encoding: encoding)
        }
    }

    /// The UTF-8 column of (`line`, `character` in `encoding`), or nil when the line is
    /// outside the document or `character` is negative. Clamps and rounds like `utf8Offset`.
    public func utf8Column(line: Int, character: Int, encoding: PositionEncoding) -> Int? {
        guard line >= 0, line < lineCount, character >= 0 else { return nil }
        return storage.withLine(line) { bytes, _ in
            ColumnConversion.utf8Column(character: character, in: bytes, encoding: encoding)
        }
    }
}

/// Holds a snapshot's full text once someone asked for it, so `text` is O(size) only once.
private final class TextCache: Sendable {
    private let cached = Mutex<String?>(nil)

    func text(of storage: TextStorage) -> String {
        if let text = cached.withLock({ $0 }) { return text }
        // Built outside the lock: two racing readers may both build it, which is harmless.
        let text = storage.text()
        cached.withLock { $0 = text }
        return text
    }
}
