import Documents
import Testing

private func at(_ line: Int, _ character: Int) -> TextPosition {
    TextPosition(line: line, character: character)
}

private func change(_ start: TextPosition, _ end: TextPosition, _ text: String) -> DocumentChange {
    DocumentChange(range: TextRange(start: start, end: end), text: text)
}

/// Incremental edits, each run with several chunk sizes so edits cross chunk boundaries.
struct EditTests {
    struct EditCase: Sendable, CustomTestStringConvertible {
        var name: String
        var initial: String
        var changes: [DocumentChange]
        var encoding: PositionEncoding = .utf16
        var expected: String
        var expectedLines: [String]
        var testDescription: String { name }
    }

    static let cases: [EditCase] = [
        .init(name: "replace across lines", initial: "one\ntwo\nthree",
              changes: [change(at(0, 1), at(2, 2), "X")], expected: "oXree", expectedLines: ["oXree"]),
        .init(name: "insert at end of last line", initial: "abc",
              changes: [change(at(0, 3), at(0, 3), "\nd")], expected: "abc\nd", expectedLines: ["abc", "d"]),
        .init(name: "insert past line end clamps", initial: "abc\ndef",
              changes: [change(at(0, 40), at(0, 40), "!")], expected: "abc!\ndef", expectedLines: ["abc!", "def"]),
        .init(name: "insert on empty last line", initial: "abc\n",
              changes: [change(at(1, 0), at(1, 0), "x")], expected: "abc\nx", expectedLines: ["abc", "x"]),
        .init(name: "(lineCount, 0) means end of document", initial: "abc\ndef\n",
              changes: [change(at(1, 0), at(3, 0), "")], expected: "abc\n", expectedLines: ["abc", ""]),
        .init(name: "delete across CRLF", initial: "ab\r\ncd",
              changes: [change(at(0, 1), at(1, 1), "")], expected: "ad", expectedLines: ["ad"]),
        .init(name: "delete exactly a CRLF", initial: "ab\r\ncd\r\n",
              changes: [change(at(0, 2), at(1, 0), "")], expected: "abcd\r\n", expectedLines: ["abcd", ""]),
        .init(name: "LF after lone CR joins into CRLF", initial: "a\rb\nc",
              changes: [change(at(1, 0), at(1, 1), "\n")], expected: "a\r\n\nc", expectedLines: ["a", "", "c"]),
        .init(name: "CR before LF joins into CRLF", initial: "ab\ncd",
              changes: [change(at(0, 2), at(0, 2), "\r")], expected: "ab\r\ncd", expectedLines: ["ab", "cd"]),
        .init(name: "deleting between CR and LF joins them", initial: "a\rX\nb",
              changes: [change(at(1, 0), at(1, 1), "")], expected: "a\r\nb", expectedLines: ["a", "b"]),
        .init(name: "emoji replaced in UTF-16", initial: "a😀b",
              changes: [change(at(0, 1), at(0, 3), "漢")], expected: "a漢b", expectedLines: ["a漢b"]),
        .init(name: "emoji replaced in UTF-8", initial: "a😀b",
              changes: [change(at(0, 1), at(0, 5), "漢")], encoding: .utf8, expected: "a漢b", expectedLines: ["a漢b"]),
        .init(name: "emoji replaced in UTF-32", initial: "a😀b",
              changes: [change(at(0, 1), at(0, 2), "漢")], encoding: .utf32, expected: "a漢b", expectedLines: ["a漢b"]),
        .init(name: "range inside a surrogate pair rounds down", initial: "a😀b",
              changes: [change(at(0, 2), at(0, 3), "")], expected: "ab", expectedLines: ["ab"]),
        .init(name: "insert between e and its combining mark", initial: "e\u{301}x",
              changes: [change(at(0, 1), at(0, 1), "Z")], expected: "eZ\u{301}x", expectedLines: ["eZ\u{301}x"]),
        .init(name: "CJK line joined with the next", initial: "漢字\n😀",
              changes: [change(at(0, 2), at(1, 0), "")], expected: "漢字😀", expectedLines: ["漢字😀"]),
        .init(name: "several changes apply in order", initial: "abc",
              changes: [change(at(0, 0), at(0, 0), "X"), change(at(0, 1), at(0, 2), "Y")],
              expected: "XYbc", expectedLines: ["XYbc"]),
        .init(name: "full replacement then incremental", initial: "old",
              changes: [.fullReplacement("hello\nworld"), change(at(1, 0), at(1, 5), "there")],
              expected: "hello\nthere", expectedLines: ["hello", "there"]),
        .init(name: "delete everything", initial: "a\nb\r\nc\rd",
              changes: [change(at(0, 0), at(3, 1), "")], expected: "", expectedLines: [""]),
        .init(name: "insert many lines into the middle", initial: "top\nbottom",
              changes: [change(at(0, 3), at(1, 0), "\n1\n2\r\n3\r4\n")],
              expected: "top\n1\n2\r\n3\r4\nbottom", expectedLines: ["top", "1", "2", "3", "4", "bottom"]),
    ]

    @Test(arguments: cases, [1, 2, 3, 512])
    func incrementalEdit(_ c: EditCase, linesPerChunk: Int) throws {
        let store = DocumentStore(linesPerChunk: linesPerChunk)
        store.open(uri: "file:///e", languageId: "txt", version: 1, text: c.initial)
        let snapshot = try store.apply(uri: "file:///e", version: 2, changes: c.changes, encoding: c.encoding)
        #expect(sameBytes(snapshot.text, c.expected), "got \(snapshot.text.debugDescription)")
        #expect(snapshot.version == 2)
        #expect(snapshot.lineCount == c.expectedLines.count)
        for (index, line) in c.expectedLines.enumerated() {
            #expect(sameBytes(try #require(snapshot.line(index)), line))
        }
        #expect(store.snapshot(uri: "file:///e")?.version == 2)
    }

    /// The same edits inside a long document, so they land mid-chunk and on chunk edges.
    @Test(arguments: cases, [1, 3])
    func incrementalEditBelowManyLines(_ c: EditCase, linesPerChunk: Int) throws {
        let padding = (0..<7).map { "pad \($0)\n" }.joined()
        let shifted = c.changes.map { change -> DocumentChange in
            guard var range = change.range else { return change }
            range.start.line += 7
            range.end.line += 7
            return DocumentChange(range: range, text: change.text)
        }
        guard !shifted.contains(where: { $0.range == nil }) else { return }
        let store = DocumentStore(linesPerChunk: linesPerChunk)
        store.open(uri: "file:///e", languageId: "txt", version: 1, text: padding + c.initial)
        let snapshot = try store.apply(uri: "file:///e", version: 2, changes: shifted, encoding: c.encoding)
        #expect(sameBytes(snapshot.text, padding + c.expected))
        #expect(snapshot.lineCount == 7 + c.expectedLines.count)
    }
}
