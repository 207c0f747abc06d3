/// `.gitignore` rules, as git reads them: one file per directory, later lines win, `!` re-includes,
/// a trailing `/` matches directories only, a `/` at the start or in the middle anchors the pattern
/// to that directory, `*` `?` `[…]` within a segment and `**` across segments. What git itself
/// never looks into (a parent directory excluded) stays excluded: the walker does not descend.
public struct IgnoreRules: Sendable {
    struct Rule: Sendable {
        /// Directory of the `.gitignore` the rule came from ("" for the root).
        var base: String
        var segments: [String]
        var anchored: Bool
        var directoryOnly: Bool
        var negated: Bool
    }

    private(set) var rules: [Rule] = []

    public init() {}

    /// Adds the lines of the ignore file that lives in `directory` (workspace-relative).
    public mutating func add(_ text: String, in directory: String) {
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(raw)
            while let last = line.last, last == " " || last == "\t" {
                // A trailing space escaped with a backslash stays; otherwise trailing blanks go.
                if line.dropLast().last == "\\" { break }
                line = line.dropLast()
            }
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            var negated = false
            if line.hasPrefix("!") {
                negated = true
                line = line.dropFirst()
            } else if line.hasPrefix("\\!") || line.hasPrefix("\\#") {
                line = line.dropFirst()
            }
            var directoryOnly = false
            if line.hasSuffix("/") {
                directoryOnly = true
                line = line.dropLast()
            }
            let anchored = line.dropLast().contains("/")
            if line.hasPrefix("/") { line = line.dropFirst() }
            let segments = line.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            guard !segments.isEmpty else { continue }
            rules.append(Rule(base: directory, segments: segments, anchored: anchored, directoryOnly: directoryOnly,
                              negated: negated))
        }
    }

    /// Whether a workspace-relative path is ignored (the last matching rule decides).
    public func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        var ignored = false
        let parts = path.split(separator: "/").map(String.init)
        for rule in rules where !(rule.directoryOnly && !isDirectory) {
            let baseParts = rule.base.isEmpty ? [] : rule.base.split(separator: "/").map(String.init)
            guard parts.count > baseParts.count, Array(parts.prefix(baseParts.count)) == baseParts else { continue }
            let relative = Array(parts.dropFirst(baseParts.count))
            let matched = rule.anchored
                ? Self.match(rule.segments[...], relative[...])
                : Self.matchSegment(rule.segments[0], relative.last ?? "") && rule.segments.count == 1
            if matched { ignored = !rule.negated }
        }
        return ignored
    }

    /// Segment lists with `**` matching zero or more segments: dynamic programming over
    /// (pattern, path) positions, so no pattern can make it exponential.
    static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        let p = Array(pattern), t = Array(path)
        // reachable[j]: the first i pattern segments can match the first j path segments.
        var reachable = [Bool](repeating: false, count: t.count + 1)
        reachable[0] = true
        for segment in p {
            var next = [Bool](repeating: false, count: t.count + 1)
            if segment == "**" {
                var any = false
                for j in 0...t.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            } else {
                for j in 0..<t.count where reachable[j] && matchSegment(segment, t[j]) { next[j + 1] = true }
            }
            reachable = next
        }
        return reachable[t.count]
    }

    /// One segment against a glob with `*`, `?` and `[…]` (`[!…]` negated); `\` escapes.
    static func matchSegment(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars), t = Array(text.unicodeScalars)
        var pi = 0, ti = 0, starP = -1, starT = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "*" {
                starP = pi
                starT = ti
                pi += 1
                continue
            }
            if pi < p.count, let next = step(p, pi, t[ti]) {
                pi = next
                ti += 1
                continue
            }
            guard starP >= 0 else { return false }
            pi = starP + 1
            starT += 1
            ti = starT
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// The pattern index after matching one character at `pi`, or nil when it does not match.
    private static func step(_ p: [Unicode.Scalar], _ pi: Int, _ c: Unicode.Scalar) -> Int? {
        switch p[pi] {
        case "?": return pi + 1
        case "\\": return pi + 1 < p.count && p[pi + 1] == c ? pi + 2 : nil
        case "[":
            var i = pi + 1
            var negate = false
            if i < p.count, p[i] == "!" || p[i] == "^" {
                negate = true
                i += 1
            }
            var found = false
            var first = true
            while i < p.count, p[i] != "]" || first {
                first = false
                if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                    if p[i] <= c && c <= p[i + 2] { found = true }
                    i += 3
                } else {
                    if p[i] == c { found = true }
                    i += 1
                }
            }
            guard i < p.count else { return p[pi] == c ? pi + 1 : nil } // no closing ']': a literal '['
            return found != negate ? i + 1 : nil
        default:
            return p[pi] == c ? pi + 1 : nil
        }
    }
}
