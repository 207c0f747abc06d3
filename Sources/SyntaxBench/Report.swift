import Foundation
import Syntax

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

    Parse: a fresh parse of the whole file (no old tree), \(options.repetitions) runs; the first parse after loading the
    grammar is shown apart (grammar tables paged in). Re-parse: \(options.edits) one-character edits of each kind, each
    `SyntaxParser.reparse` from the previous tree (tree copy and edit included), alternately inserting one character and
    deleting it again: *valid* types a `1` in front of a number literal (the file stays valid), *random* types an `x` at a
    random byte (usually a syntax error: tree-sitter's error recovery costs more). Times in ms: wall clock (p50, p90)
    and the parsing thread's CPU time (p50), which other processes on a busy machine do not inflate. Goals (issue 14):
    parse ≤ 10 ms, re-parse ≤ 1 ms, judged on the CPU p50 (the valid edits for re-parse). "same" = the last incremental
    tree equals a fresh parse.

    | language | file | KB | first parse | parse p50 | p90 | CPU p50 | valid re-parse p50 | p90 | CPU p50 | random re-parse p50 | p90 | CPU p50 | parse ≤ 10 ms | re-parse ≤ 1 ms | same |
    |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|

    """
    func figures(_ timings: [Timing], _ digits: Int) -> String {
        let wall = timings.map(\.wall)
        return "\(format(percentile(wall, 0.5), digits)) | \(format(percentile(wall, 0.9), digits)) | "
            + format(percentile(timings.map(\.cpu), 0.5), digits)
    }
    for row in rows {
        let parseCPU = percentile(row.parses.map(\.cpu), 0.5), reparseCPU = percentile(row.validEdits.map(\.cpu), 0.5)
        out += "| \(row.language) | \(row.file)\(row.hasErrors ? " (has syntax errors)" : "") | \(row.bytes / 1024) | "
            + "\(format(row.cold.wall)) | \(figures(row.parses, 1)) | \(figures(row.validEdits, 3)) | \(figures(row.randomEdits, 3)) | "
            + "\(parseCPU <= 10 ? "yes" : "no") | \(reparseCPU <= 1 ? "yes" : "no") | \(row.incrementalMatchesFresh ? "yes" : "NO") |\n"
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

