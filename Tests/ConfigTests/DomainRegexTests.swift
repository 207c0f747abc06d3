import Testing
@testable import Config

/// The byte pre-check in front of domain regexes never changes an answer, only skips scans.
@Suite struct DomainRegexTests {
    @Test(arguments: [
        (#"^resource "aws_"#, #"resource "aws_"#),
        (#"boto3\.client\("#, "boto3.client("),
        (#"import\s+torch"#, "import"),
        (#"colou?r scheme"#, "r scheme"),
        (#"ab+cdef"#, "cdef"),
        (#"abc(def)?ghij"#, "ghij"),
        (#"\bfrom airflow\b"#, "from airflow"),
        (#"x{2,3}yyyy"#, "yyyy"),
        (#"[a-z]+_handler\("#, "_handler("),
        (#"foo(?:bar|baz)qux"#, "foo"),
    ])
    func requiredLiteralIsWhatEveryMatchContains(pattern: String, literal: String) {
        #expect(DomainRegex.requiredLiteral(in: pattern) == literal)
    }

    @Test(arguments: [#"foo|bar"#, #"(?i)resource"#, #"(?x) a b c"#, #"\Qa.b\E"#, #"ab"#, #"[abc]+"#, #"é+été"#, #"(unbalanced"#,
                      #"\x41BCD"#, #"\u{41}BCD"#, #"\p{Lu}ABCD"#, #"(a)\1bcd"#, #"\N{LATIN SMALL LETTER A}bcd"#])
    func nothingIsClaimedWhereItCannotBeSure(pattern: String) {
        #expect(DomainRegex.requiredLiteral(in: pattern) == nil)
    }

    @Test func thePreCheckNeverChangesTheAnswer() throws {
        let patterns = [
            #"^resource "aws_"#, #"boto3\.client\("#, #"import\s+torch"#, #"colou?r scheme"#, #"ab+cdef"#,
            #"abc(def)?ghij"#, #"\bfrom airflow\b"#, #"[a-z]+_handler\("#, #"foo(?:bar|baz)qux"#, #"(?i)RESOURCE "AWS_"#,
            #"^\s*apiVersion: v1$"#, #"café"#, #"x\{1\}y"#, #"\x41BCD"#, #"\u{41}BCD"#,
        ]
        let texts = [
            "", "resource \"aws_s3\" {}\n", "  resource \"aws_s3\"", "s3 = boto3.client('s3')", "import   torch\n",
            "color scheme", "colour scheme", "abbbcdef", "abcghij", "abcdefghij", "x = 1\nfrom airflow import DAG",
            "def on_handler(x)", "foobazqux", "foobqux", "apiVersion: v1\nkind: Pod", "  apiVersion: v1\n", "cafe\u{301}", "café",
            "x{1}y", "ABCD", "41BCD", String(repeating: "value = compute(value, 42)\n", count: 500) + "resource \"aws_x\"",
        ]
        for pattern in patterns {
            let regex = try DomainRegex.compile(pattern)
            for text in texts {
                #expect(DomainRegex.matches(pattern, in: text) == (text.firstMatch(of: regex) != nil), "/\(pattern)/ on \(text.prefix(40))")
            }
        }
    }
}
