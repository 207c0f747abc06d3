/// Parsing of one `Name: value\r\n…` header block and the search for a place to resynchronise.
enum HeaderBlock {
    /// Reads the Content-Length out of a header block (without its final blank line).
    /// Header names are case-insensitive; `Content-Type` and unknown headers are accepted and ignored.
    static func contentLength(of block: ArraySlice<UInt8>) -> Result<Int, FramingError> {
        var length: Int?
        var lineStart = block.startIndex
        while lineStart <= block.endIndex {
            var lineEnd = lineStart
            while lineEnd < block.endIndex, !(block[lineEnd] == 0x0D && lineEnd + 1 < block.endIndex && block[lineEnd + 1] == 0x0A) {
                lineEnd += 1
            }
            switch parseLine(block[lineStart..<lineEnd]) {
            case .failure(let error):
                return .failure(error)
            case .success(let value?):
                if let previous = length, previous != value { return .failure(.conflictingContentLength) }
                length = value
            case .success(nil):
                break
            }
            lineStart = lineEnd + 2
        }
        guard let length else { return .failure(.missingContentLength) }
        return .success(length)
    }

    /// One `Name: value` line: the Content-Length if that is what it holds, nil for other headers.
    private static func parseLine(_ line: ArraySlice<UInt8>) -> Result<Int?, FramingError> {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            return .failure(.malformedHeader(shortened(line)))
        }
        let name = trimmed(line.startIndex, colon, in: line)
        guard !name.isEmpty else { return .failure(.malformedHeader(shortened(line))) }
        for index in name where line[index] <= 0x20 || line[index] >= 0x7F {
            return .failure(.malformedHeader(shortened(line)))
        }
        guard name.count == contentLengthName.count else { return .success(nil) }
        for (offset, index) in name.enumerated() where foldCase(line[index]) != contentLengthName[offset] {
            return .success(nil)
        }
        let value = trimmed(colon + 1, line.endIndex, in: line)
        guard !value.isEmpty, value.count <= 18 else { return .failure(.invalidContentLength(shortened(line[value]))) }
        var parsed = 0
        for index in value {
            guard isDigit(line[index]) else { return .failure(.invalidContentLength(shortened(line[value]))) }
            parsed = parsed * 10 + Int(line[index] - UInt8(ascii: "0"))
        }
        return .success(parsed)
    }

    /// Where a plausible header (`Content-Length: <digits>\r\n`, any case) begins in `bytes`.
    ///
    /// Such a line can never occur inside valid JSON (raw CR is not allowed in JSON strings and
    /// the name is not a JSON token), so it is a safe point to restart reading after garbage.
    enum Resync: Equatable {
        case found(Int)
        /// The bytes from this index on could still become a header: wait for more input.
        case partial(Int)
        case none
    }

    static func findResyncPoint(in bytes: ArraySlice<UInt8>) -> Resync {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if foldCase(bytes[index]) == UInt8(ascii: "c") {
                switch matchHeaderLine(in: bytes, at: index) {
                case .matched: return .found(index)
                case .needMore: return .partial(index)
                case .mismatch: break
                }
            }
            index += 1
        }
        return .none
    }

    private enum LineMatch { case matched, needMore, mismatch }

    private static let contentLengthName = Array("content-length".utf8)
    private static let maxPadding = 16
    private static let maxDigits = 20
    /// Longest line `findResyncPoint` can match.
    static let maxHeaderLineLength = contentLengthName.count + 3 * maxPadding + 1 + maxDigits + 2

    /// Matches `content-length[ \t]*:[ \t]*[0-9]+[ \t]*\r\n` with bounded runs, so a partial match
    /// never holds more than about 90 bytes.
    private static func matchHeaderLine(in bytes: ArraySlice<UInt8>, at start: Int) -> LineMatch {
        var index = start
        for expected in contentLengthName {
            guard index < bytes.endIndex else { return .needMore }
            guard foldCase(bytes[index]) == expected else { return .mismatch }
            index += 1
        }
        func skipBlanks() -> Bool {  // false when input ran out
            var count = 0
            while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09, count < maxPadding {
                index += 1
                count += 1
            }
            return index < bytes.endIndex
        }
        guard skipBlanks() else { return .needMore }
        guard bytes[index] == UInt8(ascii: ":") else { return .mismatch }
        index += 1
        guard skipBlanks() else { return .needMore }
        var digits = 0
        while index < bytes.endIndex, isDigit(bytes[index]) {
            index += 1
            digits += 1
            if digits > maxDigits { return .mismatch }
        }
        guard index < bytes.endIndex else { return .needMore }
        guard digits > 0 else { return .mismatch }
        guard skipBlanks() else { return .needMore }
        guard bytes[index] == 0x0D else { return .mismatch }
        index += 1
        guard index < bytes.endIndex else { return .needMore }
        return bytes[index] == 0x0A ? .matched : .mismatch
    }

    // MARK: - Small byte helpers

    /// `start..<end` without surrounding spaces and tabs.
    private static func trimmed(_ start: Int, _ end: Int, in bytes: ArraySlice<UInt8>) -> Range<Int> {
        var lower = start
        var upper = end
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    /// ASCII letters to lower case; everything else unchanged.
    private static func foldCase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// A printable excerpt of bad input for an error message.
    private static func shortened(_ bytes: ArraySlice<UInt8>) -> String {
        let excerpt = bytes.prefix(40).map { $0 >= 0x20 && $0 < 0x7F ? Character(Unicode.Scalar($0)) : "?" }
        return String(excerpt) + (bytes.count > 40 ? "…" : "")
    }
}
