/// Recognised credential formats with a fixed prefix (AWS key ids, GitHub/GitLab/OpenAI/
/// Anthropic/Slack/Stripe/Google/npm/Hugging Face tokens, JWTs, Slack webhooks). Each check is
/// a bounded forward scan from a word start: no backtracking.
enum TokenPatterns {
    /// The token starting at `start` (the first byte of a word), if any.
    static func match(_ text: ByteText, at start: Int) -> Span? {
        switch text[start] {
        case UInt8(ascii: "A"): return awsKeyID(text, start) ?? prefixed(text, start, "AIza", min: 35, kind: "google-api-key",
                                                                              alphabet: ByteClass.isBase64URL)
        case UInt8(ascii: "g"): return github(text, start) ?? gitlab(text, start)
        case UInt8(ascii: "s"): return openAIOrAnthropic(text, start) ?? stripe(text, start)
        case UInt8(ascii: "r"): return stripe(text, start)
        case UInt8(ascii: "x"): return slackToken(text, start)
        case UInt8(ascii: "e"): return jwt(text, start)
        case UInt8(ascii: "h"): return slackWebhook(text, start) ?? prefixed(text, start, "hf_", min: 30, kind: "huggingface-token")
        case UInt8(ascii: "n"): return prefixed(text, start, "npm_", min: 36, kind: "npm-token")
        case UInt8(ascii: "p"): return prefixed(text, start, "pypi-", min: 50, kind: "pypi-token", alphabet: ByteClass.isBase64URL)
        default: return nil
        }
    }

    /// `prefix` followed by at least `min` bytes of `alphabet`, ending at a non-alphabet byte.
    private static func prefixed(_ text: ByteText, _ start: Int, _ prefix: StaticString, min: Int, kind: String,
                                 alphabet: (UInt8) -> Bool = ByteClass.isWord, requireDigit: Bool = false) -> Span? {
        guard text.has(prefix, at: start) else { return nil }
        let bodyStart = start + prefix.utf8CodeUnitCount
        let end = text.runEnd(from: bodyStart, limit: 1024, alphabet)
        guard end - bodyStart >= min else { return nil }
        if requireDigit, !(bodyStart..<end).contains(where: { ByteClass.isDigit(text[$0]) }) { return nil }
        return Span(start: start, end: end, kind: kind, priority: Span.specific)
    }

    private static let awsPrefixes: [StaticString] = [
        "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA", "ABIA", "ACCA",
    ]

    /// AWS access key id: a known 4-letter prefix and 16 upper-case letters or digits.
    private static func awsKeyID(_ text: ByteText, _ start: Int) -> Span? {
        guard awsPrefixes.contains(where: { text.has($0, at: start) }) else { return nil }
        let end = text.runEnd(from: start + 4, limit: 64) { ByteClass.isUpper($0) || ByteClass.isDigit($0) }
        guard end - start == 20, !ByteClass.isAlnum(text.at(end)) else { return nil }
        return Span(start: start, end: end, kind: "aws-key", priority: Span.specific)
    }

    private static func github(_ text: ByteText, _ start: Int) -> Span? {
        if let span = prefixed(text, start, "github_pat_", min: 22, kind: "github-token") { return span }
        for prefix: StaticString in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] {
            if let span = prefixed(text, start, prefix, min: 30, kind: "github-token", alphabet: ByteClass.isAlnum) {
                return span
            }
        }
        return nil
    }

    private static func gitlab(_ text: ByteText, _ start: Int) -> Span? {
        for prefix: StaticString in ["glpat-", "glptt-", "glrt-", "gldt-", "glsoat-"] {
            if let span = prefixed(text, start, prefix, min: 20, kind: "gitlab-token", alphabet: ByteClass.isBase64URL) {
                return span
            }
        }
        return nil
    }

    /// `sk-ant-…` (Anthropic) and `sk-…` / `sk-proj-…` (OpenAI). A digit is required so that
    /// hyphenated words starting with "sk-" are left alone.
    private static func openAIOrAnthropic(_ text: ByteText, _ start: Int) -> Span? {
        if let span = prefixed(text, start, "sk-ant-", min: 20, kind: "anthropic-key",
                               alphabet: ByteClass.isBase64URL, requireDigit: true) {
            return span
        }
        return prefixed(text, start, "sk-", min: 20, kind: "openai-key", alphabet: ByteClass.isBase64URL, requireDigit: true)
    }

    private static func stripe(_ text: ByteText, _ start: Int) -> Span? {
        for prefix: StaticString in ["sk_live_", "sk_test_", "rk_live_", "rk_test_"] {
            if let span = prefixed(text, start, prefix, min: 16, kind: "stripe-key", alphabet: ByteClass.isAlnum) {
                return span
            }
        }
        return nil
    }

    private static func slackToken(_ text: ByteText, _ start: Int) -> Span? {
        for prefix: StaticString in ["xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-", "xoxe-", "xapp-"] {
            if let span = prefixed(text, start, prefix, min: 10, kind: "slack-token", alphabet: ByteClass.isBase64URL) {
                return span
            }
        }
        return nil
    }

    /// `hooks.slack.com/services/…`: the whole webhook path is the secret.
    private static func slackWebhook(_ text: ByteText, _ start: Int) -> Span? {
        guard text.has("hooks.slack.com/", at: start) else { return nil }
        let pathStart = start + "hooks.slack.com/".utf8.count
        let end = text.runEnd(from: pathStart, limit: 512) { ByteClass.isBase64URL($0) || $0 == UInt8(ascii: "/") }
        guard end - pathStart >= 16 else { return nil }
        return Span(start: start, end: end, kind: "slack-webhook", priority: Span.specific)
    }

    /// JSON Web Token: `eyJ…` header, a payload of at least 8 bytes, and an optional signature.
    private static func jwt(_ text: ByteText, _ start: Int) -> Span? {
        guard text.has("eyJ", at: start) else { return nil }
        let headerEnd = text.runEnd(from: start, limit: 4096, ByteClass.isBase64URL)
        guard headerEnd - start >= 10, text.at(headerEnd) == UInt8(ascii: ".") else { return nil }
        let payloadEnd = text.runEnd(from: headerEnd + 1, limit: 16384, ByteClass.isBase64URL)
        guard payloadEnd - headerEnd - 1 >= 8, text.at(payloadEnd) == UInt8(ascii: ".") else { return nil }
        let signatureEnd = text.runEnd(from: payloadEnd + 1, limit: 4096, ByteClass.isBase64URL)
        return Span(start: start, end: signatureEnd, kind: "jwt", priority: Span.specific)
    }
}
