import DocwrightCore

/// A domain's `regex` patterns, in the syntax of Swift's `Regex` (ICU- and PCRE-like: classes,
/// `\p{…}`, `\b`, look-around, `(?i)`), with `^` and `$` matching at line breaks. One place compiles
/// them, so validation (LayerDecoder) and matching (Domains) accept the same patterns.
enum DomainRegex {
    static func compile(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        try Regex(pattern).anchorsMatchLineEndings()
    }

    /// Whether `pattern` matches somewhere in `text`. Swift's `Regex` scans a 10,000-line file in
    /// 10–30 ms, on every request that routes it; a pattern that needs a literal run of ASCII
    /// characters is first looked for with a byte search (well under a millisecond), and most
    /// files without it are answered from that.
    static func matches(_ pattern: String, in text: String) -> Bool {
        if let literal = requiredLiteral(in: pattern),
           !ByteSearch.contains(literal, in: text) {
            return false
        }
        guard let expression = try? compile(pattern) else { return false }
        return text.firstMatch(of: expression) != nil
    }

    /// The longest run of printable ASCII characters (at least 3) that every match of `pattern`
    /// contains, read conservatively: nil for anything it cannot be sure of — alternation at the
    /// top level, inline options (`(?i)` folds case beyond ASCII), escapes with arguments
    /// (`\x41`, `\u{…}`, `\p{…}`, back-references), `\Q…\E`. Runs stop at groups,
    /// classes, escapes that are not plain punctuation, `.`, anchors; a character followed by
    /// `?`, `*` or `{` is dropped from its run.
    static func requiredLiteral(in pattern: String) -> String? {
        let characters = Array(pattern)
        var best: [Character] = []
        var run: [Character] = []
        var depth = 0
        var index = 0
        func endRun() {
            if depth == 0, run.count > best.count { best = run }
            run = []
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                guard index + 1 < characters.count else { return nil }
                let escaped = characters[index + 1]
                if Self.plainPunctuation.contains(escaped) {
                    if depth == 0 { run.append(escaped) } else { endRun() }
                } else if Self.classEscapes.contains(escaped) {
                    endRun()
                } else {
                    return nil  // \x41, \u{…}, \p{…}, \N{…}, \1, \k<…>, \Q…: arguments not read here
                }
                index += 2
                continue
            case "(":
                if index + 1 < characters.count, characters[index + 1] == "?",
                   index + 2 < characters.count, !"=!<:".contains(characters[index + 2]) {
                    return nil  // inline options or named/atomic groups: not read here
                }
                endRun()
                depth += 1
            case ")":
                endRun()
                depth -= 1
                if depth < 0 { return nil }
            case "|":
                if depth == 0 { return nil }
                endRun()
            case "[":
                endRun()
                guard let close = Self.endOfClass(characters, from: index) else { return nil }
                index = close + 1
                continue
            case "?", "*", "{":
                if !run.isEmpty { run.removeLast() }
                endRun()
                if character == "{" {
                    guard let close = characters[index...].firstIndex(of: "}") else { return nil }
                    index = close + 1
                    continue
                }
            case "+":
                endRun()
            case ".", "^", "$":
                endRun()
            default:
                if depth == 0, let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                    run.append(character)
                } else {
                    endRun()
                }
            }
            index += 1
        }
        guard depth == 0 else { return nil }
        endRun()
        return best.count >= 3 ? String(best) : nil
    }

    /// Escapes that stand for the character itself.
    private static let plainPunctuation = Set(#".()[]{}*+?|\^$/-"'# ,:;=<>!@%&~`_"#)
    /// Escapes without arguments that match a class, an anchor or a control character.
    private static let classEscapes = Set("dDwWsShHvVbBAzZGRXntrfeaOyY")

    /// The index of the `]` closing the class opened at `start` (nested classes, escapes, and a
    /// `]` first in the class counted), or nil.
    private static func endOfClass(_ characters: [Character], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < characters.count {
            switch characters[index] {
            case "\\":
                index += 2
                continue
            case "[":
                depth += 1
                // `[]…]` and `[^]…]`: a `]` right after the opening is a member.
                var next = index + 1
                if next < characters.count, characters[next] == "^" { next += 1 }
                if next < characters.count, characters[next] == "]" { index = next + 1; continue }
            case "]":
                depth -= 1
                if depth == 0 { return index }
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
