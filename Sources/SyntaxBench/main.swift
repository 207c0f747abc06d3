import Foundation
import Syntax

// syntax-bench: how fast tree-sitter parses and re-parses through the Syntax module, and what
// loading a grammar costs in memory. A program that prints figures, not a timed test; a
// separate executable, so none of it ships in the docwright binary.
//
//   syntax-bench [--quick] [--lines N] [--languages a,b] [--out DIR]
//
// Writes DIR/syntax-perf.md (default bench/results). `scripts/bench syntax` runs the release build.

struct Options {
    var lines = 10_000
    var repetitions = 21
    var edits = 200
    var languages = BenchCorpus.languages
    var outputDirectory = "bench/results"
    var quick = false

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            func value() throws -> String {
                guard let value = rest.popFirst() else { throw BenchFailure("\(argument) needs a value") }
                return value
            }
            switch argument {
            case "--quick": quick = true; repetitions = 3; edits = 20
            case "--lines": lines = Int(try value()) ?? lines
            case "--languages": languages = try value().split(separator: ",").map(String.init)
            case "--out": outputDirectory = try value()
            default: throw BenchFailure("unknown argument \(argument); usage: syntax-bench [--quick] [--lines N] [--languages a,b] [--out DIR]")
            }
        }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// VmRSS, RssAnon and RssFile of this process, in MB.
func memory() -> (rss: Double, anonymous: Double, file: Double) {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    func field(_ name: String) -> Double {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
        return kilobytes / 1024
    }
    return (field("VmRSS"), field("RssAnon"), field("RssFile"))
}

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
}

func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

struct ParseRow {
    let language: String
    let file: String
    let bytes: Int
    let cold: Double
    let parses: [Double]
    let reparses: [Double]
    let hasErrors: Bool
    let incrementalMatchesFresh: Bool
}

/// Parses `text` cold once, then `repetitions` times, then re-parses after `edits` one-character
/// edits (insert `x` at a pseudo-random place, then delete it), each from the previous tree.
func measure(language: String, file: String, text: String, options: Options, grammars: Grammars) throws -> ParseRow {
    let clock = ContinuousClock()
    let parser = SyntaxParser(grammars: grammars)
    let syntaxLanguage = try grammars.language(language)
    var utf8 = Array(text.utf8)
    var tree: SyntaxTree?
    let cold = milliseconds(try clock.measure { tree = try parser.parse(utf8: utf8, language: syntaxLanguage) })
    var parses: [Double] = []
    for _ in 0..<options.repetitions {
        parses.append(milliseconds(try clock.measure { tree = try parser.parse(utf8: utf8, language: syntaxLanguage) }))
    }
    guard var current = tree else { throw BenchFailure("no tree") }
    var reparses: [Double] = []
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    var inserted: Int?
    for _ in 0..<options.edits {
        let edit: SyntaxEdit
        if let at = inserted {
            edit = try SyntaxEdit(replacing: at..<(at + 1), in: utf8, with: [UInt8]())
            utf8.remove(at: at)
            inserted = nil
        } else {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var at = Int((seed >> 33) % UInt64(utf8.count))
            while at > 0, utf8[at] & 0xC0 == 0x80 { at -= 1 } // a scalar boundary
            edit = try SyntaxEdit(replacing: at..<at, in: utf8, with: [UInt8(ascii: "x")])
            utf8.insert(UInt8(ascii: "x"), at: at)
            inserted = at
        }
        let before = current
        reparses.append(milliseconds(try clock.measure { current = try parser.reparse(before, applying: [edit], newUTF8: utf8) }))
    }
    let fresh = try SyntaxParser(grammars: grammars).parse(utf8: utf8, language: syntaxLanguage)
    return ParseRow(language: language, file: file, bytes: utf8.count, cold: cold, parses: parses, reparses: reparses,
                    hasErrors: fresh.hasErrors, incrementalMatchesFresh: fresh.sExpression == current.sExpression)
}

