#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Whether `text` holds `byte` (memchr; `utf8.contains` walks a string's view byte by byte).
    public static func contains(byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether `bytes` are exactly `text`'s UTF-8 (memcmp; `==` on arrays and `elementsEqual`
    /// compare element by element, a millisecond for a large document on every request).
    public static func equal(_ bytes: [UInt8], _ text: String) -> Bool {
        equal(bytes[...], text)
    }

    /// Whether a slice of bytes is exactly `text`'s UTF-8 (memcmp).
    public static func equal(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { other in bytes.withUnsafeBufferPointer { equal($0, other) } }
    }

    /// Whether two byte buffers are equal (memcmp).
    public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let left = a.baseAddress, let right = b.baseAddress else { return true }
        return memcmp(left, right, a.count) == 0
    }
}
