/// One interactive example from a docstring: `>>> source` (with `...` continuation lines) and
/// the output expected after it (empty when none).
public struct DoctestExample: Sendable, Hashable, Codable {
    /// Source to run, lines joined with "\n", ending with "\n".
    public var source: String
    /// Expected output ending with "\n", or "" when the example prints nothing.
    public var want: String
    /// Zero-based line of the `>>>` in the doc text.
    public var line: Int

    public init(source: String, want: String, line: Int) {
        self.source = source
        self.want = want
        self.line = line
    }
}

/// Finds doctest-style examples in docstring text, following Python's doctest rules: a `>>> `
/// line starts an example, `... ` lines continue it, the following non-blank lines up to a blank
/// line or the next `>>>` are its expected output (`<BLANKLINE>` stands for an empty line), and
/// the `>>>` line's indentation is the margin removed from all of them.
public enum DoctestExtractor {
    public static func examples(in docText: String) -> [DoctestExample] {
        let lines = docText.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var examples: [DoctestExample] = []
        var index = 0
        while index < lines.count {
            guard let first = promptContent(lines[index], prompt: ">>>") else {
                index += 1
                continue
            }
            let start = index
            let margin = String(lines[index].prefix { $0 == " " || $0 == "\t" })
            var source = [first]
            index += 1
            while index < lines.count, let more = promptContent(strip(margin, from: lines[index]), prompt: "...") {
                source.append(more)
                index += 1
            }
            var want: [String] = []
            while index < lines.count {
                let line = lines[index]
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.isEmpty || promptContent(line, prompt: ">>>") != nil { break }
                let unindented = strip(margin, from: line)
                want.append(unindented == "<BLANKLINE>" ? "" : unindented)
                index += 1
            }
            if source.allSatisfy({ $0.allSatisfy { $0 == " " || $0 == "\t" } }) { continue }
            examples.append(DoctestExample(
                source: source.joined(separator: "\n") + "\n",
                want: want.isEmpty ? "" : want.joined(separator: "\n") + "\n",
                line: start
            ))
        }
        return examples
    }

    /// The text after `prompt` when the (indented) line starts with it followed by a space or
    /// nothing; nil otherwise.
    private static func promptContent(_ line: String, prompt: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix(prompt) else { return nil }
        let rest = trimmed.dropFirst(prompt.count)
        if rest.isEmpty { return "" }
        guard rest.first == " " else { return nil }
        return String(rest.dropFirst())
    }

    /// Removes the margin when the line starts with it, else its leading whitespace.
    private static func strip(_ margin: String, from line: String) -> String {
        if line.hasPrefix(margin) { return String(line.dropFirst(margin.count)) }
        return String(line.drop { $0 == " " || $0 == "\t" })
    }
}
