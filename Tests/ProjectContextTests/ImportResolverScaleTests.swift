import Foundation
import Languages
import ProjectContext
import Synchronization
import Testing

/// Counts the calls made to the files it wraps.
private final class CountingFiles: WorkspaceFiles {
    let base: InMemoryWorkspaceFiles
    let calls = Mutex(0)

    init(_ base: InMemoryWorkspaceFiles) { self.base = base }

    func text(of path: String) -> String? { calls.withLock { $0 += 1 }; return base.text(of: path) }
    func isFile(_ path: String) -> Bool { calls.withLock { $0 += 1 }; return base.isFile(path) }
    func isDirectory(_ path: String) -> Bool { calls.withLock { $0 += 1 }; return base.isDirectory(path) }
    func entries(of directory: String) -> [String] { calls.withLock { $0 += 1 }; return base.entries(of: directory) }
}

/// The disk under a root directory (a test adapter: the index has its own).
private struct DiskFiles: WorkspaceFiles {
    let root: URL

    private func url(_ path: String) -> URL { path.isEmpty ? root : root.appendingPathComponent(path) }
    func text(of path: String) -> String? { try? String(contentsOf: url(path), encoding: .utf8) }
    func isFile(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(path).path, isDirectory: &directory) && !directory.boolValue
    }
    func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(path).path, isDirectory: &directory) && directory.boolValue
    }
    func entries(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(directory).path)) ?? []).sorted()
    }
}

@Suite struct ImportResolverScaleTests {
    /// Indexing resolves every file's imports: 2,000 Python files in 100 packages, 5 imports each.
    @Test func resolvingEveryFileOfALargeWorkspaceStaysCheap() {
        var texts: [String: String] = ["pyproject.toml": ""]
        for package in 0..<100 {
            texts["src/app/p\(package)/__init__.py"] = ""
            for module in 0..<20 { texts["src/app/p\(package)/m\(module).py"] = "" }
        }
        texts["src/app/__init__.py"] = ""
        let files = CountingFiles(InMemoryWorkspaceFiles(texts))
        let resolver = ImportResolver(files: files)
        var statements = 0
        var resolvedCount = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for package in 0..<100 {
                for module in 0..<20 {
                    let imports = [
                        ImportStatement(text: "import os", line: 1),
                        ImportStatement(text: "from app.p\((package + 1) % 100).m\(module) import f, g as h", line: 2),
                        ImportStatement(text: "from . import m\((module + 1) % 20)", line: 3),
                        ImportStatement(text: "from ..p\((package + 7) % 100) import m3", line: 4),
                        ImportStatement(text: "import numpy as np", line: 5),
                    ]
                    let resolved = resolver.resolve(imports, of: "src/app/p\(package)/m\(module).py", language: .python,
                                                    package: nil)
                    statements += imports.count
                    resolvedCount += resolved.filter { !$0.files.isEmpty }.count
                }
            }
        }
        #expect(resolvedCount == 2_000 * 3)
        let perStatement = Double(files.calls.withLock { $0 }) / Double(statements)
        #expect(perStatement < 12, "\(perStatement) file system calls per statement")
        #expect(elapsed < .seconds(30), "\(elapsed)")
    }

    @Test func aRealDirectoryThroughADiskAdapter() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-imports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = [
            "go.mod": "module example.com/shop\n", "billing/tax.go": "package billing\n", "cmd/main.go": "package main\n",
            "web/src/app.ts": "", "web/src/lib/index.ts": "", "py/pkg/__init__.py": "", "py/pkg/mod.py": "",
        ]
        for (path, text) in layout {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let resolver = ImportResolver(files: DiskFiles(root: root))
        func files(_ statement: String, _ path: String, _ language: Language) -> [String] {
            resolver.resolve([ImportStatement(text: statement, line: 1)], of: path, language: language, package: nil)
                .flatMap(\.files)
        }
        #expect(files("import \"example.com/shop/billing\"", "cmd/main.go", .go) == ["billing/tax.go"])
        #expect(files("import { x } from './lib'", "web/src/app.ts", .typescript) == ["web/src/lib/index.ts"])
        #expect(files("from . import mod", "py/pkg/__init__.py", .python) == ["py/pkg/mod.py"])
        #expect(files("from pkg.mod import x", "py/pkg/__init__.py", .python) == ["py/pkg/mod.py"])
    }
}
