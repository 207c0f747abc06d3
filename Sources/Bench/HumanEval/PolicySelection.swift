import DocwrightCore
import Ranking

/// A policy the HumanEval harness compares: docwright's ranking policies plus the random baseline.
public enum BenchPolicy: Sendable, Hashable {
    /// Expected pass rate of a uniformly random usable sample (the Codex paper's baseline).
    case random
    case ranker(RankingPolicy)

    /// The order the report lists them in.
    public static let all: [BenchPolicy] = [
        .random, .ranker(.meanLogprobNoDemotion), .ranker(.meanLogprob), .ranker(.verifiedThenLogprob), .ranker(.agreement),
    ]

    public var name: String {
        switch self {
        case .random: return "random"
        case .ranker(let policy): return policy.rawValue
        }
    }

    /// Parses `random`, `mean_logprob_raw`, `mean_logprob`, `verified_then_logprob`, `agreement`.
    public init?(name: String) {
        if name == "random" {
            self = .random
        } else if let policy = RankingPolicy(rawValue: name), policy != .random {
            self = .ranker(policy)
        } else {
            return nil
        }
    }

    /// What the report says the row means.
    public var meaning: String {
        switch self {
        case .random: return "a random usable sample (expected value; the Codex paper's baseline)"
        case .ranker(.meanLogprobNoDemotion): return "highest mean token log-probability, no demotion (Codex heuristic as published)"
        case .ranker(.meanLogprob): return "mean log-probability with truncated / degenerate / unparsable samples demoted"
        case .ranker(.verifiedThenLogprob): return "samples passing the docstring's >>> examples first, then mean log-probability"
        case .ranker(.agreement): return "the answer most samples agree on"
        case .ranker(.random): return "random order"
        }
    }
}

/// Picks each policy's top candidate among processed samples and says whether it passes.
public enum PolicySelection {
    /// The value of `policy` on one problem: 1 or 0 for a ranker's top candidate (0 when there
    /// is none), the expected pass rate for `.random`.
    /// - Parameters:
    ///   - processed: usable samples, in draw order.
    ///   - passes: test result per candidate text (every `processed[i].text` must be present).
    ///   - verifier: used by `verified_then_logprob` (docstring examples).
    public static func value(
        of policy: BenchPolicy, processed: [ProcessedSample], task: GenerationTask, passes: [String: Bool],
        verifier: (any Verifier)?, syntaxChecker: SyntaxChecker? = SyntaxChecker(), seed: UInt64 = 0x5EED
    ) async -> (value: Double, top: Candidate?) {
        guard !processed.isEmpty else { return (0, nil) }
        switch policy {
        case .random:
            let passing = processed.filter { passes[$0.text] == true }.count
            return (Double(passing) / Double(processed.count), nil)
        case .ranker(let rankingPolicy):
            let ranker = Ranker(policy: rankingPolicy, demoteTruncated: rankingPolicy != .meanLogprobNoDemotion,
                                syntaxChecker: syntaxChecker, randomSeed: seed)
            let useVerifier = rankingPolicy == .verifiedThenLogprob ? verifier : nil
            let ranked = await ranker.rank(processed, task: task, verifier: useVerifier)
            guard let top = ranked.first else { return (0, nil) }
            return (passes[top.text] == true ? 1 : 0, top)
        }
    }
}
