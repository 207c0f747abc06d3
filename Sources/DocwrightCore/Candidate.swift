/// A ranked candidate with the evidence for its place. Produced by `Ranking`, cached by `Cache`,
/// shown by `Server` and the CLI.
public struct Candidate: Sendable, Hashable, Codable {
    public enum Verification: String, Sendable, Hashable, Codable {
        case passed, failed, untested, error
    }

    /// The code to insert (already trimmed, extracted and re-indented).
    public var text: String
    /// Mean token log-probability of the kept text; nil when the backend gave none.
    public var meanLogprob: Double?
    /// How many samples normalised to this same candidate.
    public var agreement: Int
    public var finishReason: FinishReason
    public var verification: Verification
    /// Examples passed / run during verification.
    public var examplesPassed: Int
    public var examplesRun: Int
    /// nil = not checked (no checker for the language).
    public var syntaxOK: Bool?
    /// The value the policy sorted by (higher is better).
    public var score: Double
    /// How `score` was computed.
    public var method: ScoringMethod
    /// Why the candidate was demoted, if it was (e.g. "truncated", "syntax error").
    public var notes: [String]

    public init(
        text: String, meanLogprob: Double?, agreement: Int = 1, finishReason: FinishReason = .stop,
        verification: Verification = .untested, examplesPassed: Int = 0, examplesRun: Int = 0,
        syntaxOK: Bool? = nil, score: Double = 0, method: ScoringMethod = .meanLogprob, notes: [String] = []
    ) {
        self.text = text
        self.meanLogprob = meanLogprob
        self.agreement = agreement
        self.finishReason = finishReason
        self.verification = verification
        self.examplesPassed = examplesPassed
        self.examplesRun = examplesRun
        self.syntaxOK = syntaxOK
        self.score = score
        self.method = method
        self.notes = notes
    }

    /// Cut off by `max_tokens` (after the one continuation, when there was one): the code stops
    /// where the model did. Shown only when asked for, labelled "incomplete".
    public var isIncomplete: Bool { finishReason == .length }

    /// Whether the candidate may be offered unasked (the preferred code action, the automatic
    /// inline item, what "generate" applies): complete, and not breaking the file's parse.
    public var mayBeOfferedUnasked: Bool { !isIncomplete && syntaxOK != false }

    /// One line for titles and `detail`: "logp -0.42 · 3/5 agree · 2/2 examples".
    public var evidenceSummary: String {
        var parts: [String] = []
        if let lp = meanLogprob { parts.append("logp \(String(format2: lp))") } else { parts.append("no logprobs") }
        if agreement > 1 { parts.append("×\(agreement)") }
        if examplesRun > 0 { parts.append("\(examplesPassed)/\(examplesRun) examples") }
        if syntaxOK == false { parts.append("syntax error") }
        if finishReason == .length { parts.append("incomplete: cut at max_tokens") }
        return parts.joined(separator: " · ")
    }
}

extension Collection where Element == Candidate {
    /// The best candidate that may be offered unasked (`mayBeOfferedUnasked`), if any.
    public var preferred: Candidate? { first { $0.mayBeOfferedUnasked } }
}

extension String {
    /// Two-decimal formatting without Foundation.
    public init(format2 value: Double) {
        let scaled = (value * 100).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let fraction = magnitude % 100
        self = "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
