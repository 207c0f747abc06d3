private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D

/// A run of complete lines stored contiguously as UTF-8, with where each line starts.
/// Immutable: an edit builds new chunks, so snapshots that share a chunk never see it change.
struct LineChunk: Sendable {
    /// The lines' text including their line breaks. Only the document's last line has none
    /// (and only the last chunk holds it).
    let bytes: [UInt8]
    /// Offset in `bytes` where each line starts; never empty, strictly increasing except that
    /// an empty unterminated last line starts at `bytes.count`.
    let lineStarts: [Int]

    var lineCount: Int { lineStarts.count }

    /// End of line `index` including its line break.
    @inline(__always)
    func lineEnd(_ index: Int) -> Int {
        index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
    }

    /// End of line `index` without its line break (`\n`, `\r\n` or `\r`).
    func contentEnd(_ index: Int) -> Int {
        let start = lineStarts[index]
        var end = lineEnd(index)
        if end > start, bytes[end - 1] == lineFeed { end -= 1 }
        if end > start, bytes[end - 1] == carriageReturn { end -= 1 }
        return end
    }

    /// Whether line `index` ends with a lone `\r`: a `\n` inserted right after it would join
    /// the two into one `\r\n` break, so edits must rescan from that line.
    func endsWithLoneCarriageReturn(_ index: Int) -> Bool {
        let end = lineEnd(index)
        return end > lineStarts[index] && bytes[end - 1] == carriageReturn
    }

    /// Local index of the line containing byte `offset` (an offset equal to a line's start
    /// belongs to that line).
    func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

enum LineScanner {
    /// Appends `base + p` for every position `p` in `bytes[range]` just after a line break.
    /// `\r\n` is one break; a `\r` at `range`'s end counts as a lone `\r` (callers make sure
    /// the byte after the range is not a `\n`).
    static func appendBreakEnds(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
                                base: Int, to starts: inout [Int]) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == lineFeed {
                starts.append(base + index)
            } else if byte == carriageReturn {
                if index < end, bytes[index] == lineFeed { index += 1 }
                starts.append(base + index)
            }
        }
    }
}
