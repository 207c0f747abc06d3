/// Why the store refused a request. `userMessage` is safe to show (no document text in it).
///
/// Documents depends on nothing, so this type cannot conform to DocwrightCore's
/// `UserFacingError` here; it has the same `userMessage` so the conformance is one line.
public enum DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `apply` or a lookup named a URI that is not open (never opened, or already closed).
    case unknownDocument(uri: String)
    /// A change's range does not lie in the document (`changeIndex` is zero-based within the
    /// call). `lineCount` is the document's line count before that change.
    case rangeOutOfBounds(uri: String, changeIndex: Int, range: TextRange, lineCount: Int)
    /// A change's range ends before it starts.
    case invertedRange(uri: String, changeIndex: Int, range: TextRange)

    public var userMessage: String {
        switch self {
        case .unknownDocument(let uri):
            return "Document \(uri) is not open; open it (didOpen) before changing or querying it."
        case .rangeOutOfBounds(let uri, let index, let range, let lineCount):
            return "Change #\(index) to \(uri) has range \(range) outside the document "
                + "(\(lineCount) line\(lineCount == 1 ? "" : "s"), last line \(lineCount - 1)); "
                + "the document was left unchanged and is probably out of sync: reopen it."
        case .invertedRange(let uri, let index, let range):
            return "Change #\(index) to \(uri) has range \(range) whose end is before its start; "
                + "the document was left unchanged."
        }
    }

    public var description: String { userMessage }
}
