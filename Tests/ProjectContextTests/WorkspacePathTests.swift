import ProjectContext
import Testing

@Suite struct WorkspacePathTests {
    @Test func joinNormalisesAndRefusesToClimbAboveTheRoot() {
        #expect(WorkspacePath.join("a/b", "../c/./d.py") == "a/c/d.py")
        #expect(WorkspacePath.join("", "x.h") == "x.h")
        #expect(WorkspacePath.join("a", "../../x") == nil)
        #expect(WorkspacePath.directory(of: "a/b/c.py") == "a/b")
        #expect(WorkspacePath.directory(of: "c.py") == "")
    }

    @Test func inMemoryFilesListDirectories() {
        let files = InMemoryWorkspaceFiles(["src/a.py": "", "src/pkg/b.py": "", "top.py": ""])
        #expect(files.entries(of: "") == ["src", "top.py"])
        #expect(files.entries(of: "src") == ["a.py", "pkg"])
        #expect(files.isDirectory("src/pkg"))
        #expect(!files.isFile("src/pkg"))
    }
}
