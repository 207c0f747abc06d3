/// A `name <operator> value` found after a secret-sounding name, in any of the shapes code and
/// configuration use: `=`, `:=`, `:`, `=>`, `==`, `name: Type = value`, `"name": value`,
/// `("name", value)`, `name("value")`, `<name>value</name>`, `--name value`, `export NAME=value`.
/// Parsing is a bounded forward scan on one line.
struct Assignment: Sendable {
    enum Operator: Sendable { case assign, colon, walrus, arrow, compare, call, pair, xml, flag }

    var value: Range<Int>
    var quoted: Bool
    var op: Operator
    /// The name itself was quoted (`"password": …`, a dictionary key).
    var keyQuoted: Bool
    /// Only indentation (and `export`, `set`, `ENV`, `- ` …) precedes the name on its line.
    var keyStartsLine: Bool
    /// No spaces around the operator (`NAME=value`: shell, .env, properties files).
    var tight: Bool
    /// Nothing but a comment or `;` follows the value on its line.
    var endsLine: Bool
    /// `--name value` / `--name=value`, or `?name=value` / `&name=value` / `;Name=value` (URL
    /// queries, connection strings): the value is a literal.
    var literalPosition: Bool

    static func parse(_ text: ByteText, keyStart: Int, keyEnd: Int) -> Assignment? {
        var cursor = keyEnd
        let before = text.at(keyStart - 1)
        var keyQuoted = false
        if ByteClass.isQuote(text.at(cursor)), text.at(cursor) == before {
            keyQuoted = true
            cursor += 1
        } else if text.at(cursor) == UInt8(ascii: "\\"), ByteClass.isQuote(text.at(cursor + 1)), text.at(cursor + 1) == before {
            // JSON inside a string literal: `\"api_key\": \"…\"`.
            keyQuoted = true
            cursor += 2
        }
        // `config[:api_key] = …`, `settings["token"] = …`
        if text.at(cursor) == UInt8(ascii: "]") { cursor += 1 }
        if before == UInt8(ascii: "<"), text.at(cursor) == UInt8(ascii: ">") {
            return xmlElement(text, contentStart: cursor + 1)
        }
        let isFlag = before == UInt8(ascii: "-") && text.at(keyStart - 2) == UInt8(ascii: "-")
        let inQuery = before == UInt8(ascii: "?") || before == UInt8(ascii: "&") || before == UInt8(ascii: ";")
        let spacesBefore = skipSpaces(text, &cursor)
        let plainQuotes = before == UInt8(ascii: "\"") || before == UInt8(ascii: "'")
        guard var op = readOperator(text, &cursor, keyQuoted: keyQuoted && plainQuotes, isFlag: isFlag,
                                    spacesBefore: spacesBefore)
        else { return nil }
        if op == .colon, keyQuoted, isTernaryBranch(text, quoteIndex: keyStart - 1) { return nil }
        var spacesAfter = skipSpaces(text, &cursor)
        if op == .colon, !keyQuoted, !ByteClass.isQuote(text.at(cursor)), let afterType = typeAnnotationEnd(text, from: cursor) {
            cursor = afterType
            op = .assign
            spacesAfter = skipSpaces(text, &cursor)
        }
        guard let (found, quoted, valueEnd) = readValue(text, from: cursor) else { return nil }
        if op == .call || op == .pair {
            // `name("value")` and `("name", "value")` only: a plain-quoted literal closing the call.
            guard quoted, text.at(found.lowerBound - 1) == UInt8(ascii: "\"") || text.at(found.lowerBound - 1) == UInt8(ascii: "'")
            else { return nil }
            var after = valueEnd
            _ = skipSpaces(text, &after)
            guard text.at(after) == UInt8(ascii: ")") else { return nil }
        }
        var value = found
        // `Bearer abc…` / `Basic abc…`: the credential is what follows the scheme.
        for scheme: StaticString in ["bearer ", "basic ", "token "] where text.hasCaseless(scheme, at: value.lowerBound) {
            let start = value.lowerBound + scheme.utf8CodeUnitCount
            if start < value.upperBound { value = start..<value.upperBound }
            break
        }
        var rest = valueEnd
        _ = skipSpaces(text, &rest)
        let next = text.at(rest)
        let endsLine = rest >= text.count || ByteClass.isLineBreak(next) || next == UInt8(ascii: "#")
            || next == UInt8(ascii: ";") || (next == UInt8(ascii: "/") && text.at(rest + 1) == UInt8(ascii: "/"))
        return Assignment(
            value: value, quoted: quoted, op: op, keyQuoted: keyQuoted,
            keyStartsLine: startsLine(text, keyStart: keyQuoted ? keyStart - 1 : keyStart),
            tight: spacesBefore == 0 && spacesAfter == 0, endsLine: endsLine,
            literalPosition: isFlag || (inQuery && op == .assign))
    }

