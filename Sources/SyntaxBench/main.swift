import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

/// glibc's malloc_trim (not in Swift's Glibc module): hands freed heap pages back to the kernel,
/// so the memory rows show what is live rather than what the allocator kept.
func releaseFreedMemory() {
    guard let symbol = dlsym(nil, "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
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
    do {
        let tree = try SyntaxParser(grammars: grammars).parse(text: BenchCorpus.generated(firstLanguage, lines: options.lines),
                                                              language: firstLanguage)
        memoryRows.append(("one \(options.lines)-line \(firstLanguage) tree alive (\(tree.utf8.count / 1024) KB of text)", memory()))
    }
    releaseFreedMemory()
    memoryRows.append(("that tree freed (after malloc_trim)", memory()))

    var rows: [ParseRow] = []
    for language in options.languages {
        let generated = BenchCorpus.generated(language, lines: options.lines)
        rows.append(try measure(language: language, file: "generated", text: generated, options: options, grammars: grammars))
        if let real = BenchCorpus.real(language, lines: options.lines) {
            rows.append(try measure(language: language, file: real.source, text: real.text, options: options, grammars: grammars))
        }
        FileHandle.standardError.write(Data("syntax-bench: \(language) done\n".utf8))
    }
    releaseFreedMemory()
    memoryRows.append(("all \(options.languages.count) grammars loaded and used, trees freed (after malloc_trim)", memory()))

    let report = markdown(rows: rows, memoryRows: memoryRows, options: options, directory: directory)
    print(report, terminator: "")
    try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
    let path = options.outputDirectory + "/syntax-perf.md"
    try report.write(toFile: path, atomically: true, encoding: .utf8)
    FileHandle.standardError.write(Data("syntax-bench: wrote \(path)\n".utf8))
    if rows.contains(where: { !$0.incrementalMatchesFresh }) { throw BenchFailure("an incremental tree differs from a fresh parse") }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("syntax-bench: \(error)\n".utf8))
    exit(1)
}
