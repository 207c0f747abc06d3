/// Trims surrounding code to a character budget at line boundaries: the prefix from the top
/// (imports kept), the suffix from the bottom.
enum ContextBudget {
    /// The last lines of `prefix` that fit `budget` characters, always including the tail from
    /// `keepFrom` (the signature and doc) even past the budget; imports cut off are put back on top.
    static func trimPrefix(_ prefix: String, budget: Int, imports: [String], keepFrom anchor: String.Index?) -> String {
        guard prefix.count > budget else { return prefix }
        let mandatory = anchor.map { prefix[$0...] } ?? prefix[prefix.endIndex...]
        var kept = String(mandatory)
        var used = kept.count
        let head = prefix[..<(anchor ?? prefix.endIndex)]
        let importBlock = imports.joined(separator: "\n")
        let importCost = importBlock.isEmpty ? 0 : importBlock.count + 2
        // Whole lines from the bottom of what precedes the anchor, while they fit.
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var taken: [Substring] = []
        while let line = lines.last, used + importCost + line.count + 1 <= budget {
            taken.append(line)
            used += line.count + 1
            lines.removeLast()
        }
        let before = taken.reversed().map { $0 + "\n" }.joined()
        kept = before + kept
        guard !lines.isEmpty else { return kept }
        // Imports that were cut off go back on top, followed by a gap marker line.
        let missing = imports.filter { !kept.contains($0) }
        return missing.isEmpty ? kept : missing.joined(separator: "\n") + "\n\n" + kept
    }

    /// The first lines of `suffix` that fit `budget` characters.
    static func trimSuffix(_ suffix: String, budget: Int) -> String {
        guard suffix.count > budget else { return suffix }
        var result = ""
        for line in suffix.split(separator: "\n", omittingEmptySubsequences: false) {
            guard result.count + line.count + 1 <= budget else { break }
            result += line + "\n"
        }
        return result
    }

    /// Where the declaration (or, for next lines, the comment) starts in the prefix.
    static func anchor(in prefix: String, signature: String, rawDoc: String) -> String.Index? {
        let firstLine = { (text: String) in text.split(separator: "\n").first.map(String.init)?.trimmedSpaces() ?? "" }
        for probe in [firstLine(signature), firstLine(rawDoc)] where !probe.isEmpty {
            if let range = prefix.range(ofLast: probe) {
                return prefix[..<range.lowerBound].lastIndex(of: "\n").map { prefix.index(after: $0) } ?? prefix.startIndex
            }
        }
        return nil
    }
}

extension String {
    /// The last occurrence of `target` (Foundation-free).
    func range(ofLast target: String) -> Range<String.Index>? {
        guard !target.isEmpty else { return nil }
        var index = endIndex
        while index > startIndex {
            index = self.index(before: index)
            if self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
        }
        return nil
    }
}
