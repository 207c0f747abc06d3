import Foundation
import JSON
import LSP
import Testing

/// A "what to do next" comment inside an existing body, typed after the document was opened: the
/// server's per-document tree (re-parsed incrementally) finds it and offers generation.
@Suite struct CommentInBodyTests {
    static let uri = "file:///tmp/docwright-tests/clean.py"

    @Test func commentTypedInsideABodyIsOffered() async throws {
        let client = try TestClient()
        try await client.initialize()
        let text = "def clean(rows):\n    rows = list(rows)\n    return rows\n"
        await client.open(Self.uri, language: "python", text: text)
        func actions(_ line: Int) async throws -> [JSONValue] {
            let result: JSONValue = try await client.request(CodeActionRequest.method, [
                "textDocument": ["uri": .string(Self.uri)],
                "range": ["start": position(line, 10), "end": position(line, 10)],
                "context": ["diagnostics": [], "triggerKind": 2],
            ])
            return result.arrayValue ?? []
        }
        #expect(try await actions(1).isEmpty)
        // Type the comment line by line-end insertion, as an editor sends it.
        await client.notify(DidChangeTextDocumentNotification.method, [
            "textDocument": ["uri": .string(Self.uri), "version": 2],
            "contentChanges": [["range": ["start": position(2, 0), "end": position(2, 0)],
                                "text": "    # drop the rows whose email is empty — «ü»\n"]],
        ])
        #expect(try await actions(2).count >= 1)
        await client.shutdown()
    }
}
