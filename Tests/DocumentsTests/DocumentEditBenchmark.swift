import DocwrightCore
import Documents
import Foundation

/// Measures one-character edits on a 50,000-line document and prints figures. It checks the
/// result's shape, never the timings (those belong to a release build on a known machine).
struct DocumentEditBenchmark {
    var lineCount = 50_000
    var edits = 20_000
    var linesPerChunk = 512

    struct Figures {
        var linesPerChunk: Int
        var openMilliseconds: Double
        var editMicroseconds: [Double]  // sorted
        var snapshotNanoseconds: Double
        var textMilliseconds: Double
        var finalLineCount: Int
        var finalUTF8Count: Int
        /// Sizes of the snapshots held during the run (taken after deletes: all the original).
        var heldUTF8Counts: Set<Int>
        var snapshotsSawLatestVersion: Bool

        func percentile(_ p: Double) -> Double {
            editMicroseconds[min(editMicroseconds.count - 1, Int(Double(editMicroseconds.count) * p))]
        }

        var summary: String {
            String(format: "linesPerChunk %5d  open %6.2f ms  edit p50 %6.2f µs  p90 %6.2f µs  p99 %6.2f µs  "
                   + "p99.9 %6.2f µs  max %7.2f µs  snapshot %4.0f ns  text() %5.2f ms",
                   linesPerChunk, openMilliseconds, percentile(0.5), percentile(0.9), percentile(0.99),
                   percentile(0.999), editMicroseconds.last ?? 0, snapshotNanoseconds, textMilliseconds)
        }
    }

    /// Lines of about 40 bytes, some with emoji and CJK so UTF-16 columns differ from bytes.
    func makeText() -> String {
        (0..<lineCount).map { index in
            switch index % 10 {
            case 3: "    let greeting = \"héllo 😀 \(index)\" // 漢字"
            case 7: "    }\r"
            default: "    value\(index) = compute(value\(index - 1), 42)"
            }
        }.joined(separator: "\n")
    }

    func run() throws -> Figures {
        let text = makeText()
        let store = DocumentStore(linesPerChunk: linesPerChunk)
        let uri = "file:///bench/big.swift"
        let clock = ContinuousClock()
        let openStart = clock.now
        store.open(uri: uri, languageId: "swift", version: 0, text: text)
        let openTime = clock.now - openStart

        var rng = SplitMix64(seed: 42)
        var durations: [Double] = []
        durations.reserveCapacity(edits)
        var held: [DocumentSnapshot] = []  // readers holding snapshots while edits go on
        var heldSizes: Set<Int> = []
        var (line, character) = (0, 0)
        for version in 1...edits {
            // Odd versions insert "x" somewhere; even ones delete that same "x" again.
            let insert = version % 2 == 1
            if insert {
                line = Int(rng.next() % UInt64(lineCount))
                // Where a random character really lands (clamped, rounded out of emoji), so the
                // delete that follows removes exactly the inserted "x".
                let current = store.snapshot(uri: uri)
                let column = current?.utf8Column(line: line, character: Int(rng.next() % 30), encoding: .utf16) ?? 0
                character = current?.character(line: line, utf8Column: column, encoding: .utf16) ?? 0
            }
            let range = TextRange(start: TextPosition(line: line, character: character),
                                  end: TextPosition(line: line, character: insert ? character : character + 1))
            let change = DocumentChange(range: range, text: insert ? "x" : "")
            let start = clock.now
            let snapshot = try store.apply(uri: uri, version: version, changes: [change], encoding: .utf16)
            durations.append(Self.microseconds(clock.now - start))
            // A few readers each hold a snapshot for a while (every held snapshot pins the
            // chunks edited since it was taken, so holding all of them would grow memory).
            if version % 100 == 0 {
                held.append(snapshot)
                if held.count > 4 { heldSizes.insert(held.removeFirst().utf8Count) }
            }
        }

        let snapshotRounds = 100_000
        let snapshotStart = clock.now
        var versionSum = 0
        for _ in 0..<snapshotRounds { versionSum &+= store.snapshot(uri: uri)?.version ?? 0 }
        let snapshotTime = clock.now - snapshotStart

        let final = store.snapshot(uri: uri)
        let textStart = clock.now
        let finalText = final?.text ?? ""
        let textTime = clock.now - textStart
        return Figures(linesPerChunk: linesPerChunk, openMilliseconds: Self.microseconds(openTime) / 1000,
                       editMicroseconds: durations.sorted(),
                       snapshotNanoseconds: Self.microseconds(snapshotTime) * 1000 / Double(snapshotRounds),
                       textMilliseconds: Self.microseconds(textTime) / 1000,
                       finalLineCount: final?.lineCount ?? 0, finalUTF8Count: finalText.utf8.count,
                       heldUTF8Counts: heldSizes.union(held.map(\.utf8Count)),
                       snapshotsSawLatestVersion: versionSum == snapshotRounds * edits)
    }

    static func microseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    }
}

