/// A doctest-style example from a docstring: `>>> add(1, 2)` followed by its expected output `3`.
public struct DocExample: Sendable, Hashable, Codable {
    /// The expression or statement(s) after `>>>` (continuation `...` lines joined with `\n`).
    public var call: String
    /// The expected output lines (dedented, joined with `\n`); empty when none is given.
    public var expected: String

    public init(call: String, expected: String) {
        self.call = call
        self.expected = expected
    }
}

/// Extracts doctest examples, for verifying candidates (Ranking runs them where it can).
public enum DocExamples {
    /// Examples in order of appearance. An example's output runs until a blank line or the next `>>>`.
    public static func extract(from docText: String) -> [DocExample] {
        let lines = docText.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map(String.init)
        var examples: [DocExample] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let body = line.dropFirst(indent.count)
            guard body.hasPrefix(">>>") else { index += 1; continue }
            // As doctest does: the marker and one space go, deeper indentation stays.
            var call = String(dropMarker(body)).trimmingTrailingSpaces()
            index += 1
            while index < lines.count {
                let next = lines[index].dropFirst(min(indent.count, lines[index].prefix { $0 == " " || $0 == "\t" }.count))
                guard next.hasPrefix("...") else { break }
                call += "\n" + String(dropMarker(next)).trimmingTrailingSpaces()
                index += 1
            }
            var expected: [String] = []
            while index < lines.count {
                let raw = lines[index]
                let trimmed = raw.trimmedSpaces()
                if trimmed.isEmpty || trimmed.hasPrefix(">>>") { break }
                let leading = raw.prefix { $0 == " " || $0 == "\t" }.count
                expected.append(String(raw.dropFirst(min(leading, indent.count))).trimmingTrailingSpaces())
                index += 1
            }
            if !call.isEmpty { examples.append(DocExample(call: call, expected: expected.joined(separator: "\n"))) }
        }
        return examples
    }

    private static func dropMarker(_ line: Substring) -> Substring {
        let rest = line.dropFirst(3)
        return rest.hasPrefix(" ") ? rest.dropFirst() : rest
    }
}