func run() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    let grammars = Grammars.shared
    let directory = try grammars.directory()
    var memoryRows: [(String, (rss: Double, anonymous: Double, file: Double))] = [("start (nothing loaded)", memory())]
    let clock = ContinuousClock()
    let firstLanguage = options.languages.first ?? "python"
    let loadTime = milliseconds(try clock.measure { _ = try grammars.language(firstLanguage) })
    memoryRows.append(("runtime + \(firstLanguage) grammar loaded (\(format(loadTime, 1)) ms)", memory()))

    var rows: [ParseRow] = []
    for language in options.languages {
        let generated = BenchCorpus.generated(language, lines: options.lines)
        rows.append(try measure(language: language, file: "generated", text: generated, options: options, grammars: grammars))
        if language == firstLanguage {
            memoryRows.append(("after parsing the \(options.lines)-line \(language) file (trees freed)", memory()))
        }
        if let real = BenchCorpus.real(language, lines: options.lines) {
            rows.append(try measure(language: language, file: real.source, text: real.text, options: options, grammars: grammars))
        }
        FileHandle.standardError.write(Data("syntax-bench: \(language) done\n".utf8))
    }
    memoryRows.append(("all \(options.languages.count) grammars loaded, trees freed", memory()))

    let report = markdown(rows: rows, memoryRows: memoryRows, options: options, directory: directory)
    print(report, terminator: "")
    try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
    let path = options.outputDirectory + "/syntax-perf.md"
    try report.write(toFile: path, atomically: true, encoding: .utf8)
    FileHandle.standardError.write(Data("syntax-bench: wrote \(path)\n".utf8))
    if rows.contains(where: { !$0.incrementalMatchesFresh }) { throw BenchFailure("an incremental tree differs from a fresh parse") }
}

func markdown(rows: [ParseRow], memoryRows: [(String, (rss: Double, anonymous: Double, file: Double))],
              options: Options, directory: GrammarDirectory) -> String {
    #if DEBUG
    let build = "debug build (figures not representative)"
    #else
    let build = "release build"
    #endif
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    let versions = directory.versions.filter { $0.key != "format" }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    var out = """
    # Syntax performance (tree-sitter through the Syntax module)

    \(ISO8601DateFormatter().string(from: Date())), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(load) at the end, \(build)\(options.quick ? ", quick mode" : "").
    Grammars: \(versions.joined(separator: ", ")) from \(directory.path) (\(directory.origin.rawValue)).
    Reproduce: `scripts/bench syntax` (code: Sources/SyntaxBench).

    ## Parse and incremental re-parse of \(options.lines)-line files

    Parse: a fresh parse of the whole file (no old tree), \(options.repetitions) runs; the first parse after loading the grammar
    is shown apart (grammar tables paged in). Re-parse: \(options.edits) one-character edits (insert `x` at a pseudo-random
    place, then delete it), each `SyntaxParser.reparse` from the previous tree, edit and tree copy included.
    Goals (issue 14): parse ≤ 10 ms, re-parse ≤ 1 ms. "same" = the last incremental tree equals a fresh parse.

    | language | file | KB | first parse ms | parse p50 ms | parse p90 ms | re-parse p50 ms | re-parse p90 ms | parse ≤ 10 ms | re-parse ≤ 1 ms | errors in file | same |
    |---|---|---:|---:|---:|---:|---:|---:|---|---|---|---|

    """
    for row in rows {
        let parse50 = percentile(row.parses, 0.5), reparse50 = percentile(row.reparses, 0.5)
        out += "| \(row.language) | \(row.file) | \(row.bytes / 1024) | \(format(row.cold)) | \(format(parse50)) | "
            + "\(format(percentile(row.parses, 0.9))) | \(format(reparse50, 3)) | \(format(percentile(row.reparses, 0.9), 3)) | "
            + "\(parse50 <= 10 ? "yes" : "no") | \(reparse50 <= 1 ? "yes" : "no") | \(row.hasErrors ? "yes" : "no") | "
            + "\(row.incrementalMatchesFresh ? "yes" : "NO") |\n"
    }
    out += """

    ## Memory (this process, /proc/self/status)

    The grammars load lazily: nothing at start, the runtime and one grammar library on the first parse of a language.
    RssFile counts pages of the mapped grammar libraries (shared, evictable); RssAnon is this process's own memory.

    | moment | VmRSS MB | RssAnon MB | RssFile MB |
    |---|---:|---:|---:|

    """
    for (moment, figures) in memoryRows {
        out += "| \(moment) | \(format(figures.rss, 1)) | \(format(figures.anonymous, 1)) | \(format(figures.file, 1)) |\n"
    }
    return out
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("syntax-bench: \(error)\n".utf8))
    exit(1)
}
