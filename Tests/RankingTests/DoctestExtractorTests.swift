import Testing
@testable import Ranking

@Suite("Doctest example extraction")
struct DoctestExtractorTests {
    @Test func extractsExamplesWithContinuationAndExpectedOutput() throws {
        let doc = """
            Add numbers.

                >>> add(2, 3)
                5
                >>> for i in range(2):
                ...     print(i)
                0
                1
                >>> add(0, 0)  # doctest: +ELLIPSIS
                0
                >>> x = 4
                >>> print("a\\n\\nb")
                a
                <BLANKLINE>
                b

            Trailing prose.
            """
        let examples = DoctestExtractor.examples(in: doc)
        try #require(examples.count == 5)
        #expect(examples[0] == DoctestExample(source: "add(2, 3)\n", want: "5\n", line: 2))
        #expect(examples[1].source == "for i in range(2):\n    print(i)\n")
        #expect(examples[1].want == "0\n1\n")
        #expect(examples[2].source.contains("doctest: +ELLIPSIS"))
        #expect(examples[3].want == "")
        #expect(examples[4].want == "a\n\nb\n")
    }

    @Test func expectedTracebackIsKept() throws {
        let doc = ">>> div(1, 0)\nTraceback (most recent call last):\n    ...\nZeroDivisionError: division by zero\n"
        let example = try #require(DoctestExtractor.examples(in: doc).first)
        #expect(example.want.hasPrefix("Traceback"))
        #expect(example.want.hasSuffix("ZeroDivisionError: division by zero\n"))
    }

    @Test func ignoresLookalikes() {
        #expect(DoctestExtractor.examples(in: "Use >>>x to shift.\n>>>not an example\nplain").isEmpty)
        #expect(DoctestExtractor.examples(in: "").isEmpty)
        #expect(DoctestExtractor.examples(in: ">>> \n").isEmpty)
    }
}
