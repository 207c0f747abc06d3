/// The result of `Redactor.redact`: the text with every secret replaced by a placeholder,
/// and where the secrets were (never what they were).
public struct Redaction: Sendable, Hashable {
    /// The text to send: each secret replaced by `<redacted:KIND>`; quotes and layout kept.
    public var text: String
    /// One entry per replaced span, in order of position.
    public var findings: [Finding]
    /// Number of secrets replaced.
    public var count: Int { findings.count }

    public init(text: String, findings: [Finding]) {
        self.text = text
        self.findings = findings
    }
}

/// One redacted secret: its kind and location in the original text, never its value.
public struct Finding: Sendable, Hashable {
    /// What was found: `aws-key`, `github-token`, `password`, `high-entropy`, `env-value`, …
    public var kind: String
    /// UTF-8 byte offsets of the secret in the original text.
    public var range: Range<Int>
    /// One-based line of the secret's first byte in the original text.
    public var line: Int

    public init(kind: String, range: Range<Int>, line: Int) {
        self.kind = kind
        self.range = range
        self.line = line
    }

    /// The placeholder written in place of a secret of `kind`.
    public static func placeholder(_ kind: String) -> String { "<redacted:\(kind)>" }
}

/// A candidate secret found by one of the scanners, as UTF-8 offsets into the scanned text.
struct Span: Sendable {
    var start: Int
    var end: Int
    var kind: String
    /// Which kind wins when spans overlap: a recognised token format beats a generic assignment.
    var priority: Int

    static let specific = 3
    static let structural = 2
    static let generic = 1
}
