import DocwrightCore
import Documents
import Testing

/// Seeded random edits (multi-change calls, full replacements, invalid ranges, positions past
/// line ends and inside surrogate pairs) applied to the store and to `NaiveText` must agree.
struct RandomEditTests {
    static let pieces = ["a", "b", "z", " ", "😀", "漢", "字", "e\u{301}", "é", "\n", "\n", "\r\n", "\r", "\t"]

    static func randomText(pieces count: Int, using rng: inout SplitMix64) -> String {
        (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    static func randomPosition(in model: NaiveText, encoding: PositionEncoding,
                               using rng: inout SplitMix64) -> TextPosition {
        let lineCount = model.lines.count
        let line = Int.random(in: 0...lineCount, using: &rng)
        if line == lineCount { return TextPosition(line: line, character: 0) }  // end-of-document idiom
        let length = model.length(ofLine: line, encoding: encoding)
        return TextPosition(line: line, character: Int.random(in: 0...(length + 2), using: &rng))
    }

    @Test(arguments: [(UInt64(1), 1), (2, 2), (3, 5), (4, 512)])
    func storeAgreesWithNaiveModel(seed: UInt64, linesPerChunk: Int) throws {
        var rng = SplitMix64(seed: seed)
        let uri = "file:///random"
        let store = DocumentStore(linesPerChunk: linesPerChunk)
        var model = NaiveText(text: Self.randomText(pieces: 200, using: &rng))
        store.open(uri: uri, languageId: "txt", version: 0, text: model.text)

        for step in 1...1_500 {
            let encoding = PositionEncoding.allCases[Int.random(in: 0..<3, using: &rng)]
            var pending = model
            var changes: [DocumentChange] = []
            var expectFailure = false
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let roll = Int.random(in: 0..<100, using: &rng)
                if roll < 3 {
                    let text = Self.randomText(pieces: Int.random(in: 0...300, using: &rng), using: &rng)
                    changes.append(.fullReplacement(text))
                    pending.text = text
                    continue
                }
                if roll < 6 {
                    let bad = TextPosition(line: pending.lines.count + 1, character: 0)
                    changes.append(DocumentChange(range: TextRange(at: bad), text: "never"))
                    expectFailure = true
                    break
                }
                let a = Self.randomPosition(in: pending, encoding: encoding, using: &rng)
                let b = Self.randomPosition(in: pending, encoding: encoding, using: &rng)
                let range = TextRange(start: min(a, b), end: max(a, b))
                // Grow small documents, shrink big ones.
                let growing = pending.text.utf8.count < 1_500
                let insert = Self.randomText(pieces: Int.random(in: 0...(growing ? 12 : 2), using: &rng), using: &rng)
                let start = try #require(pending.utf8Offset(of: range.start, encoding: encoding, endSentinel: true))
                let end = try #require(pending.utf8Offset(of: range.end, encoding: encoding, endSentinel: true))
                pending.replace(utf8: start..<end, with: insert)
                changes.append(DocumentChange(range: range, text: insert))
            }

            if expectFailure {
                #expect(throws: DocumentError.self) {
                    try store.apply(uri: uri, version: step, changes: changes, encoding: encoding)
                }
            } else {
                let snapshot = try store.apply(uri: uri, version: step, changes: changes, encoding: encoding)
                model = pending
                #expect(snapshot.version == step)
            }
            let snapshot = try #require(store.snapshot(uri: uri))
            try #require(sameBytes(snapshot.text, model.text), "step \(step): \(changes)")
            try #require(snapshot.lineCount == model.lines.count, "step \(step)")
            if step % 10 == 0 { try checkQueries(snapshot, model, using: &rng) }
        }
    }

    private func checkQueries(_ snapshot: DocumentSnapshot, _ model: NaiveText,
                              using rng: inout SplitMix64) throws {
        for (index, line) in model.lineStrings.enumerated() {
            #expect(sameBytes(try #require(snapshot.line(index)), line), "line \(index)")
        }
        for encoding in PositionEncoding.allCases {
            for _ in 0..<10 {
                let position = Self.randomPosition(in: model, encoding: encoding, using: &rng)
                #expect(snapshot.utf8Offset(of: position, encoding: encoding)
                        == model.utf8Offset(of: position, encoding: encoding), "\(position)")
                guard let offset = model.utf8Offset(of: position, encoding: encoding) else { continue }
                // A scalar-boundary offset inside a line maps back to the same offset.
                let back = try #require(snapshot.position(ofUTF8Offset: offset, encoding: encoding))
                #expect(back.line == position.line)
                #expect(snapshot.utf8Offset(of: back, encoding: encoding) == offset)
                let column = offset - (model.utf8Offset(of: TextPosition(line: position.line, character: 0),
                                                         encoding: encoding) ?? 0)
                #expect(snapshot.character(line: position.line, utf8Column: column, encoding: encoding) == back.character)
            }
        }
    }
}
