extension TextStorage {
    /// Replaces the UTF-8 range `startOffset..<endOffset` with `replacement`. `startLine` and
    /// `endLine` are the lines holding the two offsets, and both offsets lie in their line's
    /// content (not inside a line break) on scalar boundaries, `startOffset <= endOffset`.
    ///
    /// Only the chunks holding those lines are rebuilt: their bytes are copied once with the
    /// replacement spliced in, line starts before the edit are kept, those after it shifted,
    /// and only the edited lines are rescanned for line breaks.
    mutating func replace(startOffset: Int, startLine: Int, endOffset: Int, endLine: Int,
                          with replacement: String) {
        // A lone `\r` ending the line before the edit would join a `\n` that the edit puts at
        // the start of its line into one break: rescan from that line too.
        var firstLine = startLine
        if firstLine > 0 {
            let previous = chunkIndex(line: firstLine - 1)
            if chunks[previous].endsWithLoneCarriageReturn(firstLine - 1 - chunkFirstLines[previous]) {
                firstLine -= 1
            }
        }
        let first = chunkIndex(line: firstLine)
        let last = chunkIndex(line: endLine)
        let base = chunkFirstBytes[first]
        let oldEnd = chunkFirstBytes[last] + chunks[last].bytes.count - base
        let start = startOffset - base
        let end = endOffset - base
        let replacementCount = replacement.utf8.count
        let delta = replacementCount - (end - start)

        var bytes: [UInt8] = []
        bytes.reserveCapacity(oldEnd + delta)
        appendBytes(start: 0, end: start, chunks: first...last, base: base, to: &bytes)
        bytes.append(contentsOf: replacement.utf8)
        appendBytes(start: end, end: oldEnd, chunks: first...last, base: base, to: &bytes)

        let firstLocal = firstLine - chunkFirstLines[first]
        let lastChunk = chunks[last]
        let lastLocal = endLine - chunkFirstLines[last]
        let lastChunkBase = chunkFirstBytes[last] - base + delta
        let regionEnd = lastChunkBase + lastChunk.lineEnd(lastLocal)

        var starts: [Int] = []
        starts.reserveCapacity(chunks[first].lineCount + lastChunk.lineCount)
        starts.append(contentsOf: chunks[first].lineStarts[...firstLocal])
        let scanFrom = chunks[first].lineStarts[firstLocal]
        bytes.withUnsafeBufferPointer {
            LineScanner.appendBreakEnds(in: $0, range: scanFrom..<regionEnd, base: 0, to: &starts)
        }
        let endsDocument = last == chunks.count - 1 && lastLocal == lastChunk.lineCount - 1
        if !endsDocument, starts.last == regionEnd {
            // The edited region ends with the end line's own (untouched) break; the line after
            // it is not part of the rescan, it is added below or lives in the next chunk.
            starts.removeLast()
        }
        for local in (lastLocal + 1)..<max(lastLocal + 1, lastChunk.lineCount) {
            starts.append(lastChunk.lineStarts[local] + lastChunkBase)
        }

        var range = first...last
        if limits.isUndersized(lines: starts.count, bytes: bytes.count), chunks.count > range.count {
            range = absorbNeighbour(of: range, bytes: &bytes, starts: &starts)
        }
        replaceChunks(range, with: Self.pieces(bytes: bytes, lineStarts: starts, limits: limits))
    }

    /// Appends bytes `start..<end` (relative to `base`) of chunks `range` to `bytes`.
    private func appendBytes(start: Int, end: Int, chunks range: ClosedRange<Int>, base: Int,
                             to bytes: inout [UInt8]) {
        guard start < end else { return }
        for index in range {
            let chunkStart = chunkFirstBytes[index] - base
            let chunk = chunks[index].bytes
            let low = max(start, chunkStart)
            let high = min(end, chunkStart + chunk.count)
            if low < high { bytes.append(contentsOf: chunk[(low - chunkStart)..<(high - chunkStart)]) }
        }
    }

    /// Joins a too-small rebuilt chunk with the chunk after it (or before it, at the end) so
    /// that many edits cannot leave a long array of tiny chunks.
    private func absorbNeighbour(of range: ClosedRange<Int>, bytes: inout [UInt8],
                                 starts: inout [Int]) -> ClosedRange<Int> {
        if range.upperBound + 1 < chunks.count {
            let next = chunks[range.upperBound + 1]
            let shift = bytes.count
            starts.append(contentsOf: next.lineStarts.lazy.map { $0 + shift })
            bytes.append(contentsOf: next.bytes)
            return range.lowerBound...(range.upperBound + 1)
        }
        let previous = chunks[range.lowerBound - 1]
        let shift = previous.bytes.count
        starts = previous.lineStarts + starts.map { $0 + shift }
        bytes = previous.bytes + bytes
        return (range.lowerBound - 1)...range.upperBound
    }
}
