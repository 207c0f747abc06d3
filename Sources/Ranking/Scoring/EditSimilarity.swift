/// Normalised edit-distance similarity: 1 − levenshtein(a, b) / max(|a|, |b|), in [0, 1].
/// Computed in a diagonal band, so asking "at least `threshold`?" costs O(n · k) with
/// k = (1 − threshold) · max length rather than O(n²).
enum EditSimilarity {
    /// The similarity when it is at least `threshold`, else nil.
    static func similarity(_ a: [UInt8], _ b: [UInt8], atLeast threshold: Double) -> Double? {
        let longest = max(a.count, b.count)
        if longest == 0 { return 1 }
        let budget = Int((1 - threshold) * Double(longest))
        guard abs(a.count - b.count) <= budget, let distance = boundedDistance(a, b, limit: budget) else { return nil }
        let value = 1 - Double(distance) / Double(longest)
        return value >= threshold ? value : nil
    }

    /// Levenshtein distance if it is ≤ `limit`, else nil (Ukkonen's band).
    static func boundedDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        if b.isEmpty { return a.count <= limit ? a.count : nil }
        let infinity = limit + 1
        var previous = [Int](repeating: infinity, count: b.count + 1)
        var current = [Int](repeating: infinity, count: b.count + 1)
        for column in 0...min(b.count, limit) { previous[column] = column }
        for row in 1...a.count {
            let low = max(1, row - limit)
            let high = min(b.count, row + limit)
            if low > high { return nil }
            current[low - 1] = low == 1 ? (row <= limit ? row : infinity) : infinity
            var rowMinimum = current[low - 1]
            for column in low...high {
                let substitution = previous[column - 1] + (a[row - 1] == b[column - 1] ? 0 : 1)
                let deletion = previous[column] + 1
                let insertion = current[column - 1] + 1
                let value = min(substitution, deletion, insertion, infinity)
                current[column] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < b.count { current[high + 1] = infinity }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }
}
