import DocwrightCore
import Syntax

/// Orders processed samples into candidates, each carrying the evidence for its place.
///
/// Steps: score each sample's kept tokens (mean log-probability, see `KeptTokenScore`); merge
/// samples equal after comment/whitespace normalisation (their count is `agreement`); drop
/// degenerate repetition loops (kept, demoted, only when every candidate is one); check syntax
/// and run the verifier when given; then sort by tiers and score:
///
/// 1. syntax: candidates whose file does not parse (tree-sitter, then python3/node) go last;
/// 2. verification (`verified_then_logprob` only): passed, then untested/error, then failed;
/// 3. degenerate repetition (only when nothing else is left);
/// 4. truncated (`finish_reason = length`) when `demoteTruncated`;
/// 5. candidates lacking log-probabilities after those that have them;
/// 6. score (higher first): mean log-probability, or agreement when there are no
///    log-probabilities (`method` says which); then the earliest sample.
///
/// `mean_logprob_raw` skips 1, 3 and 4 and drops nothing; `random` orders at random (seeded).
/// Candidates are never discarded for failing checks, only demoted, with `notes` saying why.
public struct Ranker: Sendable {
    public var policy: RankingPolicy
    public var demoteTruncated: Bool
    /// nil: no syntax check (no parse, no subprocess).
    public var syntaxChecker: SyntaxChecker?
    /// Seed for `.random`, so a benchmark run is reproducible.
    public var randomSeed: UInt64
    /// Verifications run at once (each is a subprocess).
    public var verificationConcurrency: Int

    public init(policy: RankingPolicy = .verifiedThenLogprob, demoteTruncated: Bool = true,
                syntaxChecker: SyntaxChecker? = SyntaxChecker(), randomSeed: UInt64 = 0x5EED,
                verificationConcurrency: Int = 2) {
        self.policy = policy
        self.demoteTruncated = demoteTruncated
        self.syntaxChecker = syntaxChecker
        self.randomSeed = randomSeed
        self.verificationConcurrency = verificationConcurrency
    }

    private var demotes: Bool { policy != .meanLogprobNoDemotion && policy != .random }

    /// Ranks `samples` (best first). `task` gives the language (comment syntax, checks) and the
    /// file the candidates are inserted into; `verifier` runs when both are given. `document`:
    /// the tree of the task's file, when the caller keeps one (the syntax check starts from it).
    public func rank(_ samples: [ProcessedSample], task: GenerationTask?, verifier: (any Verifier)?,
                     document: SyntaxTree? = nil) async -> [Candidate] {
        var entries = CandidateAssembler.assemble(samples, task: task)
        if demotes, entries.contains(where: { $0.degenerate == nil }) {
            entries.removeAll { $0.degenerate != nil }
        }
        assignScores(&entries)
        if let task, let syntaxChecker, policy != .random {
            let checked = await syntaxChecker.verdicts(candidates: entries.map(\.candidate.text), task: task, document: document)
            for (index, verdict) in checked.verdicts.enumerated() where index < entries.count {
                entries[index].candidate.syntaxOK = verdict
                if let problem = checked.problem { entries[index].candidate.notes.append(problem) }
            }
        }
        if let task, let verifier {
            let outcomes = await verifyAll(entries.map(\.candidate.text), task: task, verifier: verifier)
            for (index, outcome) in outcomes.enumerated() where index < entries.count {
                entries[index].candidate.verification = outcome.status
                entries[index].candidate.examplesPassed = outcome.examplesPassed
                entries[index].candidate.examplesRun = outcome.examplesRun
                if let detail = outcome.detail, outcome.status == .failed || outcome.status == .error {
                    entries[index].candidate.notes.append("verification \(outcome.status.rawValue): \(detail)")
                }
            }
        }
        return order(entries)
    }

    // MARK: scoring

