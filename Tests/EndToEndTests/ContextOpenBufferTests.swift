import Foundation
import TestFixtures
import Testing

/// Issue 15's unsaved-open-buffer case, over LSP with the built binary: a helper module open in
/// the editor with a new definition that exists only in the editor's buffer (never saved) is
/// what another file's generation sees, so the request the model receives carries it.
@Suite(.serialized) struct ContextOpenBufferTests {
    static let onDisk = """
        from dataclasses import dataclass


        @dataclass
        class Point:
            x: float
            y: float

        """

    /// The helper as the editor holds it: a definition added and not saved.
    static let unsaved = onDisk + """


        def polygon_area(corners: list[Point]) -> float:
            \"\"\"Absolute area of a simple polygon by the shoelace formula.\"\"\"
            total = 0.0
            for a, b in zip(corners, corners[1:] + corners[:1]):
                total += a.x * b.y - b.x * a.y
            return abs(total) / 2

        """

    /// The unsaved definition's signature: not in the target file, not on disk.
    static let signature = "def polygon_area(corners: list[Point]) -> float"

    static let target = """
        from shapes.geometry import Point, polygon_area


        def floor_area(room: list[Point], pillars: list[list[Point]]) -> float:
            \"\"\"Area of the room's floor: the room polygon's area less each pillar's.\"\"\"
            pass

        """

    @Test func anUnsavedDefinitionInAnOpenHelperReachesTheRequest() async throws {
        let workspace = try HostileWorkspace()
        try FileManager.default.createDirectory(atPath: workspace.repo + "/shapes", withIntermediateDirectories: true)
        try "".write(toFile: workspace.repo + "/shapes/__init__.py", atomically: true, encoding: .utf8)
        try Self.onDisk.write(toFile: workspace.repo + "/shapes/geometry.py", atomically: true, encoding: .utf8)
        try Self.target.write(toFile: workspace.repo + "/shapes/plan.py", atomically: true, encoding: .utf8)

        let session = try await LanguageServerSession.start(workspace)
        try session.client.notify("textDocument/didOpen", ["textDocument": [
            "uri": session.uri("shapes/geometry.py"), "languageId": "python", "version": 1, "text": Self.unsaved,
        ]])
        // The index builds in the background after `initialized`: generate until a request carries
        // the definition (a request made before the index was ready has none; the same request
        // again is answered from the cache, so a changed context shows as a new request).
        let docstringLine = 4
        var carried = false
        var attempts = 0
        while !carried, attempts < 25 {
            attempts += 1
            let reply = try await session.generate("shapes/plan.py", line: docstringLine)
            #expect(reply["error"] == nil, "\(reply)")
            carried = workspace.userModel.requests.contains { $0.searchableText.contains(Self.signature) }
            if !carried { try await Task.sleep(for: .milliseconds(200)) }
        }
        let bodies = workspace.userModel.requests.map(\.bodyText)
        #expect(!bodies.isEmpty, "no request reached the model")
        #expect(carried, "after \(attempts) generations no request carried `\(Self.signature)`; last body: \(bodies.last?.prefix(1500) ?? "none")")
        // It really was unsaved: the file on disk never had it.
        let disk = try String(contentsOfFile: workspace.repo + "/shapes/geometry.py", encoding: .utf8)
        #expect(!disk.contains("polygon_area"))
        #expect(workspace.leakedSecrets().isEmpty, "leaked \(workspace.leakedSecrets())")
        await session.close()
    }
}