    private static func skipSpaces(_ text: ByteText, _ cursor: inout Int) -> Int {
        let start = cursor
        while cursor - start < 16, ByteClass.isSpaceOrTab(text.at(cursor)) { cursor += 1 }
        return cursor - start
    }

    private static func readOperator(_ text: ByteText, _ cursor: inout Int, keyQuoted: Bool, isFlag: Bool,
                                     spacesBefore: Int) -> Operator? {
        let first = text.at(cursor)
        let second = text.at(cursor + 1)
        switch (first, second) {
        case (UInt8(ascii: ":"), UInt8(ascii: ":")):
            return nil  // a path (`Token::new`), not an assignment
        case (UInt8(ascii: ":"), UInt8(ascii: "=")):
            cursor += 2
            return .walrus
        case (UInt8(ascii: ":"), _):
            cursor += 1
            return .colon
        case (UInt8(ascii: "="), UInt8(ascii: ">")):
            cursor += 2
            return .arrow
        case (UInt8(ascii: "="), UInt8(ascii: "=")):
            cursor += text.at(cursor + 2) == UInt8(ascii: "=") ? 3 : 2
            return .compare
        case (UInt8(ascii: "="), _):
            cursor += 1
            return .assign
        case (UInt8(ascii: "?"), UInt8(ascii: "=")), (UInt8(ascii: "+"), UInt8(ascii: "=")),
             (UInt8(ascii: "|"), UInt8(ascii: "=")):
            cursor += 2
            return .assign
        case (UInt8(ascii: "("), _) where spacesBefore == 0:
            cursor += 1
            return .call
        case (UInt8(ascii: ","), _) where keyQuoted:
            cursor += 1
            return .pair
        default:
            return isFlag && spacesBefore > 0 ? .flag : nil
        }
    }

    /// `cond ? "a" : "b"`: the quoted word before `:` is a ternary branch, not a key.
    private static func isTernaryBranch(_ text: ByteText, quoteIndex: Int) -> Bool {
        var index = quoteIndex - 1
        while index >= 0, quoteIndex - index < 16, ByteClass.isSpaceOrTab(text[index]) { index -= 1 }
        return text.at(index) == UInt8(ascii: "?")
    }

    /// After `name:`, the end of `Type =` when a type annotation and `=` follow on the line
    /// (`let token: String = "…"`, `password: str = "…"`, `val key: String? = …`).
    private static func typeAnnotationEnd(_ text: ByteText, from: Int) -> Int? {
        var index = from
        while index < text.count, index - from < 64 {
            let b = text[index]
            if b == UInt8(ascii: "=") {
                let next = text.at(index + 1)
                guard next != UInt8(ascii: "="), next != UInt8(ascii: ">"), index > from else { return nil }
                return index + 1
            }
            let typeByte = ByteClass.isWord(b) || ByteClass.isSpaceOrTab(b)
                || "&<>[]?.'*,:".utf8.contains(b)
            guard typeByte else { return nil }
            index += 1
        }
        return nil
    }

