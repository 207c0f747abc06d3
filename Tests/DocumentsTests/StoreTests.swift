import Documents
import Testing

/// Errors, lifecycle and snapshot isolation of `DocumentStore`.
struct StoreTests {
    let uri = "file:///project/main.swift"

    private func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> TextRange {
        TextRange(start: TextPosition(line: l1, character: c1), end: TextPosition(line: l2, character: c2))
    }

    @Test func unknownDocumentIsAnError() {
        let store = DocumentStore()
        #expect(throws: DocumentError.unknownDocument(uri: uri)) {
            try store.apply(uri: uri, version: 1, changes: [.fullReplacement("x")], encoding: .utf16)
        }
        #expect(DocumentError.unknownDocument(uri: uri).userMessage.contains(uri))
    }

    @Test(arguments: [
        (1, 0, 5, 0),  // line past the end (3 lines once the first change is in)
        (3, 1, 3, 1),  // (lineCount, 1) is not the end-of-document idiom
        (-1, 0, 0, 0),
        (0, -3, 0, 0),
    ])
    func outOfRangeLeavesDocumentUnchanged(l1: Int, c1: Int, l2: Int, c2: Int) throws {
        let store = DocumentStore()
        store.open(uri: uri, languageId: "swift", version: 3, text: "let a = 1\nlet b = 2")
        let bad = range(l1, c1, l2, c2)
        let changes = [DocumentChange(range: range(0, 0, 0, 0), text: "// ok\n"), DocumentChange(range: bad, text: "x")]
        // The first change is valid and adds a line; the second is checked against that text.
        #expect(throws: DocumentError.rangeOutOfBounds(uri: uri, changeIndex: 1, range: bad, lineCount: 3)) {
            try store.apply(uri: uri, version: 4, changes: changes, encoding: .utf16)
        }
        let after = try #require(store.snapshot(uri: uri))
        #expect(after.text == "let a = 1\nlet b = 2")
        #expect(after.version == 3)
    }

    @Test func errorMessagesNameTheProblem() {
        let bad = range(9, 0, 9, 1)
        let message = DocumentError.rangeOutOfBounds(uri: uri, changeIndex: 0, range: bad, lineCount: 2).userMessage
        #expect(message.contains(uri) && message.contains("9:0-9:1") && message.contains("2 lines"))
        let inverted = DocumentError.invertedRange(uri: uri, changeIndex: 2, range: range(3, 0, 1, 0))
        #expect(inverted.userMessage.contains("#2") && inverted.description == inverted.userMessage)
    }

    @Test func invertedRangeIsAnError() {
        let store = DocumentStore()
        store.open(uri: uri, languageId: "swift", version: 1, text: "a\nb\nc")
        let bad = range(2, 0, 1, 0)
        #expect(throws: DocumentError.invertedRange(uri: uri, changeIndex: 0, range: bad)) {
            try store.apply(uri: uri, version: 2, changes: [DocumentChange(range: bad, text: "")], encoding: .utf16)
        }
    }

    @Test func snapshotsDoNotChangeAfterLaterEdits() throws {
        let store = DocumentStore(linesPerChunk: 2)
        let original = (0..<20).map { "line \($0) 😀" }.joined(separator: "\n")
        let first = store.open(uri: uri, languageId: "swift", version: 1, text: original)
        let firstTextBeforeEdits = first.text
        let untouched = try #require(store.snapshot(uri: uri))  // text not built until after edits
        for version in 2...60 {
            let line = version % 20
            try store.apply(uri: uri, version: version, changes: [
                DocumentChange(range: range(line, 0, line, 4), text: "L\(version)\r\n"),
            ], encoding: .utf16)
        }
        #expect(first.text == original && firstTextBeforeEdits == original)
        #expect(untouched.text == original)
        #expect(untouched.lineCount == 20 && untouched.line(19) == "line 19 😀")
        let latest = try #require(store.snapshot(uri: uri))
        #expect(latest.version == 60 && latest.text != original && latest.lineCount == 20 + 59)
    }

    @Test func staleVersionIsKeptAsGiven() throws {
        let store = DocumentStore()
        store.open(uri: uri, languageId: "swift", version: 10, text: "a")
        let snapshot = try store.apply(uri: uri, version: 7, changes: [.fullReplacement("b")], encoding: .utf16)
        #expect(snapshot.version == 7 && snapshot.text == "b" && snapshot.languageId == "swift")
    }

    @Test func openCloseAndURIs() throws {
        let store = DocumentStore()
        store.open(uri: "file:///b", languageId: "python", version: 1, text: "b")
        let held = store.open(uri: "file:///a", languageId: "swift", version: 1, text: "a")
        store.open(uri: "file:///a", languageId: "swift", version: 5, text: "reopened")
        #expect(store.uris == ["file:///a", "file:///b"])
        #expect(store.snapshot(uri: "file:///a")?.text == "reopened")
        #expect(store.close(uri: "file:///a"))
        #expect(!store.close(uri: "file:///a"))
        #expect(store.snapshot(uri: "file:///a") == nil)
        #expect(store.uris == ["file:///b"])
        #expect(held.text == "a")
        #expect(throws: DocumentError.unknownDocument(uri: "file:///a")) {
            try store.apply(uri: "file:///a", version: 6, changes: [], encoding: .utf16)
        }
    }

    /// Readers take snapshots while a writer appends one "x" per version: every snapshot
    /// must be internally consistent (its length matches its version).
    @Test func readersSeeConsistentSnapshotsDuringEdits() async throws {
        let store = DocumentStore(linesPerChunk: 4)
        store.open(uri: uri, languageId: "txt", version: 0, text: "")
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for version in 1...400 {
                    let end = TextPosition(line: store.snapshot(uri: uri)?.lineCount ?? 0, character: 0)
                    let text = version % 10 == 0 ? "x\n" : "x"
                    try store.apply(uri: uri, version: version,
                                    changes: [DocumentChange(range: TextRange(at: end), text: text)],
                                    encoding: .utf16)
                    if version % 50 == 0 { await Task.yield() }
                }
                return 0
            }
            for _ in 0..<2 {
                group.addTask {
                    var checked = 0
                    for _ in 0..<300 {
                        guard let snapshot = store.snapshot(uri: uri) else { continue }
                        let xs = snapshot.text.utf8.filter { $0 == UInt8(ascii: "x") }.count
                        #expect(xs == snapshot.version)
                        #expect(snapshot.lineCount == snapshot.version / 10 + 1)
                        checked += 1
                        await Task.yield()
                    }
                    return checked
                }
            }
            var total = 0
            for try await checked in group { total += checked }
            #expect(total == 600)
        }
    }
}
