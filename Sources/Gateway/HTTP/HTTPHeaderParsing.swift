/// Parses a block of `Name: value\r\n` lines into a dictionary with lower-cased names.
enum HTTPHeaderParsing {
    static func fields(_ block: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        block.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
                parseLine(bytes, lineStart, lineEnd, into: &fields)
                lineStart = lineEnd + 1
            }
        }
        return fields
    }

    private static func parseLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                  into fields: inout [String: String]) {
        var end = end
        while end > start, bytes[end - 1] == 13 || bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        var colon = start
        while colon < end, bytes[colon] != 58 { colon += 1 }
        guard colon < end, colon > start else { return }
        var valueStart = colon + 1
        while valueStart < end, bytes[valueStart] == 32 || bytes[valueStart] == 9 { valueStart += 1 }
        var name = [UInt8](repeating: 0, count: colon - start)
        for offset in 0..<(colon - start) {
            let byte = bytes[start + offset]
            name[offset] = (65...90).contains(byte) ? byte + 32 : byte
        }
        fields[String(decoding: name, as: UTF8.self)] =
            String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
    }
}
