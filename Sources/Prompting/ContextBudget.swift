/// Trims surrounding code to a character budget at line boundaries: the prefix from the top
/// (imports kept), the suffix from the bottom.
enum ContextBudget {
    /// The last lines of `prefix` that fit `budget` characters, always including the tail from
    /// `keepFrom` (the signature and doc) even past the budget; imports cut off are put back on top.
    static func trimPrefix(_ prefix: String, budget: Int, imports: [String], keepFrom anchor: String.Index?) -> String {
        guard exceeds(prefix, budget) else { return prefix }
        let mandatory = anchor.map { prefix[$0...] } ?? prefix[prefix.endIndex...]
        var kept = String(mandatory)
        var used = kept.count
        let head = prefix[..<(anchor ?? prefix.endIndex)]
        let importBlock = imports.joined(separator: "\n")
        let importCost = importBlock.isEmpty ? 0 : importBlock.count + 2
        // Whole lines from the bottom of what precedes the anchor, while they fit; read from the
        // bottom up, so only the lines kept are looked at. `rest` holds the lines not taken (nil:
        // none), the line break ending the head belonging to its last line.
        var rest: Substring? = head.isEmpty ? nil : (head.last == "\n" ? head[..<head.index(before: head.endIndex)] : head)
        var taken: [Substring] = []
        while let lines = rest {
            let lineStart = lines.lastIndex(of: "\n").map { lines.index(after: $0) } ?? lines.startIndex
            let line = lines[lineStart...]
            guard used + importCost + line.count + 1 <= budget else { break }
            taken.append(line)
            used += line.count + 1
            rest = lineStart == lines.startIndex ? nil : lines[..<lines.index(before: lineStart)]
        }
        let before = taken.reversed().map { $0 + "\n" }.joined()
        kept = before + kept
        guard rest != nil else { return kept }
        // Imports that were cut off go back on top, followed by a gap marker line.
        let missing = imports.filter { !kept.contains($0) }
        return missing.isEmpty ? kept : missing.joined(separator: "\n") + "\n\n" + kept
    }

    /// More than `budget` characters; counting stops there (the text of a large file is not counted whole).
    static func exceeds(_ text: String, _ budget: Int) -> Bool {
        budget < 0 || (text.index(text.startIndex, offsetBy: budget, limitedBy: text.endIndex).map { $0 < text.endIndex } ?? false)
    }

    /// The first lines of `suffix` that fit `budget` characters.
    static func trimSuffix(_ suffix: String, budget: Int) -> String {
        guard exceeds(suffix, budget) else { return suffix }
        var result = ""
        var used = 0
        var rest = suffix[...]
        // Line by line from the top; only the lines kept (and the first that does not fit) are read.
        while true {
            let lineEnd = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[..<lineEnd]
            guard used + line.count + 1 <= budget else { break }
            result += line + "\n"
            used += line.count + 1
            guard lineEnd < rest.endIndex else { break }
            rest = rest[rest.index(after: lineEnd)...]
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
