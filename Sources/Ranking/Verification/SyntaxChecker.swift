import DocwrightCore
import FoundationEssentials
import JSON
import Languages
import Syntax

/// Whether the file still parses with a candidate inserted (`task.prefix + text + task.suffix`).
///
/// First with tree-sitter, in process, for every language with a grammar (`Languages`,
/// `Syntax`): the file is parsed once with a neutral stub in the candidate's place (`pass` in
/// indentation languages, nothing elsewhere) and once per candidate. A candidate is `true` when
/// its file parses without errors, `false` when it introduced errors (more than the stub's file,
/// or one touching the candidate where none touched the stub), nil otherwise (the surrounding code does not parse: it is at fault and the
/// candidate is not judged). Then, as optional extras (`externalCheckers`), in the sandbox:
/// Python by compiling every source in one `python3` run (no code is executed; catches
/// compile-time errors such as `return` outside a function), JavaScript with `node --check`
/// (when node is installed). A `false` from either judge is final.
public struct SyntaxChecker: Sendable {
    public var sandbox: Sandbox
    public var limits: SandboxLimits
    /// Run python3 / node after the tree (when installed).
    public var externalCheckers: Bool
    /// nil: no tree-sitter check.
    public var parsers: SyntaxParserQueue?

    public init(sandbox: Sandbox = .shared,
                limits: SandboxLimits = SandboxLimits(wallSeconds: 10, cpuSeconds: 10, memoryBytes: nil),
                externalCheckers: Bool = true, parsers: SyntaxParserQueue? = SyntaxChecker.sharedParsers) {
        self.sandbox = sandbox
        self.limits = limits
        self.externalCheckers = externalCheckers
        self.parsers = parsers
    }

    /// One parser queue for every ranking in the process (parses are short and serialised).
    public static let sharedParsers = SyntaxParserQueue(label: "docwright.ranking.syntax")

    /// Languages with an external checker.
    public static func supports(language: String) -> Bool {
        ["python", "javascript"].contains(language.lowercased())
    }

    /// Verdicts and, when the tree could not judge for a reason the user can fix (no grammar
    /// installed), that reason.
    public struct Verdicts: Sendable, Equatable {
        public var verdicts: [Bool?]
        public var problem: String?
    }

    /// One verdict per candidate text, each checked as `task.prefix + text + task.suffix`.
    public func check(candidates texts: [String], task: GenerationTask) async -> [Bool?] {
        await verdicts(candidates: texts, task: task).verdicts
    }

    public func verdicts(candidates texts: [String], task: GenerationTask) async -> Verdicts {
        guard !texts.isEmpty else { return Verdicts(verdicts: [], problem: nil) }
        let language = Languages.named(task.language)
        let stub = language?.blockStyle == .indentation ? task.indentation + "pass\n" : ""
        var result = Verdicts(verdicts: texts.map { _ in nil }, problem: nil)
        if let parsers, let language {
            do {
                result.verdicts = try await treeVerdicts(texts, task: task, stub: stub, language: language.id, parsers: parsers)
            } catch {
                if case .unsupportedLanguage = error {} else { result.problem = "no parse check: \(error)" }
            }
        }
        let external = task.language.lowercased()
        if externalCheckers, Self.supports(language: external), result.verdicts.contains(where: { $0 != false }) {
            let baseline = task.prefix + stub + task.suffix
            let sources = [baseline] + texts.map { task.prefix + $0 + task.suffix }
            let checked = await check(sources: sources, language: external)
            if checked.first == true {
                for (index, verdict) in checked.dropFirst().enumerated() where result.verdicts[index] != false {
                    if let verdict { result.verdicts[index] = verdict }
                }
            }
        }
        return result
    }

    /// true: no error; false: more errors than the stub's file, or an error touching the
    /// candidate where none touched the stub; nil: the surrounding code has errors of its own.
    private func treeVerdicts(_ texts: [String], task: GenerationTask, stub: String, language: String,
                              parsers: SyntaxParserQueue) async throws(SyntaxError) -> [Bool?] {
        let start = task.prefix.utf8.count
        let baseline = try await parsers.parse(text: task.prefix + stub + task.suffix, language: language).errorRanges
        let stubTouched = baseline.contains { Self.touches($0, start..<(start + stub.utf8.count)) }
        var verdicts: [Bool?] = []
        for text in texts {
            let errors = try await parsers.parse(text: task.prefix + text + task.suffix, language: language).errorRanges
            if errors.isEmpty {
                verdicts.append(true)
            } else if errors.count > baseline.count
                        || (!stubTouched && errors.contains { Self.touches($0, start..<(start + text.utf8.count)) }) {
                verdicts.append(false)
            } else {
                verdicts.append(nil)
            }
        }
        return verdicts
    }

    /// Whether an error range (possibly empty: a missing token) meets a region.
    private static func touches(_ error: Range<Int>, _ region: Range<Int>) -> Bool {
        error.lowerBound <= region.upperBound && error.upperBound >= region.lowerBound
    }

    /// One verdict per complete source file, from the external checker (python3, node).
    public func check(sources: [String], language: String) async -> [Bool?] {
        switch language.lowercased() {
        case "python": return await checkPython(sources)
        case "javascript": return await checkJavaScript(sources)
        default: return sources.map { _ in nil }
        }
    }

    private static let pythonChecker = """
        import json, sys
        verdicts = []
        for source in json.loads(sys.stdin.read()):
            try:
                compile(source, "<candidate>", "exec", dont_inherit=True)
                verdicts.append("T")
            except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError):
                verdicts.append("F")
        print("".join(verdicts))
        """

    private func checkPython(_ sources: [String]) async -> [Bool?] {
        let data = JSONValue.array(sources.map(JSONValue.string)).serializedBytes()
        // `limits` leaves memory unbounded for node's V8; Python's compiler needs far less.
        var pythonLimits = limits
        pythonLimits.memoryBytes = pythonLimits.memoryBytes ?? (1 << 30)
        let result = await sandbox.run(executable: "python3", arguments: ["-I", "-B", "-c", Self.pythonChecker],
                                       stdin: String(decoding: data, as: UTF8.self), limits: pythonLimits)
        let verdicts = result.stdout.trimmingWhitespace()
        guard result.succeeded, verdicts.count == sources.count else { return sources.map { _ in nil } }
        return verdicts.map { $0 == "T" }
    }

    private func checkJavaScript(_ sources: [String]) async -> [Bool?] {
        var verdicts: [Bool?] = []
        for source in sources {
            let isModule = source.split(separator: "\n").contains { line in
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                return trimmed.hasPrefix("import ") || trimmed.hasPrefix("export ")
            }
            let name = isModule ? "candidate.mjs" : "candidate.js"
            let result = await sandbox.run(executable: "node", arguments: ["--check", name],
                                           files: [name: source], limits: limits)
            if result.exitCode == 0 {
                verdicts.append(true)
            } else if result.exitCode == 1, result.stderr.contains("SyntaxError") {
                verdicts.append(false)
            } else {
                verdicts.append(nil)
            }
            // Once node is known to be missing, skip the rest.
            if result.exitCode == 127 { return sources.map { _ in nil } }
        }
        return verdicts
    }
}
