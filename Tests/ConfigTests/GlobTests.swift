import Testing
@testable import Config

@Suite struct GlobTests {
    @Test(arguments: [
        ("*.py", "a.py", true), ("*.py", "src/deep/a.py", true), ("*.py", "a.pyc", false),
        ("?.py", "a.py", true), ("?.py", "ab.py", false),
        ("[abc].py", "b.py", true), ("[abc].py", "d.py", false), ("[a-c]x", "bx", true), ("[!a-c]x", "bx", false),
        ("[!a-c]x", "dx", true),
        ("src/*.py", "src/a.py", true), ("src/*.py", "src/sub/a.py", false), ("src/*.py", "lib/src/a.py", false),
        ("src/**/*.py", "src/a.py", true), ("src/**/*.py", "src/x/y/a.py", true), ("src/**", "src/x/y/a.py", true),
        ("**/test/*.js", "a/b/test/x.js", true), ("**/test/*.js", "test/x.js", true), ("/src/*.py", "src/a.py", true),
        ("src/", "src/a.py", true), ("src/", "src", false), ("vendor", "vendor/lib/x.go", true),
        ("*secret*", "config/my_secret.txt", true), ("*secret*", "secrets/key.txt", true), (".env*", ".env.local", true),
        ("*.{ts,tsx}", "ui/App.tsx", true), ("*.{ts,tsx}", "ui/App.jsx", false), ("notebooks/", "notebooks", false),
        ("a\\*b", "a*b", true), ("a\\*b", "axb", false), ("*", "anything/at/all", true),
    ])
    func matchesRelativePaths(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(relativePath: path) == expected, "\(pattern) vs \(path)")
    }

    @Test func pathsAreRelativeToTheWorkspaceRoot() {
        #expect(Glob("src/*.py").matches(path: "/ws/app/src/a.py", workspaceRoot: "/ws/app"))
        #expect(Glob("src/*.py").matches(path: "file:///ws/app/src/a.py", workspaceRoot: "file:///ws/app/"))
        #expect(!Glob("app/src/*.py").matches(path: "/ws/app/src/a.py", workspaceRoot: "/ws/app"))
        #expect(Glob("my dir/*.py").matches(path: "file:///ws/my%20dir/a.py", workspaceRoot: "/ws"))
        // Outside the workspace the whole path is matched.
        #expect(Glob("**/other/*.py").matches(path: "/elsewhere/other/b.py", workspaceRoot: "/ws/app"))
        #expect(Glob.relativePath("/ws/app/x.py", workspaceRoot: "/ws/app/") == "x.py")
    }

    @Test func starDoesNotBacktrackExponentially() {
        let path = String(repeating: "a", count: 200) + "b"
        #expect(!Glob(String(repeating: "*a", count: 30) + "c").matches(relativePath: path))
        #expect(Glob(String(repeating: "*a", count: 30) + "*b").matches(relativePath: path))
    }
}
