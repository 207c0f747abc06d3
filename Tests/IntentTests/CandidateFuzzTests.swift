import DocwrightCore
import Intent
import Prompting
import Ranking
import Syntax
import Testing

/// Replies made of other rows' code — cut mid-line, indented or not, fenced for chat, CRLF, cut
/// by `max_tokens` — placed at every task the intent tables find: the post-processor never traps,
/// the syntax check judges the same from the document's tree as from a fresh parse, and a
/// candidate it accepts leaves the file parsing.
@Suite("Replies placed at every table task")
struct CandidateFuzzTests {
    @Test func acceptedCandidatesParse() async {
        var random = SplitMix64(seed: 0x0BAD_F00D_1234_5678)
        func next() -> Int { Int(random.next() % UInt64(Int32.max)) }
        let checker = SyntaxChecker(externalCheckers: false)
        var accepted = 0
        for row in everyIntentCase {
            let (text, position) = locateCursor(row.source)
            let document = try? SyntaxParser().parse(text: text, language: row.language)
            guard case .task(let task) = IntentFinder.find(in: text, language: row.language, position: position, path: "t",
                                                           tree: { document }) else { continue }
            let donors = everyIntentCase.filter { $0.language == row.language }
            var candidates: [String] = []
            for round in 0..<30 {
                let donor = locateCursor(donors[next() % donors.count].source).text
                let lines = donor.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                var reply = lines[(next() % lines.count)...].prefix(1 + next() % 8).joined(separator: round % 5 == 0 ? "\r\n" : "\n")
                if round % 3 == 0 { reply = String(reply.prefix(next() % (reply.count + 1))) }
                if round % 4 == 1 { reply = task.indentation + reply }
                if round % 7 == 2 { reply = "```\(row.language)\n" + reply + "\n```\nThis code does it." }
                let plan = PromptBuilder().plan(for: task, api: round % 2 == 0 ? .completions : .chat)
                let sample = Sample(text: reply, tokens: nil, finishReason: round % 6 == 0 ? .length : .stop)
                if let result = Postprocessor.process(sample, plan: plan, task: task) {
                    #expect(result.keptUTF8Range.upperBound <= reply.utf8.count)
                    candidates.append(result.text)
                }
            }
            let fresh = await checker.verdicts(candidates: candidates, task: task).verdicts
            #expect(await checker.verdicts(candidates: candidates, task: task, document: document).verdicts == fresh,
                    "\(row.language): \(row.name)")
            guard document?.hasErrors == false else { continue }
            for (candidate, verdict) in zip(candidates, fresh) where verdict == true {
                accepted += 1
                let file = try? SyntaxParser().parse(text: task.prefix + candidate + task.suffix, language: row.language)
                #expect(file?.hasErrors == false, "accepted but does not parse: \(row.language): \(row.name)\n\(candidate)")
            }
        }
        #expect(accepted > 500, "the replies exercise the check")
    }
}
