/// Replaces secrets in text by `<redacted:KIND>` placeholders before anything is sent to a
/// model. Pure and fast (one linear pass over UTF-8 bytes, no regular expressions); the only IO
/// is `loadingEnvFiles`, which reads `.env` files once.
///
/// Detected: AWS key ids and secret keys, GitHub / GitLab / OpenAI / Anthropic / Slack / Stripe /
/// Google / npm / Hugging Face / PyPI tokens, Slack webhooks, JWTs, PEM private-key blocks,
/// passwords in connection URLs, literals assigned to secret-sounding names (`password`,
/// `api_key`, `token`, `client_secret`, … with `=`, `:`, `:=`, `=>`, YAML, JSON, TOML, .env,
/// XML, command-line flags), high-entropy values of key-like names, and the given extra secrets.
public struct Redactor: Sendable {
    /// Exact strings always redacted (e.g. values from `.env` files); shorter than 6 bytes are ignored.
    public let extraSecrets: [String]
    /// Whether random-looking values of key-like names are redacted.
    public let highEntropy: Bool
    private let needles: [[UInt8]]

    /// Extra secrets shorter than this are ignored (they would match ordinary text).
    public static let minimumExtraSecretLength = 6

    public init(extraSecrets: [String] = [], highEntropy: Bool = true) {
        let kept = Array(Set(extraSecrets.filter { $0.utf8.count >= Self.minimumExtraSecretLength }))
        self.extraSecrets = kept.sorted()
        self.highEntropy = highEntropy
        // Longest first, so a secret containing another is replaced whole.
        needles = kept.map { Array($0.utf8) }.sorted { $0.count > $1.count }
    }

    /// A redactor that also removes every value defined in `.env` and `.env.*` files at the
    /// workspace root (templates such as `.env.example` excepted). nil root: no extra secrets.
    public static func loadingEnvFiles(workspaceRoot: String?, highEntropy: Bool = true) -> Redactor {
        Redactor(extraSecrets: EnvFiles.secrets(workspaceRoot: workspaceRoot), highEntropy: highEntropy)
    }

    /// The text with its secrets replaced, and where they were.
    public func redact(_ text: String) -> Redaction {
        var copy = text
        return copy.withUTF8 { buffer in redact(bytes: buffer, original: text) }
    }

    private func redact(bytes: UnsafeBufferPointer<UInt8>, original: String) -> Redaction {
        let text = ByteText(bytes: bytes)
        var spans = SecretScanner(text: text, policy: ValuePolicy(highEntropy: highEntropy)).scan()
        for needle in needles {
            spans += occurrences(of: needle, in: text).map {
                Span(start: $0, end: $0 + needle.count, kind: "env-value", priority: Span.specific)
            }
        }
        guard !spans.isEmpty else { return Redaction(text: original, findings: []) }
        let merged = Self.merge(spans)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + merged.count * 16)
        var findings: [Finding] = []
        var cursor = 0
        var line = 1
        for span in merged {
            for b in bytes[cursor..<span.start] where b == 0x0A { line += 1 }
            output.append(contentsOf: bytes[cursor..<span.start])
            output.append(contentsOf: Finding.placeholder(span.kind).utf8)
            findings.append(Finding(kind: span.kind, range: span.start..<span.end, line: line))
            for b in bytes[span.start..<span.end] where b == 0x0A { line += 1 }
            cursor = span.end
        }
        output.append(contentsOf: bytes[cursor...])
        return Redaction(text: String(decoding: output, as: UTF8.self), findings: findings)
    }

    /// Overlapping spans become one; the most specific kind names it.
    static func merge(_ spans: [Span]) -> [Span] {
        let sorted = spans.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var merged: [Span] = []
        for span in sorted where span.end > span.start {
            if var last = merged.last, span.start < last.end {
                if span.priority > last.priority { last.kind = span.kind; last.priority = span.priority }
                last.end = max(last.end, span.end)
                merged[merged.count - 1] = last
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    private func occurrences(of needle: [UInt8], in text: ByteText) -> [Int] {
        guard let first = needle.first, needle.count <= text.count else { return [] }
        var found: [Int] = []
        var index = 0
        let last = text.count - needle.count
        while index <= last {
            if text[index] == first {
                var matches = true
                for offset in 1..<needle.count where text[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches {
                    found.append(index)
                    index += needle.count
                    continue
                }
            }
            index += 1
        }
        return found
    }
}
