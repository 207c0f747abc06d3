import Foundation
@testable import ProjectContext
import Testing

/// The index over a real temporary directory: what it lists, what it refuses, how it follows
/// documents and file events.
@Suite struct WorkspaceIndexTests {
    final class TempWorkspace {
        let root: String

        init(_ files: [String: String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("dw-index-\(UUID().uuidString)").path
            for (path, text) in files { try write(path, text) }
        }

        func write(_ path: String, _ text: String) throws {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func walkHonoursGitignoreHiddenAndDependencyDirectoriesAndTheFilter() throws {
        let workspace = try TempWorkspace([
            ".gitignore": "generated/\n*.tmp.py\n",
            "app/main.py": "x = 1\n", "app/util.py": "y = 2\n", "app/scratch.tmp.py": "",
            "generated/out.py": "", "node_modules/lib/index.js": "", ".venv/lib/site.py": "",
            "secret/keys.py": "", "go.mod": "module example.com/shop\n",
        ])
        let index = WorkspaceIndex(root: workspace.root) { path, _ in !path.hasPrefix("secret/") }
        index.buildNow()
        let files = index.files
        #expect(files.isFile("app/main.py"))
        #expect(files.isFile("go.mod"))
        #expect(!files.isFile("app/scratch.tmp.py"))
        #expect(!files.isFile("generated/out.py"))
        #expect(!files.isFile("node_modules/lib/index.js"))
        #expect(!files.isFile(".venv/lib/site.py"))
        #expect(!files.isFile("secret/keys.py"))
        #expect(files.text(of: "secret/keys.py") == nil)
        #expect(files.entries(of: "") == [".gitignore", "app", "go.mod"])
        #expect(files.entries(of: "app") == ["main.py", "util.py"])
        guard case .ready(let count, _, let truncated, _) = index.status else {
            Issue.record("index not ready: \(index.status)")
            return
        }
        #expect(count == 4)
        #expect(!truncated)
    }

    @Test func limitsStopTheWalkAndSkipLargeFiles() throws {
        var files: [String: String] = [:]
        for number in 0..<30 { files["m\(number).py"] = "def f\(number)():\n    pass\n" }
        files["big.py"] = String(repeating: "# filler\n", count: 2000)
        let workspace = try TempWorkspace(files)
        let index = WorkspaceIndex(root: workspace.root, limits: IndexLimits(maxFiles: 10, maxFileBytes: 1000))
        index.buildNow()
        guard case .ready(let count, _, let truncated, _) = index.status else {
            Issue.record("index not ready")
            return
        }
        #expect(count == 10)
        #expect(truncated)
        let unlimited = WorkspaceIndex(root: workspace.root, limits: IndexLimits(maxFiles: 100, maxFileBytes: 1000))
        unlimited.buildNow()
        #expect(unlimited.files.text(of: "big.py") == nil)
        #expect(unlimited.files.text(of: "m1.py") != nil)
    }

    @Test func symbolicLinksAreNotFollowed() throws {
        let outside = try TempWorkspace(["private.py": "TOKEN = 1\n"])
        let workspace = try TempWorkspace(["a.py": "x = 1\n"])
        try FileManager.default.createSymbolicLink(atPath: workspace.root + "/linked", withDestinationPath: outside.root)
        try FileManager.default.createSymbolicLink(atPath: workspace.root + "/b.py", withDestinationPath: outside.root + "/private.py")
        let index = WorkspaceIndex(root: workspace.root)
        index.buildNow()
        #expect(index.files.entries(of: "") == ["a.py"])
        #expect(index.files.text(of: "b.py") == nil)
    }

    @Test func openDocumentsOverrideTheDiskUntilClosed() async throws {
        let workspace = try TempWorkspace(["a.py": "x = 1\n"])
        let index = WorkspaceIndex(root: workspace.root)
        index.buildNow()
        index.documentChanged(path: "a.py", language: "python", text: "x = 2  # unsaved\n")
        index.documentChanged(path: "new.py", language: "python", text: "y = 3\n")
        #expect(index.files.text(of: "a.py") == "x = 2  # unsaved\n")
        #expect(index.files.isFile("new.py"))
        #expect(index.openPaths == ["a.py", "new.py"])
        index.documentClosed(path: "a.py")
        await index.settle()
        #expect(index.files.text(of: "a.py") == "x = 1\n")
    }

    @Test func fileEventsAddChangeAndRemoveFiles() async throws {
        let workspace = try TempWorkspace(["a.py": "x = 1\n"])
        let index = WorkspaceIndex(root: workspace.root)
        index.buildNow()
        try workspace.write("pkg/b.py", "z = 1\n")
        try workspace.write("node_modules/c.js", "")
        index.filesChanged([.created("pkg/b.py"), .created("node_modules/c.js")])
        await index.settle()
        #expect(index.files.isFile("pkg/b.py"))
        #expect(index.files.entries(of: "") == ["a.py", "pkg"])
        #expect(!index.files.isFile("node_modules/c.js"))
        try FileManager.default.removeItem(atPath: workspace.root + "/a.py")
        index.filesChanged([.deleted("a.py")])
        await index.settle()
        #expect(!index.files.isFile("a.py"))
    }

    @Test func anExcludedDocumentIsForgottenWhenOpened() throws {
        let workspace = try TempWorkspace(["a.py": "x = 1\n"])
        let index = WorkspaceIndex(root: workspace.root) { _, text in !(text?.contains("docwright: off") ?? false) }
        index.buildNow()
        index.documentChanged(path: "a.py", language: "python", text: "# docwright: off\nx = 1\n", editedLine: 0)
        #expect(index.openPaths.isEmpty)
        #expect(!index.files.isFile("a.py"))
        #expect(index.recentEdits.isEmpty)
    }

    @Test func relativePathsStayInsideTheRoot() throws {
        let index = WorkspaceIndex(root: "/work/project/")
        #expect(index.relativePath("/work/project/a/b.py") == "a/b.py")
        #expect(index.relativePath("/work/project/../other/x.py") == nil)
        #expect(index.relativePath("/work/projectile/x.py") == nil)
    }

    @Test func recentEditsKeepANewestFirstRingWithoutOverlaps() {
        var ring = RecentEdits(capacity: 3, radius: 2)
        let text = (0..<40).map { "line \($0)" }.joined(separator: "\n")
        ring.record(path: "a.py", line: 10, text: text)
        ring.record(path: "a.py", line: 11, text: text)
        #expect(ring.chunks.count == 1)
        ring.record(path: "b.py", line: 0, text: text)
        ring.record(path: "c.py", line: 30, text: text)
        ring.record(path: "d.py", line: 5, text: text)
        #expect(ring.chunks.map(\.path) == ["d.py", "c.py", "b.py"])
        #expect(ring.chunks[1].text.hasPrefix("line 28"))
    }
}
