import DocwrightCore
import FoundationEssentials

/// Recognises degenerate output: the loops a small model falls into before `max_tokens` cuts it
/// off (with the local Gemma model these get a *higher* mean log-probability than real answers,
/// because repeating is easy to predict).
///
/// Two signals:
/// - the same non-trivial line (≥ 4 characters, at least one alphanumeric) 4 or more times in a
///   row, or a block of 2–4 lines repeated 3 or more times in a row (blank lines ignored);
/// - a short unit (1–24 bytes, containing an alphanumeric) repeated back to back at least 6
///   times and over at least 48 bytes (`, 0, 0, 0, …`, `abcabcabc…`).
enum RepetitionDetector {
    static let maxUnit = 24
    static let minimumLoopBytes = 48
    static let minimumLoopRepeats = 6

    /// Why the text is degenerate, or nil.
    static func degenerateReason(_ text: String) -> String? {
        lineLoop(text) ?? shortLoop(Array(text.utf8))
    }

    private static func lineLoop(_ text: String) -> String? {
        let lines = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingHorizontalWhitespace() }
            .filter { !$0.isEmpty }
        guard lines.count >= 4 else { return nil }
        for period in 1...4 {
            let needed = period == 1 ? 4 : 3
            guard lines.count >= period * needed else { break }
            var run = 0
            for index in 0..<(lines.count - period) {
                run = lines[index] == lines[index + period] ? run + 1 : 0
                let repeats = run / period + 1
                guard repeats >= needed else { continue }
                let block = lines[(index + 1)...(index + period)]
                if block.contains(where: isSubstantive) {
                    let first = String(block.first ?? "").prefix(40)
                    return period == 1
                        ? "line '\(first)' repeated \(repeats) times"
                        : "block of \(period) lines repeated \(repeats) times"
                }
            }
        }
        return nil
    }

    private static func shortLoop(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= minimumLoopBytes else { return nil }
        for unit in 1...maxUnit where unit * minimumLoopRepeats <= bytes.count {
            var run = 0
            for index in 0..<(bytes.count - unit) {
                run = bytes[index] == bytes[index + unit] ? run + 1 : 0
                let span = run + unit
                guard span >= minimumLoopBytes, span / unit >= minimumLoopRepeats else { continue }
                let start = index + 1 - run
                let loop = bytes[start..<(start + unit)]
                // Units are tried shortest first; a loop of punctuation (a "-----" banner) is not degenerate.
                guard loop.contains(where: isAlphanumeric) else { continue }
                let shown = String(decoding: loop, as: UTF8.self)
                return "'\(shown)' repeated \(span / unit) times"
            }
        }
        return nil
    }

    private static func isSubstantive(_ line: String) -> Bool {
        line.count >= 4 && line.contains(where: { $0.isLetter || $0.isNumber })
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
