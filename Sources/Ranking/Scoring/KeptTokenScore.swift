import DocwrightCore

/// Mean log-probability of exactly the tokens that produced a candidate's kept text.
///
/// Token byte ranges come from `textOffset` when the backend gives it; otherwise they are
/// accumulated from the UTF-8 lengths of the token strings, starting at 0 (and continuing after
/// the last known offset). A token counts when **more than half of its bytes** lie inside
/// `keptUTF8Range`: a token straddling a boundary belongs to the side holding most of it, so a
/// stop sequence glued to the last kept character (`"\n\ndef"`) is not averaged in, while a
/// leading space trimmed off the first token (`" return"`) does not lose that token. Tokens past
/// the text's end (stop tokens), tokens without a log-probability and NaN values are skipped;
/// `-inf` is clamped to -100 so one impossible token cannot swamp the mean. Tokens that cover
/// only a prefix of the text (llama.cpp) simply leave the rest unscored.
struct KeptTokenScore: Sendable, Hashable {
    static let floor = -100.0

    var mean: Double
    var tokensCounted: Int
    /// Bytes of the kept range covered by counted tokens.
    var coveredBytes: Int

    static func compute(_ sample: Sample, kept: Range<Int>) -> KeptTokenScore? {
        guard let tokens = sample.tokens, !tokens.isEmpty else { return nil }
        let textLength = sample.text.utf8.count
        let lower = min(max(0, kept.lowerBound), textLength)
        let upper = min(max(lower, kept.upperBound), textLength)
        guard upper > lower else { return nil }
        var cursor = 0
        var sum = 0.0
        var counted = 0
        var covered = 0
        for token in tokens {
            let length = token.token.utf8.count
            let start = token.textOffset ?? cursor
            let end = start + length
            cursor = end
            let overlap = max(0, min(end, upper) - max(start, lower))
            let inside = length == 0 ? (start >= lower && start < upper) : overlap * 2 > length
            guard inside, let logprob = token.logprob, !logprob.isNaN else { continue }
            sum += max(logprob, floor)
            counted += 1
            covered += overlap
        }
        guard counted > 0 else { return nil }
        return KeptTokenScore(mean: sum / Double(counted), tokensCounted: counted, coveredBytes: covered)
    }
}
