import DocwrightCore

/// One deduplicated candidate on its way through the ranker, with what ordering needs.
struct RankingEntry: Sendable {
    var candidate: Candidate
    /// Normalised text (dedupe key, similarity input).
    var normalized: [UInt8]
    /// Index of the first sample in this group (stable tie-break).
    var firstIndex: Int
    /// Why the text looks like a repetition loop, if it does.
    var degenerate: String?
}

/// Turns processed samples into deduplicated entries: scores each sample's kept tokens, merges
/// samples equal after normalisation (counting them as agreement) and keeps the best
/// representative of each group: one that stopped naturally, then the highest mean
/// log-probability, then the earliest.
enum CandidateAssembler {
    /// `task`: where the candidates go (its language's comments and strings, read in place).
    static func assemble(_ samples: [ProcessedSample], task: GenerationTask?) -> [RankingEntry] {
        let normalizer = CodeNormalizer(language: task?.language, task: task)
        var entries: [RankingEntry] = []
        var groupOfKey: [[UInt8]: Int] = [:]
        for (index, processed) in samples.enumerated() {
            let normalized = normalizer.normalize(processed.text)
            guard !normalized.isEmpty else { continue }
            let score = KeptTokenScore.compute(processed.sample, kept: processed.keptUTF8Range)
            let candidate = Candidate(text: processed.text, meanLogprob: score?.mean, agreement: 1,
                                      finishReason: processed.sample.finishReason)
            if let group = groupOfKey[normalized] {
                entries[group].candidate.agreement += 1
                if isBetterRepresentative(candidate, than: entries[group].candidate) {
                    let agreement = entries[group].candidate.agreement
                    entries[group].candidate = candidate
                    entries[group].candidate.agreement = agreement
                }
            } else {
                groupOfKey[normalized] = entries.count
                entries.append(RankingEntry(candidate: candidate, normalized: normalized, firstIndex: index, degenerate: nil))
            }
        }
        for index in entries.indices {
            entries[index].degenerate = RepetitionDetector.degenerateReason(entries[index].candidate.text)
        }
        return entries
    }

    private static func isBetterRepresentative(_ new: Candidate, than old: Candidate) -> Bool {
        let newNatural = new.finishReason != .length
        let oldNatural = old.finishReason != .length
        if newNatural != oldNatural { return newNatural }
        return (new.meanLogprob ?? -.infinity) > (old.meanLogprob ?? -.infinity)
    }
}

/// Scores by agreement when there are no log-probabilities (or the policy asks for it):
/// `support` = samples whose normalised text is equal or near-equal (edit similarity ≥ 0.85) to
/// this one, plus 0.1 × `typicality` = 1 − |length − median length| / max(length, median), so
/// ties in support go to the candidate of the most typical length. Texts shorter than 20
/// normalised bytes must match exactly: there one character is a different program (`return 41`).
enum AgreementScoring {
    static let nearThreshold = 0.85
    static let nearMinimumLength = 20
    static let tieBreakWeight = 0.1

    static func scores(_ entries: [RankingEntry]) -> [Double] {
        let lengths = entries.flatMap { Array(repeating: $0.normalized.count, count: $0.candidate.agreement) }.sorted()
        let median = lengths.isEmpty ? 0 : Double(lengths[lengths.count / 2])
        var support = entries.map { Double($0.candidate.agreement) }
        for i in entries.indices {
            for j in entries.indices where j > i {
                guard min(entries[i].normalized.count, entries[j].normalized.count) >= nearMinimumLength else { continue }
                if EditSimilarity.similarity(entries[i].normalized, entries[j].normalized, atLeast: nearThreshold) != nil {
                    support[i] += Double(entries[j].candidate.agreement)
                    support[j] += Double(entries[i].candidate.agreement)
                }
            }
        }
        return entries.indices.map { index in
            let length = Double(entries[index].normalized.count)
            let typicality = max(length, median) > 0 ? 1 - abs(length - median) / max(length, median) : 1
            return support[index] + tieBreakWeight * typicality
        }
    }
}
