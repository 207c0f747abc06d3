/// Substring search over UTF-8 bytes, for ASCII markers and keywords in document text (`__main__`
/// guards, `docwright: off`). The standard library's `contains(_:)`/`firstRange(of:)` on strings
/// compare Characters, and cost a fifth of a cached code action on a 200-line file; Foundation's
/// byte search is not linked. A match of a valid UTF-8 needle starts on a scalar boundary.
public enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack`, or nil (an empty needle: 0).
    public static func firstOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard needle.count <= haystack.count else { return nil }
        let lastStart = haystack.count - needle.count
        var start = 0
        while start <= lastStart {
            guard let candidate = haystack[start...lastStart].firstIndex(of: first) else { return nil }
            var matched = 1
            while matched < needle.count, haystack[candidate + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return candidate }
            start = candidate + 1
        }
        return nil
    }

    /// Whether `text` contains `needle`, byte for byte.
    public static func contains(_ needle: String, in text: some StringProtocol) -> Bool {
        let needleBytes = Array(needle.utf8)
        if let found = text.utf8.withContiguousStorageIfAvailable({ firstOffset(of: needleBytes, in: $0) != nil }) {
            return found
        }
        return Array(text.utf8).withUnsafeBufferPointer { firstOffset(of: needleBytes, in: $0) != nil }
    }
}