    /// The value at `from`: a one-line string literal (with an optional `b`/`r`/`f`/`@`/`$`/`L`
    /// prefix) or a bare word. Returns the value's range, whether it was quoted, and where it ends.
    private static func readValue(_ text: ByteText, from: Int) -> (Range<Int>, Bool, Int)? {
        var quoteIndex = from
        let prefixEnd = text.runEnd(from: from, limit: 3) { ByteClass.isLetter($0) || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "$") }
        if prefixEnd - from <= 2, ByteClass.isQuote(text.at(prefixEnd)) { quoteIndex = prefixEnd }
        let quote = text.at(quoteIndex)
        if ByteClass.isQuote(quote) {
            // Triple-quoted strings are docstrings or multi-line text: not a value on this line.
            if text.at(quoteIndex + 1) == quote, text.at(quoteIndex + 2) == quote { return nil }
            var index = quoteIndex + 1
            while index < text.count, index - quoteIndex < 4096 {
                let b = text[index]
                if b == quote || ByteClass.isLineBreak(b) { break }
                index += b == UInt8(ascii: "\\") ? 2 : 1
            }
            guard text.at(index) == quote else { return nil }
            return (quoteIndex + 1..<index, true, index + 1)
        }
        if let wrapped = wrappedLiteral(text, from: from) { return wrapped }
        if text.at(from) == UInt8(ascii: "\\"), ByteClass.isQuote(text.at(from + 1)) { return escapedLiteral(text, from: from) }
        // Bare values are short; a run longer than the limit is not a value (and bounding it
        // keeps the scan linear on hostile input).
        var end = text.runEnd(from: from, limit: Self.bareLimit, isBareValueByte)
        guard end - from < Self.bareLimit else { return nil }
        // `Authorization: Bearer abc…`: the credential is the word after the scheme.
        if end < text.count, text[end] == UInt8(ascii: " "),
           (text.hasCaseless("bearer", at: from) && end - from == 6) || (text.hasCaseless("basic", at: from) && end - from == 5) {
            end = text.runEnd(from: end + 1, limit: Self.bareLimit, isBareValueByte)
        }
        guard end > from else { return nil }
        return (from..<end, false, end)
    }

    /// Constructors that only wrap a literal: `String::from("…")`, `Some("…")`, `SecretStr("…")`,
    /// `[]byte("…")`; the literal inside is the value.
    private static let literalWrappers: [StaticString] = [
        "String::from(", "Some(", "SecretStr(", "SecretString(", "Secret(", "String(", "str(", "[]byte(",
        "new String(", "Password(",
    ]

    private static func wrappedLiteral(_ text: ByteText, from: Int) -> (Range<Int>, Bool, Int)? {
        for wrapper in literalWrappers where text.has(wrapper, at: from) {
            let inner = from + wrapper.utf8CodeUnitCount
            guard ByteClass.isQuote(text.at(inner)), let literal = readValue(text, from: inner), literal.1 else { return nil }
            return literal
        }
        return nil
    }

    /// `\"…\"`: a string inside a string literal; ends at the next backslash-quote pair.
    private static func escapedLiteral(_ text: ByteText, from: Int) -> (Range<Int>, Bool, Int)? {
        let quote = text[from + 1]
        let start = from + 2
        var index = start
        while index < text.count, index - start < 4096, !ByteClass.isLineBreak(text[index]) {
            if text[index] == UInt8(ascii: "\\"), text.at(index + 1) == quote { return (start..<index, true, index + 2) }
            index += 1
        }
        return nil
    }

    private static let bareLimit = 256

    private static func isBareValueByte(_ b: UInt8) -> Bool {
        !(ByteClass.isWhitespace(b) || ByteClass.isQuote(b) || b == UInt8(ascii: ";") || b == UInt8(ascii: ",")
            || b == UInt8(ascii: ")") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]"))
    }

    /// `<password>value</password>`: the text up to the next `<` on the line.
    private static func xmlElement(_ text: ByteText, contentStart: Int) -> Assignment? {
        let end = text.runEnd(from: contentStart, limit: 1024) { $0 != UInt8(ascii: "<") && !ByteClass.isLineBreak($0) }
        guard end > contentStart, text.at(end) == UInt8(ascii: "<") else { return nil }
        return Assignment(value: contentStart..<end, quoted: false, op: .xml, keyQuoted: false,
                          keyStartsLine: false, tight: true, endsLine: true, literalPosition: true)
    }

    private static let lineLeaders: [StaticString] = ["export ", "set ", "ENV ", "ARG ", "declare -x ", "- ", "setenv "]

    /// Whether only indentation and an optional leader word precede `keyStart` on its line.
    private static func startsLine(_ text: ByteText, keyStart: Int) -> Bool {
        guard var index = text.lineStart(keyStart, limit: 64) else { return false }
        while index < keyStart, ByteClass.isSpaceOrTab(text[index]) { index += 1 }
        if index == keyStart { return true }
        for leader in lineLeaders where text.has(leader, at: index) {
            var cursor = index + leader.utf8CodeUnitCount
            while cursor < keyStart, ByteClass.isSpaceOrTab(text[cursor]) { cursor += 1 }
            if cursor == keyStart { return true }
        }
        return false
    }
}
