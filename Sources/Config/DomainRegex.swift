/// A domain's `regex` patterns, in the syntax of Swift's `Regex` (ICU- and PCRE-like: classes,
/// `\p{…}`, `\b`, look-around, `(?i)`), with `^` and `$` matching at line breaks. One place compiles
/// them, so validation (LayerDecoder) and matching (Domains) accept the same patterns.
enum DomainRegex {
    static func compile(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        try Regex(pattern).anchorsMatchLineEndings()
    }

    static func matches(_ pattern: String, in text: String) -> Bool {
        guard let expression = try? compile(pattern) else { return false }
        return text.firstMatch(of: expression) != nil
    }
}
