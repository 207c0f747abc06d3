import Documents
import Testing

/// Prints edit latency on a 50,000-line document. Run for real figures with
/// `swift test -c release --filter benchmarkDocumentEdit`; debug builds run fewer edits.
@Test func benchmarkDocumentEdit() throws {
    #if DEBUG
    let (edits, chunkSizes) = (2_000, [512])
    print("benchmarkDocumentEdit: DEBUG build, figures are not representative")
    #else
    let (edits, chunkSizes) = (20_000, [128, 256, 512, 1024, 4096])
    #endif
    for linesPerChunk in chunkSizes {
        let benchmark = DocumentEditBenchmark(edits: edits, linesPerChunk: linesPerChunk)
        let figures = try benchmark.run()
        print("benchmarkDocumentEdit 50k lines, \(edits) one-char edits: \(figures.summary)")
        // Inserts and deletes alternate, so the document ends as it began (in size).
        #expect(figures.finalLineCount == benchmark.lineCount)
        let originalSize = benchmark.makeText().utf8.count
        #expect(figures.finalUTF8Count == originalSize)
        #expect(figures.heldUTF8Counts == [originalSize])
        #expect(figures.snapshotsSawLatestVersion)
    }
}
