import DocwrightCore

/// A run of consecutive comment-only lines (line comments and/or block comments).
struct CommentBlock {
    let firstLine: Int
    let lastLine: Int
    /// The comment exactly as written, from its first non-blank byte to the end of its last line.
    let rawDoc: String
    /// The comment's text with markers stripped and common indentation removed.
    let docText: String
    /// Whether the block opens with a documentation marker (`///`, `/**`, `---`).
    let isDocStyle: Bool

    /// Longest stretch examined in either direction: bounds the work on pathological files.
    static let maximumLines = 400

    /// The comment block containing `line`, if that line is a comment line.
    static func containing(_ line: Int, in source: AnalyzedSource) -> CommentBlock? {
        guard source.isCommentLine(line) else { return nil }
        var first = line
        while first > 0, line - first < maximumLines, source.isCommentLine(first - 1) { first -= 1 }
        var last = line
        while last + 1 < source.text.lineCount, last - line < maximumLines, source.isCommentLine(last + 1) { last += 1 }
        return make(first: first, last: last, in: source)
    }

    /// The nearest comment block that ends at or above `line`, looking at most `limit` lines up.
    static func nearest(atOrAbove line: Int, limit: Int, in source: AnalyzedSource) -> CommentBlock? {
        var candidate = line
        while candidate >= 0, line - candidate <= limit {
            if source.isCommentLine(candidate) { return containing(candidate, in: source) }
            candidate -= 1
        }
        return nil
    }

    static func make(first: Int, last: Int, in source: AnalyzedSource) -> CommentBlock {
        let text = source.text
        let raw = text.string(text.firstNonBlankOffset(first)..<text.lineEnds[last])
        let lines = text.lines(first, through: last)
        let opener = text.trimmed(first)
        // `/***…`, `////`, `----` open banners and plain comments, not documentation (as for
        // Doxygen, rustdoc and LDoc): the marker's last character repeated.
        let isDoc = source.spec.docMarkers.contains { marker in
            opener.hasPrefix(marker) && !(marker == "/**" && opener.hasPrefix("/**/"))
                && !(marker.last.map { opener.dropFirst(marker.count).hasPrefix(String($0)) } ?? false)
        }
        return CommentBlock(
            firstLine: first, lastLine: last, rawDoc: raw,
            docText: stripMarkers(lines, spec: source.spec), isDocStyle: isDoc)
    }

    /// Removes comment markers (`//`, `#`, `/**`, ` * `, `*/`, `--[[`), then dedents.
    static func stripMarkers(_ lines: [String], spec: LanguageSpec) -> String {
        var out: [String] = []
        for line in lines {
            var body = Substring(line.trimmingWhitespace())
            if let marker = spec.lineCommentMarkers.first(where: { body.hasPrefix($0) }),
               !(spec.luaLongComments && body.hasPrefix("--[")) {
                body = body.dropFirst(marker.count)
                // `////`, `----`, `##`: the marker's character repeated is part of the marker.
                if let last = marker.last { body = body.drop { $0 == last } }
                // Conventionally one space follows the marker; deeper indentation is content.
                if body.hasPrefix(" ") { body = body.dropFirst() }
            } else {
                for opener in ["/**", "/*!", "/*", "--[==[", "--[=[", "--[["] where body.hasPrefix(opener) {
                    body = body.dropFirst(opener.count)
                    break
                }
                for closer in ["*/", "]==]", "]=]", "]]"] where body.hasSuffix(closer) {
                    body = body.dropLast(closer.count)
                    break
                }
                let lead = body.drop { $0 == " " || $0 == "\t" }
                if lead.hasPrefix("*") { body = lead.dropFirst() }
            }
            out.append(String(withoutDecoration(body)).trimmingTrailingWhitespace())
        }
        var text = dedent(out)
        if spec.xmlDocComments { text = simplifyXMLDoc(text) }
        return text
    }

    /// Whether the comment has anything to act on (a banner of dashes or stars has not).
    var hasWords: Bool { docText.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } }

    /// Characters banners are drawn with.
    private static let decoration: Set<Character> = ["*", "-", "=", "#", "/", "~", "_", "+", "!"]

    /// A line without the runs of three or more decoration characters at its ends
    /// (`****** Helpers ******` → `Helpers`, `-----` → empty); other text is left alone.
    static func withoutDecoration(_ line: Substring) -> Substring {
        func run(_ characters: some Sequence<Character>) -> Int {
            var iterator = characters.makeIterator()
            guard let first = iterator.next(), decoration.contains(first) else { return 0 }
            var count = 1
            while let next = iterator.next(), next == first { count += 1 }
            return count >= 3 ? count : 0
        }
        var body = line
        let leading = body.prefix { $0 == " " || $0 == "\t" }
        let lead = run(body.dropFirst(leading.count))
        if lead > 0 { body = body.dropFirst(leading.count + lead).drop { $0 == " " || $0 == "\t" } }
        let trimmed = body.reversed().drop { $0 == " " || $0 == "\t" }
        let tail = run(trimmed)
        if tail > 0 {
            body = body.dropLast(body.count - trimmed.count + tail)
            while let last = body.last, last == " " || last == "\t" { body = body.dropLast() }
        }
        return lead > 0 && body.isEmpty ? "" : body
    }

    /// Removes the indentation common to all non-blank lines and surrounding blank lines.
    static func dedent(_ lines: [String]) -> String {
        let nonBlank = lines.filter { !$0.trimmingWhitespace().isEmpty }
        let common = nonBlank.map { $0.leadingWhitespace().unicodeScalars.count }.min() ?? 0
        var result = lines.map { line -> String in
            line.trimmingWhitespace().isEmpty ? "" : String(line.unicodeScalars.dropFirst(common))
        }
        while let first = result.first, first.isEmpty { result.removeFirst() }
        while let last = result.last, last.isEmpty { result.removeLast() }
        return result.joined(separator: "\n")
    }

    /// `<summary>` wrappers say nothing to a model; parameter tags become plain words.
    private static func simplifyXMLDoc(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var value = String(line)
            for tag in ["<summary>", "</summary>", "</param>", "</returns>", "<remarks>", "</remarks>"] {
                value = value.replacingAll(tag, with: "")
            }
            value = value.replacingAll("<returns>", with: "Returns: ")
            value = value.replacingAll("<param name=\"", with: "Parameter ")
            value = value.replacingAll("\">", with: ": ")
            value = value.trimmingTrailingWhitespace()
            if !(value.trimmingWhitespace().isEmpty && (lines.last?.isEmpty ?? true)) { lines.append(value) }
        }
        return dedent(lines)
    }
}

extension String {
    /// Replaces every occurrence of `target` (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard !target.isEmpty, count >= target.count else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return index..<(self.index(index, offsetBy: target.count))
            }
            index = self.index(after: index)
        }
        return nil
    }
}
