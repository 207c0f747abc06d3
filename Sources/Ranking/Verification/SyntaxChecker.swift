import DocwrightCore
import FoundationEssentials
import JSON
import Languages
import Syntax

/// Whether the file still parses with a candidate inserted (`task.prefix + text + task.suffix`).
///
/// First with tree-sitter, in process, for every language with a grammar (`Languages`,
/// `Syntax`): the file is parsed once with a neutral stub in the candidate's place (`pass` in
/// indentation languages, nothing elsewhere) and re-parsed incrementally from that tree with each
/// candidate in the stub's place. A candidate is `true` when
/// its file parses without errors, `false` when it introduced errors (more than the stub's file,
/// or one touching the candidate where none touched the stub), nil otherwise (the surrounding code does not parse: it is at fault and the
/// candidate is not judged). Then, as optional extras (`externalCheckers`), in the sandbox, on
/// the top-level statement around the insertion (the whole file without a tree): Python by
/// compiling every source in one `python3` run (no code is executed; catches compile-time errors
/// such as `return` outside a function), JavaScript with `node --check` (when node is installed;
/// a module when the file imports or exports). A `false` from either judge is final.
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

    /// Languages with an external checker (the registry's `externalCheck`).
    public static func supports(language: String) -> Bool {
        Languages.named(language.lowercased())?.externalCheck != nil
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

    /// `document`: the tree of the file the task was found in (`task.prefix`, what the insertion
    /// replaces, `task.suffix`), when the caller keeps one: the stub's file is then re-parsed from
    /// it incrementally instead of parsed whole.
    public func verdicts(candidates texts: [String], task: GenerationTask, document: SyntaxTree? = nil) async -> Verdicts {
        guard !texts.isEmpty else { return Verdicts(verdicts: [], problem: nil) }
        let language = Languages.named(task.language)
        let stub = language?.blockStyle == .indentation ? task.indentation + "pass\n" : ""
        var result = Verdicts(verdicts: texts.map { _ in nil }, problem: nil)
        // What an external checker reads around a candidate: the whole file, or with a tree, the
        // top-level statement the insertion sits in (compiling 10,000 lines per candidate is the
        // largest cost of a generation in a large file; a compile error is local to its statement).
        var before = task.prefix
        var after = task.suffix
        if let parsers, let language {
            do {
                let tree = try await treeVerdicts(texts, task: task, stub: stub, language: language.id, document: document,
                                                  parsers: parsers)
                result.verdicts = tree.verdicts
                let bytes = tree.baseline.utf8
                let stubRange = task.prefix.utf8.count..<(task.prefix.utf8.count + stub.utf8.count)
                let scope = Self.topLevelStatement(in: tree.baseline, around: stubRange)
                before = String(decoding: bytes[scope.lowerBound..<stubRange.lowerBound], as: UTF8.self)
                after = String(decoding: bytes[stubRange.upperBound..<scope.upperBound], as: UTF8.self)
            } catch {
                if case .unsupportedLanguage = error {} else { result.problem = "no parse check: \(error)" }
            }
        }
        let external = task.language.lowercased()
        if externalCheckers, Self.supports(language: external), result.verdicts.contains(where: { $0 != false }) {
            let sources = [before + stub + after] + texts.map { before + $0 + after }
            let checked = await check(sources: sources, language: external,
                                      module: Self.isModule(task.prefix) || Self.isModule(task.suffix))
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
    private func treeVerdicts(_ texts: [String], task: GenerationTask, stub: String, language: String, document: SyntaxTree?,
                              parsers: SyntaxParserQueue) async throws(SyntaxError) -> (verdicts: [Bool?], baseline: SyntaxTree) {
        let start = task.prefix.utf8.count
        let stubbed = task.prefix + stub + task.suffix
        let stubRange = start..<(start + stub.utf8.count)
        let baselineTree: SyntaxTree
        if let document, let edit = try Self.stubEdit(in: document, task: task, stub: stub, language: language) {
            baselineTree = try await parsers.reparse(document, applying: [edit], newText: stubbed)
        } else {
            baselineTree = try await parsers.parse(text: stubbed, language: language)
        }
        let baseline = baselineTree.errorRanges
        let stubTouched = baseline.contains { Self.touches($0, stubRange) }
        var verdicts: [Bool?] = []
        for text in texts {
            // The stub's file re-parsed with the candidate in the stub's place: tree-sitter re-reads
            // only around the insertion (a fresh parse of a large file per candidate costs tens of ms).
            let edit = try SyntaxEdit(replacing: stubRange, in: baselineTree.utf8, with: text.utf8)
            let errors = try await parsers.reparse(baselineTree, applying: [edit], newText: task.prefix + text + task.suffix).errorRanges
            if errors.isEmpty {
                verdicts.append(true)
            } else if errors.count > baseline.count
                        || (!stubTouched && errors.contains { Self.touches($0, start..<(start + text.utf8.count)) }) {
                verdicts.append(false)
            } else {
                verdicts.append(nil)
            }
        }
        return (verdicts, baselineTree)
    }

    /// The edit that turns `document` into the stub's file: what lies between `task.prefix` and
    /// `task.suffix` replaced by `stub`; nil when `document` is not of that file and language.
    static func stubEdit(in document: SyntaxTree, task: GenerationTask, stub: String, language: String)
        throws(SyntaxError) -> SyntaxEdit? {
        let bytes = document.utf8
        let prefix = task.prefix.utf8.count
        let suffix = task.suffix.utf8.count
        guard bytes.count >= prefix + suffix, (try? Grammars.shared.language(language)) == document.language,
              ByteSearch.equal(bytes[..<prefix], task.prefix),
              ByteSearch.equal(bytes[(bytes.count - suffix)...], task.suffix) else { return nil }
        return try SyntaxEdit(replacing: prefix..<(bytes.count - suffix), in: bytes, with: stub.utf8)
    }

    /// The top-level node around `range` (the stub: the node holds its code, trailing line
    /// breaks aside) joined with `range`; `range` itself between top-level nodes.
    static func topLevelStatement(in tree: SyntaxTree, around range: Range<Int>) -> Range<Int> {
        let bytes = tree.utf8
        var codeEnd = range.upperBound
        while codeEnd > range.lowerBound, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[codeEnd - 1]) { codeEnd -= 1 }
        var scope = range
        let root = tree.root
        root.walk(within: range.lowerBound..<codeEnd) { node in
            if node == root { return .descend }
            let nodeRange = node.byteRange
            if nodeRange.lowerBound <= range.lowerBound, nodeRange.upperBound >= codeEnd {
                scope = min(nodeRange.lowerBound, range.lowerBound)..<max(nodeRange.upperBound, range.upperBound)
            }
            return .stop
        }
        return scope
    }

    /// Whether an error range (possibly empty: a missing token) meets a region.
    private static func touches(_ error: Range<Int>, _ region: Range<Int>) -> Bool {
        error.lowerBound <= region.upperBound && error.upperBound >= region.lowerBound
    }

    /// One verdict per complete source file, from the external checker (python3, node).
    /// JavaScript is read as a module when `module` says so (nil: when the source imports or exports).
    public func check(sources: [String], language: String, module: Bool? = nil) async -> [Bool?] {
        switch Languages.named(language.lowercased())?.externalCheck {
        case .pythonCompile: return await checkPython(sources)
        case .nodeCheck: return await checkJavaScript(sources, module: module)
        case nil: return sources.map { _ in nil }
        }
    }

    /// An ES module: some line imports or exports.
    static func isModule(_ source: String) -> Bool {
        source.split(separator: "\n").contains { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.hasPrefix("import ") || trimmed.hasPrefix("export ")
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

    private func checkJavaScript(_ sources: [String], module: Bool?) async -> [Bool?] {
        var verdicts: [Bool?] = []
        for source in sources {
            let name = module ?? Self.isModule(source) ? "candidate.mjs" : "candidate.js"
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
