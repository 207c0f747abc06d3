import ProjectContext
import Testing

@Suite struct IgnoreRulesTests {
    func rules(_ text: String, in directory: String = "") -> IgnoreRules {
        var rules = IgnoreRules()
        rules.add(text, in: directory)
        return rules
    }

    @Test func unanchoredPatternsMatchTheNameAtAnyDepth() {
        let ignore = rules("*.log\nsecrets\n")
        #expect(ignore.isIgnored("a.log", isDirectory: false))
        #expect(ignore.isIgnored("deep/down/b.log", isDirectory: false))
        #expect(ignore.isIgnored("x/secrets", isDirectory: true))
        #expect(!ignore.isIgnored("a.py", isDirectory: false))
    }

    @Test func anchoredPatternsMatchFromTheirDirectory() {
        let ignore = rules("/build\ndocs/*.md\n")
        #expect(ignore.isIgnored("build", isDirectory: true))
        #expect(!ignore.isIgnored("src/build", isDirectory: true))
        #expect(ignore.isIgnored("docs/a.md", isDirectory: false))
        #expect(!ignore.isIgnored("docs/sub/a.md", isDirectory: false))
    }

    @Test func directoryOnlyNegationAndDoubleStar() {
        let ignore = rules("cache/\n*.gen.py\n!keep.gen.py\n**/fixtures/**\n# comment\n\n")
        #expect(ignore.isIgnored("cache", isDirectory: true))
        #expect(!ignore.isIgnored("cache", isDirectory: false))
        #expect(ignore.isIgnored("a/b.gen.py", isDirectory: false))
        #expect(!ignore.isIgnored("a/keep.gen.py", isDirectory: false))
        #expect(ignore.isIgnored("tests/fixtures/x/y.py", isDirectory: false))
        #expect(!ignore.isIgnored("comment", isDirectory: false))
    }

    @Test func nestedIgnoreFilesApplyBelowTheirDirectory() {
        var ignore = rules("*.tmp\n")
        ignore.add("generated.py\n", in: "pkg")
        #expect(ignore.isIgnored("pkg/generated.py", isDirectory: false))
        #expect(!ignore.isIgnored("generated.py", isDirectory: false))
        #expect(ignore.isIgnored("pkg/x.tmp", isDirectory: false))
    }

    @Test func characterClassesAndQuestionMarks() {
        let ignore = rules("file[0-9].py\n?.txt\n[!a]b.c\n")
        #expect(ignore.isIgnored("file3.py", isDirectory: false))
        #expect(!ignore.isIgnored("filex.py", isDirectory: false))
        #expect(ignore.isIgnored("x.txt", isDirectory: false))
        #expect(!ignore.isIgnored("xy.txt", isDirectory: false))
        #expect(ignore.isIgnored("zb.c", isDirectory: false))
        #expect(!ignore.isIgnored("ab.c", isDirectory: false))
    }

    @Test func hostilePatternsNeitherCrashNorHang() {
        let ignore = rules("[\n\\\n**/**/**/**/**/**/**/x\n" + String(repeating: "*", count: 200) + "a\n!\n/\n")
        let deep = Array(repeating: "d", count: 60).joined(separator: "/") + "/y"
        #expect(!ignore.isIgnored(deep, isDirectory: false))
        #expect(ignore.isIgnored(String(repeating: "b", count: 100) + "a", isDirectory: false))
    }
}
