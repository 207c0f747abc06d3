import Testing
@testable import Syntax

/// Edits of a CRLF, tab-indented document with non-ASCII text, each re-parsed incrementally
/// from the previous incremental tree and compared with a fresh parse of the same text.
@Suite("Incremental re-parse equals a fresh parse")
struct IncrementalParseTests {
    /// One edit chosen from the current text: the byte range replaced and the replacement.
    struct Step: Sendable {
        let name: String
        let choose: @Sendable ([UInt8]) -> (range: Range<Int>, replacement: [UInt8])
    }

    static func scalarStart(_ offset: Int, in text: [UInt8]) -> Int {
        var offset = min(offset, text.count)
        while offset > 0, offset < text.count, text[offset] & 0b1100_0000 == 0b1000_0000 { offset -= 1 }
        return offset
    }

    static func first(_ needle: String, in text: [UInt8]) -> Int? {
        let needle = Array(needle.utf8)
        guard text.count >= needle.count else { return nil }
        return (0...(text.count - needle.count)).first { text[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    static let steps: [Step] = [
        Step(name: "insert one character mid-document") { text in
            let at = scalarStart(text.count / 2, in: text)
            return (at..<at, Array("x".utf8))
        },
        Step(name: "delete a character and the CRLF after it") { text in
            let crlf = first("\r\n", in: text) ?? 1
            let start = scalarStart(max(crlf - 1, 0), in: text)
            return (start..<(crlf + 2), [])
        },
        Step(name: "insert a CRLF line with a tab") { text in
            let at = first("\r\n", in: text) ?? 0
            return (at..<at, Array("\r\n\tzz = 1".utf8))
        },
        Step(name: "insert non-ASCII after a tab") { text in
            let at = (first("\t", in: text) ?? 0) + 1
            return (at..<at, Array("é漢🙂".utf8))
        },
        Step(name: "delete a CJK character") { text in
            let at = first("漢", in: text) ?? 0
            return (at..<min(at + 3, text.count), [])
        },
        Step(name: "replace an emoji with ASCII") { text in
            let at = first("🙂", in: text) ?? 0
            return (at..<min(at + 4, text.count), Array(":)".utf8))
        },
        Step(name: "cut the last third (a truncated reply)") { text in
            let at = scalarStart(text.count * 2 / 3, in: text)
            return (at..<text.count, [])
        },
        Step(name: "append the end back, CRLF and tabs") { text in
            (text.count..<text.count, Array("\r\n\t\treturn b\r\n\t}\r\n}\r\nend\r\n".utf8))
        },
    ]

    @Test("Each edit, chained on the previous incremental tree", arguments: LanguageCase.all)
    func chainedEdits(_ example: LanguageCase) throws {
        let incremental = parser(), fresh = parser()
        var text = Array(example.editDocument.utf8)
        var tree = try incremental.parse(utf8: text, language: Grammars.shared.language(example.language))
        for step in Self.steps {
            let (range, replacement) = step.choose(text)
            let edit = try SyntaxEdit(replacing: range, in: text, with: replacement)
            text.replaceSubrange(range, with: replacement)
            let before = shape(of: tree)
            let reparsed = try incremental.reparse(tree, applying: [edit], newUTF8: text)
            let expected = try fresh.parse(utf8: text, language: tree.language)
            #expect(shape(of: reparsed) == shape(of: expected), "\(example.language): \(step.name)")
            #expect(reparsed.sExpression == expected.sExpression, "\(example.language): \(step.name)")
            #expect(reparsed.errorRanges == expected.errorRanges, "\(example.language): \(step.name)")
            #expect(shape(of: tree) == before, "the old tree must stay as it was")
            tree = reparsed
        }
    }

    @Test("Several edits in one re-parse (one didChange with many changes)", arguments: LanguageCase.all)
    func severalEditsAtOnce(_ example: LanguageCase) throws {
        let original = Array(example.editDocument.utf8)
        var text = original
        var edits: [SyntaxEdit] = []
        for step in Self.steps.prefix(5) {
            let (range, replacement) = step.choose(text)
            edits.append(try SyntaxEdit(replacing: range, in: text, with: replacement))
            text.replaceSubrange(range, with: replacement)
        }
        let tree = try parser().parse(utf8: original, language: Grammars.shared.language(example.language))
        let reparsed = try parser().reparse(tree, applying: edits, newUTF8: text)
        let expected = try parser().parse(utf8: text, language: tree.language)
        #expect(shape(of: reparsed) == shape(of: expected))
    }

    @Test("Points count rows at LF only and columns in bytes")
    func pointsWithCRLFAndNonASCII() throws {
        let text = "é = 1\r\n\tb = \"漢\"\r\n"
        let tree = try parser().parse(text: text, language: "python")
        let b = try #require(tree.root.descendants { $0.type == "identifier" && $0.text == "b" }.first)
        #expect(b.startPoint == SyntaxPoint(row: 1, column: 1))
        let string = try #require(tree.root.descendants { $0.type == "string" }.first)
        #expect(string.text == "\"漢\"")
        #expect(string.endPoint.column - string.startPoint.column == 5)
        #expect(SyntaxPoint.of(byteOffset: Array(text.utf8).count, in: Array(text.utf8)) == SyntaxPoint(row: 2, column: 0))
        let edit = try SyntaxEdit(replacing: 0..<2, in: text, with: "ab\r\ncd")
        #expect(edit.oldEndPoint == SyntaxPoint(row: 0, column: 2))
        #expect(edit.newEndPoint == SyntaxPoint(row: 1, column: 2))
        #expect(throws: SyntaxError.self) { try SyntaxEdit(replacing: 0..<99, in: text, with: "") }
    }
}
