import DocwrightCore
import FoundationEssentials

/// A shell-style path pattern: `*` (any run of characters except `/`), `**` (any number of
/// directories), `?` (one character), `[abc]` / `[a-z]` / `[!abc]` (one of a set), `{a,b}`
/// (alternatives) and `\` (escape).
///
/// Matching follows `.gitignore`: a pattern without `/` matches any single path component (the
/// file name or a directory name, so `secrets` also covers `secrets/x.txt`); a pattern with `/`
/// is anchored at the workspace root (a leading `/` is optional); a trailing `/` means "this
/// directory and everything under it".
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    /// Brace alternatives, each split into `/`-separated segments; anchored when it has a `/`.
    private let alternatives: [(segments: [String], anchored: Bool)]
    private let directoryOnly: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var body = pattern
        directoryOnly = body.hasSuffix("/") && body.count > 1
        if directoryOnly { body.removeLast() }
        alternatives = Self.expandBraces(body).map { alternative in
            (alternative.split(separator: "/", omittingEmptySubsequences: true).map(String.init), alternative.contains("/"))
        }
    }

    public var description: String { pattern }

    public static func == (a: Glob, b: Glob) -> Bool { a.pattern == b.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// Whether `path` (relative to the workspace root, `/`-separated) matches.
    public func matches(relativePath path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !components.isEmpty else { return false }
        // A pattern naming a directory covers everything below it: try every leading part of the
        // path (only proper prefixes, i.e. directories, for a trailing-`/` pattern).
        let lastPrefix = directoryOnly ? components.count - 1 : components.count
        guard lastPrefix >= 1 else { return false }
        for (segments, anchored) in alternatives where !segments.isEmpty {
            if anchored {
                for k in 1...lastPrefix where Self.match(segments: segments[...], components: components[..<k]) {
                    return true
                }
            } else if let segment = segments.first.map(Array.init) {
                if components[..<lastPrefix].contains(where: { Self.matchSegment(segment, Array($0)) }) { return true }
            }
        }
        return false
    }

    /// Matches `path` (absolute, relative or a `file://` URI) against this pattern, relative to
    /// `workspaceRoot` when the file is inside it.
    public func matches(path: String, workspaceRoot: String?) -> Bool {
        matches(relativePath: Self.relativePath(path, workspaceRoot: workspaceRoot))
    }

    /// The path relative to `workspaceRoot` when inside it, else the path without its leading `/`.
    public static func relativePath(_ path: String, workspaceRoot: String?) -> String {
        let file = plainPath(path)
        if let root = workspaceRoot.map(plainPath), !root.isEmpty {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if file.hasPrefix(prefix) { return String(file.dropFirst(prefix.count)) }
        }
        return file.hasPrefix("/") ? String(file.drop(while: { $0 == "/" })) : file
    }

    /// `file:///a%20b/c.py` → `/a b/c.py`; other strings unchanged.
    static func plainPath(_ path: String) -> String {
        guard path.hasPrefix("file://") else { return path }
        var rest = String(path.dropFirst("file://".count))
        if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = String(rest[slash...]) }  // drop host
        return rest.percentDecoded ?? rest
    }

    private static func match(segments: ArraySlice<String>, components: ArraySlice<String>) -> Bool {
        guard let first = segments.first else { return components.isEmpty }
        if first == "**" {
            let rest = segments.dropFirst()
            var index = components.startIndex
            while true {
                if match(segments: rest, components: components[index...]) { return true }
                if index == components.endIndex { return false }
                index += 1
            }
        }
        guard let component = components.first, matchSegment(Array(first), Array(component)) else { return false }
        return match(segments: segments.dropFirst(), components: components.dropFirst())
    }

    /// Matches one path component; `*` never crosses `/` because components contain none.
    private static func matchSegment(_ p: [Character], _ s: [Character]) -> Bool {
        var pi = 0, si = 0
        // Iterative with one back-tracking point for the last `*` (linear for typical patterns).
        var starP = -1, starS = -1
        while si < s.count {
            if pi < p.count {
                switch p[pi] {
                case "*":
                    while pi < p.count && p[pi] == "*" { pi += 1 }
                    starP = pi
                    starS = si
                    continue
                case "?":
                    pi += 1; si += 1
                    continue
                case "[":
                    if let (matched, next) = matchClass(p, pi, s[si]) {
                        if matched { pi = next; si += 1; continue }
                    } else if s[si] == "[" {
                        pi += 1; si += 1
                        continue
                    }
                case "\\" where pi + 1 < p.count:
                    if p[pi + 1] == s[si] { pi += 2; si += 1; continue }
                default:
                    if p[pi] == s[si] { pi += 1; si += 1; continue }
                }
            }
            guard starP >= 0 else { return false }
            starS += 1
            si = starS
            pi = starP
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Evaluates `[...]` at `pi`: (does `c` match, index after `]`); nil when the class is unclosed.
    private static func matchClass(_ p: [Character], _ pi: Int, _ c: Character) -> (Bool, Int)? {
        var i = pi + 1
        var negate = false
        if i < p.count && (p[i] == "!" || p[i] == "^") { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < p.count && (p[i] != "]" || first) {
            first = false
            if i + 2 < p.count && p[i + 1] == "-" && p[i + 2] != "]" {
                if p[i] <= c && c <= p[i + 2] { matched = true }
                i += 3
            } else {
                if p[i] == c { matched = true }
                i += 1
            }
        }
        guard i < p.count else { return nil }
        return (matched != negate, i + 1)
    }

    /// `*.{ts,tsx}` → `*.ts`, `*.tsx` (nested braces expand too).
    static func expandBraces(_ pattern: String) -> [String] {
        let chars = Array(pattern)
        guard let open = chars.firstIndex(of: "{") else { return [pattern] }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for i in open..<chars.count {
            if chars[i] == "{" { depth += 1 }
            if chars[i] == "}" { depth -= 1; if depth == 0 { close = i; break } }
            if chars[i] == "," && depth == 1 { commas.append(i) }
        }
        guard let close, !commas.isEmpty else { return [pattern] }
        let head = String(chars[..<open]), tail = String(chars[(close + 1)...])
        let bounds = [open] + commas + [close]
        var out: [String] = []
        for k in 0..<(bounds.count - 1) {
            let option = String(chars[(bounds[k] + 1)..<bounds[k + 1]])
            out += expandBraces(head + option + tail)
        }
        return out
    }
}
