/// The regions the user edited last, a few lines each, newest first: what llama.vim keeps as its
/// ring of chunks. An edit near an earlier chunk of the same file replaces it.
public struct RecentEdits: Sendable, Hashable {
    public struct Chunk: Sendable, Hashable {
        public var path: String
        /// 0-based first line.
        public var line: Int
        public var text: String
    }

    public private(set) var chunks: [Chunk] = []
    public let capacity: Int
    /// Lines kept on each side of the edited line.
    public let radius: Int

    public init(capacity: Int = 8, radius: Int = 8) {
        self.capacity = capacity
        self.radius = radius
    }

    /// Records an edit of `path` at 0-based `line`, given the document's text after it.
    public mutating func record(path: String, line: Int, text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return }
        let first = max(0, min(line, lines.count - 1) - radius)
        let last = min(lines.count, first + 2 * radius + 1)
        let body = lines[first..<last].joined(separator: "\n")
        chunks.removeAll { $0.path == path && abs($0.line - first) <= radius }
        guard !body.allSatisfy(\.isWhitespace) else { return }
        chunks.insert(Chunk(path: path, line: first, text: body), at: 0)
        if chunks.count > capacity { chunks.removeLast(chunks.count - capacity) }
    }

    public mutating func remove(path: String) {
        chunks.removeAll { $0.path == path }
    }
}
