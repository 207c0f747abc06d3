import DocwrightCore
import Foundation
import Intent

/// A HumanEval problem turned into the task docwright would see in an editor: the prompt is a
/// Python file whose last function has only a docstring, and the cursor is on that docstring.
public struct HumanEvalTask: Sendable {
    public var problem: HumanEvalProblem
    /// The file the task was found in (the prompt, plus a `pass` stub when the finder needed one).
    public var file: String
    public var task: GenerationTask

    /// The file with `candidate` put over the task's insertion range.
    public func completedFile(with candidate: String) -> String {
        task.prefix + candidate + task.suffix
    }

    /// The program that tests `candidate` (file, the problem's tests, `check(entry_point)`).
    public func testProgram(for candidate: String) -> String {
        problem.testProgram(completedFile: completedFile(with: candidate))
    }
}

extension HumanEvalTask {
    /// Finds the task with `IntentFinder` at the entry point's docstring. Tries the prompt as
    /// shipped first (a def with only a docstring), then with a `pass` stub appended.
    public static func make(_ problem: HumanEvalProblem) throws -> HumanEvalTask {
        var reasons: [String] = []
        for file in [problem.prompt, stubbed(problem.prompt)] {
            guard let lines = candidateLines(of: problem.entryPoint, in: file) else {
                throw BenchError.badData("\(problem.taskID): no `def \(problem.entryPoint)(` in the prompt")
            }
            for line in lines {
                let position = SourcePosition(line: line, utf8Column: 0)
                switch IntentFinder.find(in: file, language: "python", position: position, path: "\(problem.entryPoint).py") {
                case .task(let task) where task.shape != .nextLines && task.signature.contains(problem.entryPoint):
                    return HumanEvalTask(problem: problem, file: file, task: task)
                case .task(let task):
                    reasons.append("line \(line + 1): a \(task.shape.rawValue) task for '\(task.signature)'")
                case .nothing(let reason):
                    reasons.append("line \(line + 1): \(reason)")
                }
            }
        }
        throw HumanEvalTaskError(taskID: problem.taskID, reasons: reasons)
    }

    /// Where an editor user would put the cursor: the entry point's first docstring line (after
    /// the signature's colon), then the `def` line, then the line after that.
    static func candidateLines(of entryPoint: String, in file: String) -> [Int]? {
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        guard let defLine = lines.lastIndex(where: { $0.hasPrefix("def \(entryPoint)(") }) else { return nil }
        var line = defLine
        while line < lines.count - 1, !lines[line].trimmingCharacters(in: .whitespaces).hasSuffix(":") {
            line += 1
        }
        var result: [Int] = []
        for candidate in [line + 1, defLine, line + 2] where candidate < lines.count && !result.contains(candidate) {
            result.append(candidate)
        }
        return result
    }

    /// The prompt with `    pass` after the docstring (trailing blank lines kept after it).
    static func stubbed(_ prompt: String) -> String {
        var body = Substring(prompt)
        var trailing = ""
        while let last = body.last, last == "\n" || last == " " {
            trailing.insert(last, at: trailing.startIndex)
            body = body.dropLast()
        }
        return String(body) + "\n    pass" + (trailing.contains("\n") ? trailing : "\n")
    }
}

/// docwright's Intent found no task for a problem (the benchmark counts the problem as failed).
public struct HumanEvalTaskError: Error, CustomStringConvertible {
    public var taskID: String
    public var reasons: [String]
    public var description: String {
        "\(taskID): docwright found no task at the entry point's docstring: " + reasons.joined(separator: "; ")
    }
}
