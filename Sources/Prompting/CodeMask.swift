/// Which bytes of a window are code (not comment, not string), and which lines start inside a
/// multi-line string (those are never re-indented or treated as dedents).
struct CodeMask {
    let window: Range<Int>
    private let flags: [Bool]
    let linesStartingInString: Set<Int>
    let linesStartingInComment: Set<Int>

    init(_ bytes: [UInt8], _ window: Range<Int>, traits: LanguageTraits) {
        var flags = [Bool](repeating: false, count: window.count)
        var inString: Set<Int> = []
        var inComment: Set<Int> = []
        CodeScanner(traits: traits, bytes: bytes).scan(window, onLineStart: { offset, state in
            if state == .string { inString.insert(offset) }
        }, onCode: { offset in
            flags[offset - window.lowerBound] = true
            return true
        })
        // A line is "in a comment" when its first non-space byte is not code and it is not in a string.
        for line in ByteLines.lines(bytes, window) where !inString.contains(line.lowerBound) {
            if let first = line.first(where: { !ByteLines.isSpace(bytes[$0]) }), !flags[first - window.lowerBound] {
                inComment.insert(line.lowerBound)
            }
        }
        self.window = window
        self.flags = flags
        self.linesStartingInString = inString
        self.linesStartingInComment = inComment
    }

    func isCode(_ offset: Int) -> Bool {
        window.contains(offset) && flags[offset - window.lowerBound]
    }
}