    private func assignScores(_ entries: inout [RankingEntry]) {
        switch policy {
        case .random:
            var generator = SplitMix64(seed: randomSeed)
            for index in entries.indices {
                entries[index].candidate.score = Double(generator.next() >> 11) / Double(1 << 53)
                entries[index].candidate.method = .random
            }
        case .agreement:
            let scores = AgreementScoring.scores(entries)
            for index in entries.indices {
                entries[index].candidate.score = scores[index]
                entries[index].candidate.method = .agreement
            }
        case .meanLogprob, .meanLogprobNoDemotion, .verifiedThenLogprob:
            let needsAgreement = entries.contains { $0.candidate.meanLogprob == nil }
            let agreement = needsAgreement ? AgreementScoring.scores(entries) : []
            for index in entries.indices {
                if let logprob = entries[index].candidate.meanLogprob {
                    entries[index].candidate.score = logprob
                    entries[index].candidate.method = .meanLogprob
                } else {
                    entries[index].candidate.score = agreement[index]
                    entries[index].candidate.method = .agreement
                }
            }
        }
    }

    // MARK: ordering

    private struct SortKey: Comparable {
        var tiers: [Int]
        var score: Double
        var secondary: Double
        var firstIndex: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.tiers != b.tiers { return a.tiers.lexicographicallyPrecedes(b.tiers) }
            if a.score != b.score { return a.score > b.score }
            if a.secondary != b.secondary { return a.secondary > b.secondary }
            return a.firstIndex < b.firstIndex
        }
    }

    private func order(_ entries: [RankingEntry]) -> [Candidate] {
        let anyLogprob = entries.contains { $0.candidate.meanLogprob != nil }
        let usesLogprob = policy == .meanLogprob || policy == .meanLogprobNoDemotion || policy == .verifiedThenLogprob
        var keyed: [(SortKey, Candidate)] = []
        for entry in entries {
            var candidate = entry.candidate
            var tiers = [0, 0, 0, 0, 0]
            if demotes, candidate.syntaxOK == false {
                tiers[0] = 1
                candidate.notes.append("syntax error")
            }
            if policy == .verifiedThenLogprob {
                switch candidate.verification {
                case .passed: tiers[1] = 0
                case .untested, .error: tiers[1] = 1
                case .failed:
                    tiers[1] = 2
                    if candidate.examplesRun > 0 {
                        candidate.notes.append("failed \(candidate.examplesRun - candidate.examplesPassed)/\(candidate.examplesRun) examples")
                    }
                }
            }
            if let reason = entry.degenerate {
                if demotes { tiers[2] = 1 }
                candidate.notes.append("degenerate repetition: \(reason)")
            }
            if demotes, demoteTruncated, candidate.finishReason == .length {
                tiers[3] = 1
                candidate.notes.append("truncated at max tokens")
            }
            if usesLogprob, anyLogprob, candidate.meanLogprob == nil {
                tiers[4] = 1
                candidate.notes.append("no logprobs (ranked by agreement)")
            }
            let secondary = policy == .agreement ? (candidate.meanLogprob ?? -.infinity) : Double(candidate.agreement)
            keyed.append((SortKey(tiers: tiers, score: candidate.score, secondary: secondary, firstIndex: entry.firstIndex), candidate))
        }
        return keyed.sorted { $0.0 < $1.0 }.map(\.1)
    }

    // MARK: verification

    private func verifyAll(_ texts: [String], task: GenerationTask, verifier: any Verifier) async -> [VerificationOutcome] {
        var outcomes = [VerificationOutcome](repeating: .untested, count: texts.count)
        let width = max(1, verificationConcurrency)
        await withTaskGroup(of: (Int, VerificationOutcome).self) { group in
            var next = 0
            func launch() {
                let index = next
                let text = texts[index]
                group.addTask {
                    // Await first: Swift 6.3 -O can lose tuple parts written before an await (swiftlang/swift#91911).
                    let outcome = await verifier.verify(candidate: text, task: task)
                    return (index, outcome)
                }
                next += 1
            }
            while next < min(width, texts.count) { launch() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                if next < texts.count, !Task.isCancelled { launch() }
            }
        }
        return outcomes
    }
}

