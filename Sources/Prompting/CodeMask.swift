import Syntax

/// Which bytes of a reply's code region are code (not comment, not string), and which lines start
/// inside a multi-line string (those are never re-indented or treated as dedents) — as the
/// language's grammar lexes them (`LexicalMap`: the region parsed after the code before the
/// insertion). Built once per region; cutting, skipping a repeated declaration and re-indenting
/// read windows inside it. Without a grammar (no map) every byte reads as code.
struct CodeMask {
    let region: Range<Int>
    private let flags: [Bool]
    private let map: LexicalMap?

    init(_ region: Range<Int>, map: LexicalMap?) {
        var flags = [Bool](repeating: true, count: region.count)
        for span in map?.spans ?? [] {
            for offset in span.range.clamped(to: region) { flags[offset - region.lowerBound] = false }
        }
        self.region = region
        self.flags = flags
        self.map = map
    }

    func isCode(_ offset: Int) -> Bool {
        region.contains(offset) && flags[offset - region.lowerBound]
    }

    /// The line starting at `offset` starts inside a string opened on an earlier line.
    func startsInString(_ offset: Int) -> Bool {
        map?.continuesSpan(at: offset)?.kind == .string
    }
}
