import Synchronization

/// The open documents, keyed by URI. Thread-safe; each call is atomic, and readers take
/// `DocumentSnapshot`s (O(1)) that stay valid while edits continue.
public final class DocumentStore: Sendable {
    private let documents = Mutex<[String: DocumentSnapshot]>([:])
    private let limits: ChunkLimits

    /// `linesPerChunk` tunes the storage (lines per immutable chunk, default 512: one edit
    /// copies about one chunk). Tests pass tiny values to exercise chunk boundaries.
    public init(linesPerChunk: Int = 512) {
        limits = ChunkLimits(linesPerChunk: linesPerChunk)
    }

    /// Opens (or reopens, replacing) `uri` with `text` and returns its snapshot.
    @discardableResult
    public func open(uri: String, languageId: String, version: Int, text: String) -> DocumentSnapshot {
        let snapshot = DocumentSnapshot(uri: uri, languageId: languageId, version: version,
                                        storage: TextStorage(text, limits: limits))
        documents.withLock { $0[uri] = snapshot }
        return snapshot
    }

    /// Applies `changes` in order (each range refers to the text left by the previous change,
    /// as in LSP `didChange`) and records `version`. All or nothing: if a change is invalid,
    /// the document keeps its previous text and version and the error says which change.
    ///
    /// Positions follow `DocumentSnapshot.utf8Offset(of:encoding:)` (a character past the end
    /// of a line clamps to it), and additionally (`lineCount`, 0) is accepted as the end of the
    /// document, an idiom some clients use for "to the end".
    @discardableResult
    public func apply(uri: String, version: Int, changes: [DocumentChange],
                      encoding: PositionEncoding) throws(DocumentError) -> DocumentSnapshot {
        try documents.withLock { (open: inout [String: DocumentSnapshot]) throws(DocumentError) in
            guard let current = open[uri] else { throw DocumentError.unknownDocument(uri: uri) }
            var storage = current.storage
            for (index, change) in changes.enumerated() {
                try Self.apply(change, index: index, uri: uri, encoding: encoding, to: &storage)
            }
            let snapshot = DocumentSnapshot(uri: uri, languageId: current.languageId,
                                            version: version, storage: storage)
            open[uri] = snapshot
            return snapshot
        }
    }

    /// Forgets `uri`; returns whether it was open. Snapshots already taken stay valid.
    @discardableResult
    public func close(uri: String) -> Bool {
        documents.withLock { $0.removeValue(forKey: uri) != nil }
    }

    /// The current snapshot of `uri`, or nil if it is not open.
    public func snapshot(uri: String) -> DocumentSnapshot? {
        documents.withLock { $0[uri] }
    }

    /// The open documents' URIs, sorted.
    public var uris: [String] {
        documents.withLock { $0.keys.sorted() }
    }

    private static func apply(_ change: DocumentChange, index: Int, uri: String,
                              encoding: PositionEncoding, to storage: inout TextStorage) throws(DocumentError) {
        guard let range = change.range else {
            storage = TextStorage(change.text, limits: storage.limits)
            return
        }
        guard range.start <= range.end else {
            throw DocumentError.invertedRange(uri: uri, changeIndex: index, range: range)
        }
        guard let start = resolve(range.start, in: storage, encoding: encoding),
              let end = resolve(range.end, in: storage, encoding: encoding) else {
            throw DocumentError.rangeOutOfBounds(uri: uri, changeIndex: index, range: range,
                                                 lineCount: storage.lineCount)
        }
        storage.replace(startOffset: start.offset, startLine: start.line,
                        endOffset: max(start.offset, end.offset), endLine: end.line, with: change.text)
    }

    /// A position's UTF-8 offset and the line holding it, or nil if it is outside the text.
    private static func resolve(_ position: TextPosition, in storage: TextStorage,
                                encoding: PositionEncoding) -> (offset: Int, line: Int)? {
        guard position.line >= 0, position.character >= 0 else { return nil }
        if position.line == storage.lineCount, position.character == 0 {
            return (storage.utf8Count, storage.lineCount - 1)
        }
        guard position.line < storage.lineCount else { return nil }
        let offset = storage.withLine(position.line) { bytes, start in
            start + ColumnConversion.utf8Column(character: position.character, in: bytes, encoding: encoding)
        }
        return (offset, position.line)
    }
}
