import DocwrightCore
import Foundation
import Syntax

/// Milliseconds of one operation: wall clock, and CPU time of the calling thread (what the work
/// itself cost, whatever else the machine runs).
struct Timing {
    var wall: Double
    var cpu: Double

    static func of(_ body: () throws -> Void) rethrows -> Timing {
        func threadCPU() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6
        }
        let cpuStart = threadCPU()
        let wall = milliseconds(try ContinuousClock().measure(body))
        return Timing(wall: wall, cpu: threadCPU() - cpuStart)
    }
}

struct ParseRow {
    let language: String
    let file: String
    let bytes: Int
    let cold: Timing
    let parses: [Timing]
    /// Re-parses after edits that keep the file valid (a digit typed into a number).
    let validEdits: [Timing]
    /// Re-parses after edits anywhere (an `x` typed at a random byte, often breaking the syntax).
    let randomEdits: [Timing]
    let hasErrors: Bool
    let incrementalMatchesFresh: Bool
}

/// Where a benchmark edit goes: each inserts one character, and the next edit removes it.
enum EditKind {
    case validNumber
    case randomByte

    /// The offset to insert at and the character, near `random` (a byte offset into `text`).
    func insertion(near random: Int, in text: [UInt8]) -> (offset: Int, byte: UInt8)? {
        switch self {
        case .randomByte:
            var at = random
            while at > 0, text[at] & 0xC0 == 0x80 { at -= 1 } // a scalar boundary
            return (at, UInt8(ascii: "x"))
        case .validNumber:
            // The start of a plain decimal literal (`0`, `10`; not `0x1F`, `1.5`, `v2`): a `1` in
            // front keeps it a number in every language.
            func isWord(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "$") || byte >= 0x80
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            }
            func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
            var at = random
            while at < text.count {
                if isDigit(text[at]), at > 0, !isWord(text[at - 1]) {
                    var end = at
                    while end < text.count, isDigit(text[end]) { end += 1 }
                    if end == text.count || !isWord(text[end]) { return (at, UInt8(ascii: "1")) }
                }
                at += 1
            }
            return nil
        }
    }
}

/// Parses `text` cold once, then `repetitions` times, then re-parses after `edits` edits of each
/// kind (insert one character, then delete it), each from the previous incremental tree.
func measure(language: String, file: String, text: String, options: Options, grammars: Grammars) throws -> ParseRow {
    let parser = SyntaxParser(grammars: grammars)
    let syntaxLanguage = try grammars.language(language)
    var utf8 = Array(text.utf8)
    var first: SyntaxTree?
    let cold = try Timing.of { first = try parser.parse(utf8: utf8, language: syntaxLanguage) }
    guard var tree = first else { throw BenchFailure("no tree") }
    var parses: [Timing] = []
    for _ in 0..<options.repetitions {
        parses.append(try Timing.of { tree = try parser.parse(utf8: utf8, language: syntaxLanguage) })
    }
    var random = SplitMix64(seed: 1)  // the same edits every run
    func reparseTimes(_ kind: EditKind) throws -> [Timing] {
        var times: [Timing] = []
        var inserted: Int?
        for _ in 0..<options.edits {
            let edit: SyntaxEdit
            if let at = inserted {
                edit = try SyntaxEdit(replacing: at..<(at + 1), in: utf8, with: [UInt8]())
                utf8.remove(at: at)
                inserted = nil
            } else {
                guard let (at, byte) = kind.insertion(near: Int(random.next() % UInt64(utf8.count)), in: utf8) else { continue }
                edit = try SyntaxEdit(replacing: at..<at, in: utf8, with: [byte])
                utf8.insert(byte, at: at)
                inserted = at
            }
            let before = tree
            times.append(try Timing.of { tree = try parser.reparse(before, applying: [edit], newUTF8: utf8) })
        }
        return times
    }
    let validEdits = try reparseTimes(.validNumber)
    let randomEdits = try reparseTimes(.randomByte)
    let fresh = try SyntaxParser(grammars: grammars).parse(utf8: utf8, language: syntaxLanguage)
    return ParseRow(language: language, file: file, bytes: utf8.count, cold: cold, parses: parses, validEdits: validEdits,
                    randomEdits: randomEdits, hasErrors: fresh.hasErrors, incrementalMatchesFresh: fresh.sExpression == tree.sExpression)
}
