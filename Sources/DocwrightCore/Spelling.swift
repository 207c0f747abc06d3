/// "Did you mean …?" for misspelt configuration keys, model names and CLI commands.
public enum Spelling {
    /// The candidate closest to `word` by edit distance, if within `limit` (ties: alphabetical).
    public static func closest(to word: String, in candidates: [String], within limit: Int) -> String? {
        candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= limit }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance (insertions, deletions, substitutions of characters).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
