/// Parsing of one `Name: value\r\n…` header block and the search for a place to resynchronise.
enum HeaderBlock {
    /// Reads the Content-Length out of a header block (without its final blank line).
    /// Header names are case-insensitive; `Content-Type` and unknown headers are accepted and ignored.
    static func contentLength(of block: ArraySlice<UInt8>) -> Result<Int, FramingError> {
        var length: Int?
        for line in lines(of: block) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .failure(.malformedHeader(shortened(line)))
            }
            let name = trimmed(line[line.startIndex..<colon])
            guard !name.isEmpty, name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                return .failure(.malformedHeader(shortened(line)))
            }
            guard lowercased(name) == Array("content-length".utf8) else { continue }
            let value = trimmed(line[(colon + 1)...])
            guard !value.isEmpty, value.count <= 18, value.allSatisfy(isDigit),
                let parsed = Int(String(decoding: value, as: UTF8.self))
            else {
                return .failure(.invalidContentLength(shortened(value)))
            }
            if let previous = length, previous != parsed { return .failure(.conflictingContentLength) }
            length = parsed
        }
        guard let length else { return .failure(.missingContentLength) }
        return .success(length)
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
            if bytes[index] | 0x20 == UInt8(ascii: "c") {
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

    private static let name = Array("content-length".utf8)
    private static let maxPadding = 16
    private static let maxDigits = 20

    /// Matches `content-length[ \t]*:[ \t]*[0-9]+[ \t]*\r\n` with bounded runs, so a partial match
    /// never holds more than about 90 bytes.
    private static func matchHeaderLine(in bytes: ArraySlice<UInt8>, at start: Int) -> LineMatch {
        var index = start
        for expected in name {
            guard index < bytes.endIndex else { return .needMore }
            let byte = expected == UInt8(ascii: "-") ? bytes[index] : bytes[index] | 0x20  // ASCII case fold
            guard byte == expected else { return .mismatch }
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

    private static func lines(of block: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var lineStart = block.startIndex
        var index = block.startIndex
        while index < block.endIndex {
            if block[index] == 0x0D, index + 1 < block.endIndex, block[index + 1] == 0x0A {
                result.append(block[lineStart..<index])
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        result.append(block[lineStart..<block.endIndex])
        return result
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
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
