/// How big chunks grow before they split, and how small before they merge.
struct ChunkLimits: Sendable, Hashable {
    /// Target lines per chunk. Small enough that copying one chunk per edit is cheap, large
    /// enough that the chunk array (copied per edit too) stays short.
    let lines: Int
    /// Target bytes per chunk, so a file of very long lines still gets small chunks.
    let bytes: Int

    init(linesPerChunk: Int) {
        lines = max(1, linesPerChunk)
        bytes = max(lines * 128, 256)
    }

    /// Matches `DocumentStore.init`'s default.
    static let standard = ChunkLimits(linesPerChunk: 512)

    func isOversized(lines count: Int, bytes size: Int) -> Bool {
        (count > 2 * lines || size > 2 * bytes) && count > 1
    }

    func isUndersized(lines count: Int, bytes size: Int) -> Bool {
        count < max(1, lines / 4) && size < bytes / 4
    }
}

/// A document's text as an array of immutable `LineChunk`s plus where each chunk starts.
/// A value type: copying it is O(1), and an edit copies one or two chunks and the (short)
/// arrays of chunks and offsets, never the whole text.
struct TextStorage: Sendable {
    private(set) var chunks: [LineChunk]
    /// Document line number of each chunk's first line.
    private(set) var chunkFirstLines: [Int]
    /// Document UTF-8 offset of each chunk's first byte.
    private(set) var chunkFirstBytes: [Int]
    private(set) var lineCount: Int
    private(set) var utf8Count: Int
    let limits: ChunkLimits

    init(_ text: String, limits: ChunkLimits) {
        self.limits = limits
        let utf8 = Array(text.utf8)
        var starts = [0]
        utf8.withUnsafeBufferPointer {
            LineScanner.appendBreakEnds(in: $0, range: 0..<$0.count, base: 0, to: &starts)
        }
        chunks = []
        chunkFirstLines = []
        chunkFirstBytes = []
        lineCount = 0
        utf8Count = 0
        chunks = Self.pieces(bytes: utf8, lineStarts: starts, limits: limits)
        recomputeOffsets(from: 0)
    }

    /// The document's full text.
    func text() -> String {
        String(unsafeUninitializedCapacity: utf8Count) { buffer in
            var written = 0
            for chunk in chunks {
                chunk.bytes.withUnsafeBufferPointer { source in
                    guard let base = source.baseAddress, !source.isEmpty else { return }
                    UnsafeMutableBufferPointer(rebasing: buffer[written...])
                        .baseAddress?.initialize(from: base, count: source.count)
                }
                written += chunk.bytes.count
            }
            return written
        }
    }

    /// Index of the chunk holding document line `line` (which must exist).
    func chunkIndex(line: Int) -> Int {
        Self.lastIndex(in: chunkFirstLines, notAbove: line)
    }

    /// Index of the chunk holding byte `offset` (in `0...utf8Count`).
    func chunkIndex(utf8Offset offset: Int) -> Int {
        Self.lastIndex(in: chunkFirstBytes, notAbove: offset)
    }

    /// Calls `body` with line `line`'s content (no line break) and its document UTF-8 offset.
    func withLine<R>(_ line: Int, _ body: (UnsafeBufferPointer<UInt8>, _ start: Int) -> R) -> R {
        let chunkIndex = chunkIndex(line: line)
        let chunk = chunks[chunkIndex]
        let local = line - chunkFirstLines[chunkIndex]
        let start = chunk.lineStarts[local]
        let end = chunk.contentEnd(local)
        return chunk.bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[start..<end]), chunkFirstBytes[chunkIndex] + start)
        }
    }

    /// The document line holding byte `offset` (in `0...utf8Count`). An offset inside a line
    /// break belongs to the line it ends.
    func line(containingUTF8Offset offset: Int) -> Int {
        let chunkIndex = chunkIndex(utf8Offset: offset)
        let local = chunks[chunkIndex].lineIndex(containing: offset - chunkFirstBytes[chunkIndex])
        return chunkFirstLines[chunkIndex] + local
    }

    // MARK: - Chunk bookkeeping shared with editing

    /// Recomputes line and byte offsets of chunks `from...` (after chunks there changed).
    mutating func recomputeOffsets(from first: Int) {
        chunkFirstLines.removeSubrange(min(first, chunkFirstLines.count)...)
        chunkFirstBytes.removeSubrange(min(first, chunkFirstBytes.count)...)
        var line = first == 0 ? 0 : chunkFirstLines[first - 1] + chunks[first - 1].lineCount
        var byte = first == 0 ? 0 : chunkFirstBytes[first - 1] + chunks[first - 1].bytes.count
        chunkFirstLines.reserveCapacity(chunks.count)
        chunkFirstBytes.reserveCapacity(chunks.count)
        for index in first..<chunks.count {
            chunkFirstLines.append(line)
            chunkFirstBytes.append(byte)
            line += chunks[index].lineCount
            byte += chunks[index].bytes.count
        }
        lineCount = line
        utf8Count = byte
    }

    mutating func replaceChunks(_ range: ClosedRange<Int>, with pieces: [LineChunk]) {
        chunks.replaceSubrange(range, with: pieces)
        recomputeOffsets(from: range.lowerBound)
    }

    /// Cuts lines (`bytes` with `lineStarts`) into chunks of about `limits` each; a short
    /// remainder joins the previous chunk rather than living on as a tiny one.
    static func pieces(bytes: [UInt8], lineStarts: [Int], limits: ChunkLimits) -> [LineChunk] {
        if !limits.isOversized(lines: lineStarts.count, bytes: bytes.count) {
            return [LineChunk(bytes: bytes, lineStarts: lineStarts)]
        }
        var cuts: [Int] = [0]  // line indices where pieces start
        var pieceStartByte = 0
        for line in 1..<lineStarts.count {
            let linesSoFar = line - cuts[cuts.count - 1]
            if linesSoFar >= limits.lines || lineStarts[line] - pieceStartByte >= limits.bytes {
                cuts.append(line)
                pieceStartByte = lineStarts[line]
            }
        }
        if cuts.count > 1 {
            let lastStart = cuts[cuts.count - 1]
            if limits.isUndersized(lines: lineStarts.count - lastStart,
                                   bytes: bytes.count - lineStarts[lastStart]) {
                cuts.removeLast()
            }
        }
        var result: [LineChunk] = []
        result.reserveCapacity(cuts.count)
        for (number, firstLine) in cuts.enumerated() {
            let endLine = number + 1 < cuts.count ? cuts[number + 1] : lineStarts.count
            let startByte = lineStarts[firstLine]
            let endByte = endLine < lineStarts.count ? lineStarts[endLine] : bytes.count
            let localStarts = lineStarts[firstLine..<endLine].map { $0 - startByte }
            result.append(LineChunk(bytes: Array(bytes[startByte..<endByte]), lineStarts: localStarts))
        }
        return result
    }

    /// The last index `i` with `sorted[i] <= value` (0 if none): `sorted` is non-decreasing.
    private static func lastIndex(in sorted: [Int], notAbove value: Int) -> Int {
        var low = 0
        var high = sorted.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if sorted[mid] <= value { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
