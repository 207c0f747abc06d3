import Documents
import Testing

/// `\n`, `\r\n` (one break) and a lone `\r` all end lines, in every chunk size.
struct LineBreakTests {
    struct LineCase: Sendable, CustomTestStringConvertible {
        var text: String
        var lines: [String]
        var testDescription: String { text.debugDescription }
    }

    static let cases: [LineCase] = [
        .init(text: "", lines: [""]),
        .init(text: "a", lines: ["a"]),
        .init(text: "a\n", lines: ["a", ""]),
        .init(text: "a\r\nb", lines: ["a", "b"]),
        .init(text: "a\rb", lines: ["a", "b"]),
        .init(text: "a\r\rb", lines: ["a", "", "b"]),
        .init(text: "a\n\rb", lines: ["a", "", "b"]),
        .init(text: "\r\n", lines: ["", ""]),
        .init(text: "a\n\r\n\rb\r", lines: ["a", "", "", "b", ""]),
        .init(text: "漢字\r\n😀\re\u{301}\n", lines: ["漢字", "😀", "e\u{301}", ""]),
    ]

    @Test(arguments: cases, [1, 2, 512])
    func linesSplitAtEveryBreakKind(_ c: LineCase, linesPerChunk: Int) throws {
        let (text, expected) = (c.text, c.lines)
        let store = DocumentStore(linesPerChunk: linesPerChunk)
        let snapshot = store.open(uri: "file:///a", languageId: "txt", version: 1, text: text)
        #expect(snapshot.lineCount == expected.count)
        for (index, line) in expected.enumerated() {
            let actual = try #require(snapshot.line(index))
            #expect(sameBytes(actual, line), "line \(index): \(actual.debugDescription)")
        }
        #expect(snapshot.line(expected.count) == nil)
        #expect(sameBytes(snapshot.text, text))
        #expect(snapshot.utf8Count == text.utf8.count)
    }
}
