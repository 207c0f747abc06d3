import Documents
import Testing

/// Column conversions on single lines with emoji (4 UTF-8 bytes, a UTF-16 surrogate pair),
/// CJK (3 bytes, 1 UTF-16 unit) and a combining mark (e + U+0301: two scalars).
struct ConversionTests {
    struct ColumnCase: Sendable, CustomTestStringConvertible {
        var line: String
        var character: Int
        var encoding: PositionEncoding
        var utf8Column: Int
        var testDescription: String { "\(line.debugDescription) \(encoding):\(character) → \(utf8Column)" }
    }

    static let toUTF8: [ColumnCase] = [
        .init(line: "a😀b", character: 0, encoding: .utf16, utf8Column: 0),
        .init(line: "a😀b", character: 1, encoding: .utf16, utf8Column: 1),
        .init(line: "a😀b", character: 2, encoding: .utf16, utf8Column: 1),  // mid-pair: round down
        .init(line: "a😀b", character: 3, encoding: .utf16, utf8Column: 5),
        .init(line: "a😀b", character: 4, encoding: .utf16, utf8Column: 6),
        .init(line: "a😀b", character: 99, encoding: .utf16, utf8Column: 6),  // past end: clamp
        .init(line: "a😀b", character: 2, encoding: .utf32, utf8Column: 5),
        .init(line: "a😀b", character: 3, encoding: .utf8, utf8Column: 1),  // mid-sequence: round down
        .init(line: "a😀b", character: 5, encoding: .utf8, utf8Column: 5),
        .init(line: "😀😀", character: 3, encoding: .utf16, utf8Column: 4),
        .init(line: "漢字x", character: 1, encoding: .utf16, utf8Column: 3),
        .init(line: "漢字x", character: 2, encoding: .utf32, utf8Column: 6),
        .init(line: "漢字x", character: 4, encoding: .utf8, utf8Column: 3),
        .init(line: "漢字x", character: 3, encoding: .utf16, utf8Column: 7),
        .init(line: "e\u{301}x", character: 1, encoding: .utf16, utf8Column: 1),
        .init(line: "e\u{301}x", character: 2, encoding: .utf16, utf8Column: 3),
        .init(line: "e\u{301}x", character: 2, encoding: .utf32, utf8Column: 3),
        .init(line: "e\u{301}x", character: 2, encoding: .utf8, utf8Column: 1),
        .init(line: "", character: 3, encoding: .utf16, utf8Column: 0),
    ]

    @Test(arguments: toUTF8)
    func characterToUTF8Column(_ c: ColumnCase) throws {
        let snapshot = DocumentSnapshot(uri: "file:///t", languageId: "swift", version: 1, text: "first\n" + c.line + "\nlast")
        #expect(snapshot.utf8Column(line: 1, character: c.character, encoding: c.encoding) == c.utf8Column)
        let offset = try #require(snapshot.utf8Offset(of: TextPosition(line: 1, character: c.character), encoding: c.encoding))
        #expect(offset == 6 + c.utf8Column)
    }

    static let fromUTF8: [ColumnCase] = [
        .init(line: "a😀b", character: 3, encoding: .utf16, utf8Column: 5),
        .init(line: "a😀b", character: 2, encoding: .utf32, utf8Column: 5),
        .init(line: "a😀b", character: 5, encoding: .utf8, utf8Column: 5),
        .init(line: "a😀b", character: 1, encoding: .utf16, utf8Column: 3),  // mid-scalar: round down
        .init(line: "a😀b", character: 4, encoding: .utf16, utf8Column: 100),  // past end: line length
        .init(line: "漢字x", character: 2, encoding: .utf16, utf8Column: 6),
        .init(line: "漢字x", character: 1, encoding: .utf32, utf8Column: 5),
        .init(line: "e\u{301}x", character: 2, encoding: .utf16, utf8Column: 3),
        .init(line: "e\u{301}x", character: 1, encoding: .utf8, utf8Column: 2),
    ]

    @Test(arguments: fromUTF8)
    func utf8ColumnToCharacter(_ c: ColumnCase) {
        let snapshot = DocumentSnapshot(uri: "file:///t", languageId: "swift", version: 1, text: c.line)
        #expect(snapshot.character(line: 0, utf8Column: c.utf8Column, encoding: c.encoding) == c.character)
    }

    // "ab\r\n😀\rc\n": line 0 "ab" 0..<2 + CRLF, line 1 "😀" 4..<8 + CR, line 2 "c" 9..<10 + LF, line 3 "" at 11.
    static let mixed = "ab\r\n😀\rc\n"

    @Test(arguments: [
        (0, TextPosition(line: 0, character: 0)),
        (3, TextPosition(line: 0, character: 2)),  // inside CRLF: end of its line
        (4, TextPosition(line: 1, character: 0)),
        (6, TextPosition(line: 1, character: 0)),  // inside the emoji: round down
        (8, TextPosition(line: 1, character: 2)),
        (9, TextPosition(line: 2, character: 0)),
        (10, TextPosition(line: 2, character: 1)),
        (11, TextPosition(line: 3, character: 0)),
    ])
    func positionOfUTF8Offset(offset: Int, expected: TextPosition) {
        let snapshot = DocumentSnapshot(uri: "file:///t", languageId: "txt", version: 1, text: Self.mixed)
        #expect(snapshot.position(ofUTF8Offset: offset, encoding: .utf16) == expected)
    }

    @Test(arguments: [-1, 12, 1000])
    func positionOfOffsetOutsideIsNil(offset: Int) {
        let snapshot = DocumentSnapshot(uri: "file:///t", languageId: "txt", version: 1, text: Self.mixed)
        #expect(snapshot.position(ofUTF8Offset: offset, encoding: .utf16) == nil)
    }

    @Test(arguments: [
        (TextPosition(line: 1, character: 2), 8 as Int?),
        (TextPosition(line: 1, character: 1), 4),
        (TextPosition(line: 3, character: 0), 11),
        (TextPosition(line: 3, character: 7), 11),
        (TextPosition(line: 4, character: 0), nil),
        (TextPosition(line: -1, character: 0), nil),
        (TextPosition(line: 0, character: -1), nil),
    ])
    func utf8OffsetOfPosition(position: TextPosition, expected: Int?) {
        let snapshot = DocumentSnapshot(uri: "file:///t", languageId: "txt", version: 1, text: Self.mixed)
        #expect(snapshot.utf8Offset(of: position, encoding: .utf16) == expected)
    }

    @Test func linesOutsideTheDocument() {
        let snapshot = DocumentSnapshot(uri: "file:///t", languageId: "txt", version: 1, text: "a😀")
        #expect(snapshot.utf8Column(line: 1, character: 0, encoding: .utf16) == nil)
        #expect(snapshot.utf8Column(line: 0, character: -2, encoding: .utf16) == nil)
        #expect(snapshot.character(line: 5, utf8Column: 3, encoding: .utf16) == 0)
        #expect(snapshot.line(1) == nil)
        #expect(snapshot.line(-1) == nil)
    }
}
