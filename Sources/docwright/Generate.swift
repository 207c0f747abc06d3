import ArgumentParser
import Config
import DocwrightCore
import Engine
import FoundationEssentials

/// `docwright generate FILE:LINE[:COL]`: ranked implementations for the docstring there.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print ranked implementations for the docstring or comment at FILE:LINE[:COL].",
        discussion: "LINE and COL are 1-based; COL defaults to the first non-blank character of the line.")

    @Argument(help: "FILE:LINE[:COL]")
    var target: String

    @OptionGroup var choice: ModelOptions

    @Flag(help: "Print JSON (candidates with their evidence).")
    var json = false

    @Flag(help: "Write the best candidate that is complete and parses into the file.")
    var apply = false

    @OptionGroup var options: EngineOptions

    func run() async throws {
        try await options.withTask("generate", at: target, verb: "generate") { targeted in
            let result = try await userFacing {
                try await targeted.engine.generate(task: targeted.task, model: choice.model, n: choice.n)
            }
            try report(result, for: targeted)
        }
    }

    /// Prints the result; with `--apply`, writes the best candidate into the file.
    func report(_ result: GenerationResult, for targeted: TargetedTask) throws {
        let (location, task) = (targeted.location, targeted.task)
        if json {
            print(try jsonString(result))
        } else {
            print(render(result, task: task))
        }
        if apply {
            guard !result.candidates.isEmpty else { throw CLIError("no candidate to apply") }
            // Never an incomplete candidate (cut off by max_tokens) or one that breaks the parse.
            guard let best = result.candidates.preferred, let rank = result.candidates.firstIndex(of: best) else {
                throw CLIError("every candidate is incomplete (cut off by max_tokens) or does not parse; nothing written "
                    + "(raise max_tokens, or copy one from the list above)")
            }
            let updated = replacing(task.insertion, in: targeted.text, with: best.text)
            try updated.write(toFile: location.absolutePath, atomically: true, encoding: .utf8)
            StandardStreams.writeError("docwright: wrote candidate \(rank + 1) into \(location.path)\n")
        }
    }

    func render(_ result: GenerationResult, task: GenerationTask) -> String {
        var lines: [String] = []
        let source = result.fromCache ? "from cache (first drawn in \(String(format2: result.latency)) s)"
            : "in \(String(format2: result.latency)) s, \(result.samplesDrawn) samples (\(result.strategy))"
        lines.append("docwright: \(result.candidates.count) candidates from \(result.modelName) [\(result.modelID)] \(source)")
        lines.append("route: \(result.rule)")
        if result.candidates.isEmpty {
            lines.append("(the model returned nothing usable; try --n 8 or a larger max_tokens)")
        }
        for (index, candidate) in result.candidates.enumerated() {
            lines.append("")
            lines.append("#\(index + 1)  score \(String(format2: candidate.score)) (\(candidate.method)) · \(candidate.evidenceSummary)"
                + (candidate.notes.isEmpty ? "" : " · " + candidate.notes.joined(separator: ", ")))
            lines.append(candidate.text)
        }
        return lines.joined(separator: "\n")
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `body`, with an error meant for people (`UserFacingError`) thrown as its one-line message.
func userFacing<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as any UserFacingError {
        throw CLIError(error.userMessage)
    }
}

func jsonString(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Replaces a (line, UTF-8 column) range in a text; lines end at \n, \r\n or \r as in LSP.
func replacing(_ range: SourceRange, in text: String, with replacement: String) -> String {
    let bytes = Array(text.utf8)
    func offset(_ position: SourcePosition) -> Int {
        var line = 0
        var index = 0
        while line < position.line, index < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                line += 1
            } else if bytes[index] == UInt8(ascii: "\n") {
                line += 1
            }
            index += 1
        }
        return min(index + position.utf8Column, bytes.count)
    }
    let start = offset(range.start)
    let end = max(start, offset(range.end))
    return String(decoding: bytes[..<start], as: UTF8.self) + replacement + String(decoding: bytes[end...], as: UTF8.self)
}
