import DocwrightCore

/// Recognises the lines of a stub body: placeholders to replace (`pass`, `todo!()`,
/// `throw new Error("not implemented")`), TODO markers to replace, and guidance comments to keep.
enum StubLine: Equatable {
    case blank
    /// A comment such as `// TODO` or `# your code here`: replaced by the generated body.
    case marker
    /// Any other comment: kept, it tells the model what to write.
    case guidance
    /// A placeholder statement: replaced.
    case placeholder
    /// Real code: the function is not a stub.
    case code
}

enum StubPatterns {
    /// `defaultReturns`: whether a `return` of a default value counts as a placeholder (it does
    /// in a stub body; below a comment inside a written body it is the function's real ending).
    static func classify(line: Int, in source: AnalyzedSource, defaultReturns: Bool = true) -> StubLine {
        let text = source.text
        if text.isBlank(line) { return .blank }
        if source.isCommentLine(line) {
            let words = CommentBlock.stripMarkers([text.lineString(line)], spec: source.spec)
            return isMarkerComment(words) ? .marker : .guidance
        }
        let statement = bareStatement(text.trimmed(line), spec: source.spec)
        let standsIn = isPlaceholder(bare: statement) || (defaultReturns && isDefaultReturn(bare: statement, spec: source.spec))
        return standsIn ? .placeholder : .code
    }

    /// A statement that may stand for a whole body: a placeholder, or a `return` of a default
    /// value (`return 0;`, `return nil`, `return nil, nil`, `return []`) — what a typed language
    /// needs for a stub to compile. Only for bodies: after a comment inside a body such a return
    /// is real code.
    static func isStubStatement(_ line: String, spec: LanguageSpec) -> Bool {
        let statement = bareStatement(line, spec: spec)
        return isPlaceholder(bare: statement) || isDefaultReturn(bare: statement, spec: spec)
    }

    /// A trimmed line without its trailing comment and `;`: what the stand-in checks read.
    private static func bareStatement(_ line: String, spec: LanguageSpec) -> String {
        var statement = stripTrailingComment(line, spec: spec)
        while statement.hasSuffix(";") { statement.removeLast() }
        return statement.trimmingWhitespace()
    }

    /// Values a stub returns to compile; never a value computed from anything.
    private static let defaultValues: Set<String> = [
        "0", "0.0", "0.0f", "0f", "0.0d", "0d", "0l", "0u", "0ul", "0.", "false", "null", "nullptr", "nil", "none",
        "undefined", "\"\"", "''", "[]", "{}", "()", "default", "default!", "std::nullopt", "string.empty",
        "emptylist()", "listof()", "emptymap()", "mapof()", "vec::new()", "vec![]", "string::new()", "hashmap::new()",
        "default::default()", "ok(())",
    ]

    /// `return`, alone or with default values (comma-separated for Go's several results); where a
    /// body's last expression is its value, a default value alone.
    private static func isDefaultReturn(bare statement: String, spec: LanguageSpec) -> Bool {
        let rest: Substring
        if statement.hasPrefix("return") {
            rest = statement.dropFirst("return".count)
            if rest.isEmpty { return true }
            guard let first = rest.first, first == " " || first == "\t" else { return false }
        } else if spec.lastExpressionReturns {
            rest = Substring(statement)
        } else {
            return false
        }
        let values = rest.split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0).trimmingWhitespace().lowercased() }
        return values.allSatisfy(isStandInValue)
    }

    /// A default value (`0`, `nil`, `[]`), a value-initialised type (`T{}`, `std::string{}`), or
    /// an error that says it is not implemented (Go's `errors.New("not implemented")`). Lower case.
    private static func isStandInValue(_ value: String) -> Bool {
        if defaultValues.contains(value) { return true }
        if value.hasSuffix("{}"), value.count > 2,
           value.dropLast(2).allSatisfy({ $0.isLetter || $0.isNumber || "_:<>.".contains($0) }) { return true }
        let squashed = value.filter { $0 != " " && $0 != "_" && $0 != "-" }
        return ["notimplemented", "unimplemented", "notyetimplemented"].contains { squashed.contains($0) }
    }

    /// A comment that only marks the place (`TODO`, `TODO: implement`, `your code here`): replaced.
    /// A TODO that says what to do (`TODO: handle negative x`) is guidance, kept for the model.
    static func isMarkerComment(_ text: String) -> Bool {
        let lower = text.lowercased().trimmingWhitespace()
        if lower.isEmpty || lower.contains("auto-generated") { return true }
        let generic = ["implement", "implement me", "implement this", "implement it", "implementation", "your code",
                       "your code here", "write your code", "write your code here", "insert code", "insert code here",
                       "code here", "not implemented", "not yet implemented", "...", "stub", "placeholder", "fill in",
                       "fill me in", "later", "tbd", "todo", "fixme"]
        for tag in ["todo", "fixme", "tbd", "xxx"] where lower.hasPrefix(tag) {
            // `TODO`, `TODO:`, `TODO(ann):`, `TODO - implement`: what follows the tag decides.
            var rest = lower.dropFirst(tag.count)
            if rest.first == "(", let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] }
            let words = rest.drop { ":-!. \t".contains($0) }.trimmingWhitespace()
            let bare = words.hasSuffix(".") ? String(words.dropLast()) : words
            return bare.isEmpty || generic.contains(bare)
        }
        let bare = lower.hasSuffix(".") && !lower.hasSuffix("...") ? String(lower.dropLast()) : lower
        return generic.contains(bare)
            || ["your code", "write your code", "insert code", "not implemented", "not yet implemented", "..."].contains { lower.hasPrefix($0) }
    }

    /// A statement that only stands in for a body. `line` is trimmed.
    static func isPlaceholder(_ line: String, spec: LanguageSpec) -> Bool {
        isPlaceholder(bare: bareStatement(line, spec: spec))
    }

    private static func isPlaceholder(bare statement: String) -> Bool {
        let lower = statement.lowercased()
        if ["pass", "...", "abort()", "assert(0)", "assert(false)", "assert false", "todo()", "unimplemented()"]
            .contains(lower) { return true }
        if statement.hasPrefix("todo!(") || statement.hasPrefix("unimplemented!(") || statement.hasPrefix("TODO(")
            || statement.hasPrefix("fatalError(") || statement.hasPrefix("preconditionFailure(") {
            return statement.hasSuffix(")")
        }
        let raising = ["raise", "throw", "panic(", "error(", "error \"", "error '", "abort(", "assert", "fail "]
        guard raising.contains(where: { lower.hasPrefix($0) }) else { return false }
        let squashed = lower.filter { $0 != " " && $0 != "_" && $0 != "-" }
        return ["notimplemented", "unsupportedoperation", "unimplemented", "todo", "notyetimplemented",
                "implementme", "tbd"].contains { squashed.contains($0) }
    }

    /// Cuts a trailing `# ...` / `// ...` / `-- ...` comment outside quotes (good enough for
    /// one-line placeholders).
    private static func stripTrailingComment(_ line: String, spec: LanguageSpec) -> String {
        // Placeholders are short: long lines are code, and skipping them keeps this linear.
        guard line.utf8.count <= 400 else { return line }
        let characters = Array(line)
        let markers = spec.lineCommentMarkers.map { Array($0) }
        var quote: Character?
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == "\\" { index += 2; continue }
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if index > 0, markers.contains(where: { marker in
                index + marker.count <= characters.count && Array(characters[index..<index + marker.count]) == marker
            }) {
                return String(characters[..<index]).trimmingWhitespace()
            }
            index += 1
        }
        return line
    }
}
