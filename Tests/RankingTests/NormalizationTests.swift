import DocwrightCore
import Testing
@testable import Ranking

@Suite("Normalisation, repetition, similarity")
struct NormalizationTests {
    func normalized(_ code: String, _ language: String?) -> String {
        String(decoding: CodeNormalizer(language: language).normalize(code), as: UTF8.self)
    }

    @Test func pythonCommentsGoButHashesInStringsStay() {
        let a = normalized("x = '#not a comment'  # a comment\n\n  y = \"\"\"doc # kept\n  more\"\"\"\n", "python")
        #expect(a.contains("'#not a comment'"))
        #expect(!a.contains("a comment\n"))
        #expect(a.contains("\"\"\"doc # kept\n  more\"\"\""))
    }

    @Test func cLikeCommentsAndSpacing() {
        let a = normalized("if (x > 1) { // big\n  return /* inline */ x; }\n", "javascript")
        let b = normalized("if(x>1){\n    return x;}", "javascript")
        #expect(a == b)
        #expect(normalized("const s = 'http://x'; // c\n", "javascript").contains("'http://x'"))
        #expect(normalized("let t = `a // b`\n", "typescript").contains("`a // b`"))
    }

    @Test func wordBoundariesKeepOneSpace() {
        #expect(normalized("return   not  x", "python") == "return not x")
        #expect(normalized("a = b ( 1 , 2 )", "python") == "a=b(1,2)")
    }

    @Test func indentationWidthIsIrrelevantButNestingIsNot() {
        let two = normalized("if x:\n  y()\n  if z:\n    w()\n", "python")
        let four = normalized("if x:\n    y()\n    if z:\n        w()\n", "python")
        let flat = normalized("if x:\n    y()\nif z:\n    w()\n", "python")
        #expect(two == four)
        #expect(two != flat)
    }

    /// Comments are the grammar's: Lua's `--` and long comments, Rust's nested block comments, a
    /// Ruby `#` but not one inside a heredoc, a Go `//` inside a raw string.
    @Test func everyGrammarsCommentsGoAndItsStringsStay() {
        #expect(normalized("local x = 1 -- one\n--[[ long\ncomment ]]\nreturn x\n", "lua") == "local x=1\nreturn x")
        #expect(normalized("let a = 1; /* outer /* inner */ still */ a\n", "rust") == "let a=1;a")
        let heredoc = normalized("s = <<~T\n  # kept\nT\nx # dropped\n", "ruby")
        #expect(heredoc.contains("# kept") && !heredoc.contains("dropped"))
        #expect(normalized("s := `// kept`\n", "go") == "s:=`// kept`")
    }

    /// Candidates are read where they go: after the task's prefix.
    @Test func candidatesAreReadAfterTheirPrefix() {
        var task = GenerationTask(language: "python", shape: .nextLines, signature: "", docText: "", rawDoc: "",
                                  prefix: "def f():\n    # Sum.\n", suffix: "", imports: [],
                                  insertion: SourceRange(at: SourcePosition(line: 2, utf8Column: 0)), indentation: "    ")
        task.parseContextLength = task.prefix.utf8.count
        let normalizer = CodeNormalizer(language: "python", task: task)
        #expect(String(decoding: normalizer.normalize("    return 1  # one\n"), as: UTF8.self) == "return 1")
    }

    @Test func unknownLanguagesKeepCommentsAndNesting() {
        #expect(normalized("a # b", nil).contains("#"))
        #expect(normalized("a // b", "plaintext").contains("//"))
    }

    @Test func repetitionLoopsAreDetected() {
        #expect(RepetitionDetector.degenerateReason(String(repeating: "    print(x)\n", count: 4)) != nil)
        #expect(RepetitionDetector.degenerateReason("a = 1\n" + String(repeating: "    x += 1\n    y += 1\n", count: 3)) != nil)
        #expect(RepetitionDetector.degenerateReason("return [" + String(repeating: "0, ", count: 20) + "0]") != nil)
        #expect(RepetitionDetector.degenerateReason("xyz" + String(repeating: "abc", count: 20)) != nil)
    }

    @Test func ordinaryCodeIsNotDegenerate() {
        #expect(RepetitionDetector.degenerateReason("        }\n    }\n}\n}\n") == nil)
        #expect(RepetitionDetector.degenerateReason("# " + String(repeating: "-", count: 70) + "\nx = 1\n") == nil)
        #expect(RepetitionDetector.degenerateReason("print(x)\nprint(x)\nprint(x)\nreturn x\n") == nil)
        #expect(RepetitionDetector.degenerateReason("    total = 0\n    for v in values:\n        total += v\n    return total\n") == nil)
        #expect(RepetitionDetector.degenerateReason("return [0, 0, 0, 0]") == nil)
    }

    @Test func boundedEditDistance() {
        let a = Array("kitten".utf8)
        let b = Array("sitting".utf8)
        #expect(EditSimilarity.boundedDistance(a, b, limit: 3) == 3)
        #expect(EditSimilarity.boundedDistance(a, b, limit: 2) == nil)
        #expect(EditSimilarity.boundedDistance([], b, limit: 7) == 7)
        #expect(EditSimilarity.boundedDistance(a, a, limit: 0) == 0)
        let long = Array(String(repeating: "abcdefghij", count: 10).utf8)
        var edited = long
        edited[50] = 120
        #expect(EditSimilarity.similarity(long, edited, atLeast: 0.85) == 0.99)
        #expect(EditSimilarity.similarity(long, Array("zzz".utf8), atLeast: 0.85) == nil)
    }

    @Test func boundedDistanceMatchesFullDynamicProgramming() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let a = (0..<Int(generator.next() % 12)).map { _ in UInt8(97 + generator.next() % 3) }
            let b = (0..<Int(generator.next() % 12)).map { _ in UInt8(97 + generator.next() % 3) }
            let full = levenshtein(a, b)
            for limit in 0...12 {
                let bounded = EditSimilarity.boundedDistance(a, b, limit: limit)
                #expect(bounded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            }
        }
    }

    /// Reference implementation: the full table.
    private func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1,
                                  table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
        }
        return table[a.count][b.count]
    }
}
