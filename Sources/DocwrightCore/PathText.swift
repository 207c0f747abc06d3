/// Path arithmetic on strings, lexical only (no file system access), with `NSString`'s meaning
/// for the cases docwright uses: joining, the parent directory, `.`/`..`/`//` removed.
/// (`NSString`'s path methods would link all of Foundation.)
public enum PathText {
    /// `base` + `/` + `component`, with one slash between them; an absolute `component` is still
    /// appended (as `NSString.appendingPathComponent` does).
    public static func appending(_ component: String, to base: String) -> String {
        if base.isEmpty { return component }
        if component.isEmpty { return base }
        let head = base.hasSuffix("/") ? String(base.dropLast()) : base
        let tail = component.hasPrefix("/") ? String(component.drop { $0 == "/" }) : component
        return head + "/" + tail
    }

    /// The path without its last component: `/a/b` → `/a`, `/a` → `/`, `a` → `` (empty), `/` → `/`.
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        var head = trimmed[..<slash]
        while head.hasSuffix("/") { head = head.dropLast() }
        return head.isEmpty ? "/" : String(head)
    }

    /// The last component: `/a/b.txt` → `b.txt`, `/a/` → `a`, `/` → `/`.
    public static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/"), trimmed.count > 1 else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `~` and `~/x` with `home` in place of the tilde; anything else (`~user`, a tilde inside the
    /// path, no home known) unchanged.
    public static func expandingTilde(_ path: String, home: String?) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }

    /// `~` expanded against `home`, then `.` and empty components removed and `..` applied
    /// lexically: `/a/./b//../c/` → `/a/c`. A relative path keeps leading `..` components.
    public static func standardized(_ path: String, home: String? = nil) -> String {
        let path = expandingTilde(path, home: home)
        let absolute = path.hasPrefix("/")
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if let last = components.last, last != ".." {
                    components.removeLast()
                } else if !absolute {
                    components.append(component)
                }
            default: components.append(component)
            }
        }
        let joined = components.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? (path.isEmpty ? "" : ".") : joined
    }
}

extension String {
    /// `%XX` escapes decoded as UTF-8 (`a%20b` → `a b`); nil when an escape is malformed or the
    /// bytes are not UTF-8, as Foundation's `removingPercentEncoding` (which would link all of it).
    public var percentDecoded: String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
