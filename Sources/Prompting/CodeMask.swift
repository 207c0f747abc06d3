import Syntax

/// Which bytes of a window are code (not comment, not string), and which lines start inside a
/// multi-line string (those are never re-indented or treated as dedents) — as the language's
/// grammar lexes them (`LexicalMap`: the reply parsed after the code before the insertion).
/// Without a grammar (no map) every byte reads as code.
struct CodeMask {
    let window: Range<Int>
    private let flags: [Bool]
    let linesStartingInString: Set<Int>

    init(_ bytes: [UInt8], _ window: Range<Int>, map: LexicalMap?) {
        var flags = [Bool](repeating: true, count: window.count)
        for span in map?.spans ?? [] {
            for offset in span.range.clamped(to: window) { flags[offset - window.lowerBound] = false }
        }
        self.window = window
        self.flags = flags
        linesStartingInString = Set(ByteLines.lines(bytes, window).lazy.map(\.lowerBound).filter { start in
            map?.continuesSpan(at: start)?.kind == .string
        })
    }

    func isCode(_ offset: Int) -> Bool {
        window.contains(offset) && flags[offset - window.lowerBound]
    }
}
