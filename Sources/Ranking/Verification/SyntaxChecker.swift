import DocwrightCore
import Foundation

/// Checks that the file still parses with a candidate inserted, in the sandbox: Python by
/// compiling every source in one `python3` run (no code is executed), JavaScript with
/// `node --check` (when node is installed). Results are true (parses), false (does not) or nil
/// (language not supported, tool missing, or the file does not parse even with a neutral stub:
/// then the surrounding code is at fault and candidates are not judged).
public struct SyntaxChecker: Sendable {
    public var sandbox: Sandbox
    public var limits: SandboxLimits

    public init(sandbox: Sandbox = .shared,
                limits: SandboxLimits = SandboxLimits(wallSeconds: 10, cpuSeconds: 10, memoryBytes: nil)) {
        self.sandbox = sandbox
        self.limits = limits
    }

    public static func supports(language: String) -> Bool {
        ["python", "javascript"].contains(language.lowercased())
    }

    /// One verdict per candidate text, each checked as `task.prefix + text + task.suffix`.
    public func check(candidates texts: [String], task: GenerationTask) async -> [Bool?] {
        let language = task.language.lowercased()
        guard Self.supports(language: language), !texts.isEmpty else { return texts.map { _ in nil } }
        let stub = language == "python" ? task.indentation + "pass\n" : ""
        let baseline = task.prefix + stub + task.suffix
        let sources = [baseline] + texts.map { task.prefix + $0 + task.suffix }
        let verdicts = await check(sources: sources, language: language)
        guard verdicts.first == true else { return texts.map { _ in nil } }
        return Array(verdicts.dropFirst())
    }

    /// One verdict per complete source file.
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
        guard let data = try? JSONSerialization.data(withJSONObject: sources) else { return sources.map { _ in nil } }
        // `limits` leaves memory unbounded for node's V8; Python's compiler needs far less.
        var pythonLimits = limits
        pythonLimits.memoryBytes = pythonLimits.memoryBytes ?? (1 << 30)
        let result = await sandbox.run(executable: "python3", arguments: ["-I", "-B", "-c", Self.pythonChecker],
                                       stdin: String(decoding: data, as: UTF8.self), limits: pythonLimits)
        let verdicts = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
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
