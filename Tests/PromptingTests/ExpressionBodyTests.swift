import DocwrightCore
import Prompting
import Syntax
import Testing

/// A stand-in expression body (`=> throw new NotImplementedException();`, `= TODO()`) is
/// replaced by a block: the prompt opens ` {`, the model writes the body and its `}`, and the
/// file parses after the insertion.
@Suite("Expression bodies become blocks")
struct ExpressionBodyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let language: String
        let file: String
        let signature: String
        let indentation: String
        let unit: String
        /// What the completion model writes after ` {` and a line break.
        let reply: String
        let expected: String
        var testDescription: String { language }
    }

    static let cases: [Case] = [
        Case(language: "csharp",
             file: "public class Calc {\n    /// <summary>Twice x.</summary>\n    public int Twice(int x)[[ => throw new NotImplementedException();]]\n\n    int Other() { return 0; }\n}\n",
             signature: "public int Twice(int x)", indentation: "        ", unit: "    ",
             reply: "        return x * 2;\n    }\n\n    int More() { return 1; }\n",
             expected: " {\n        return x * 2;\n    }"),
        Case(language: "kotlin",
             file: "class Box(val w: Int, val h: Int) {\n\t/** The area. */\n\tfun area(): Int[[ =\n\t\tTODO(\"not yet\")]]\n}\n",
             signature: "fun area(): Int", indentation: "\t\t", unit: "\t",
             reply: "\t\tval a = w * h\n\t\treturn a\n\t}\n}\n",
             expected: " {\n\t\tval a = w * h\n\t\treturn a\n\t}"),
    ]

    @Test(arguments: cases)
    func theStandInBecomesABlock(_ item: Case) throws {
        let task = makeTask(item.language, item.file, shape: .function, signature: item.signature, doc: "Text.",
                            indentation: item.indentation, unit: item.unit, closerPresent: false)
        let plan = PromptBuilder().plan(for: task, api: .completions)
        if case .completion(let prompt) = plan.prompt {
            #expect(prompt.hasSuffix(item.signature + " {\n"), "\(prompt)")
        } else {
            Issue.record("expected a completion prompt")
        }
        let result = try #require(Postprocessor.process(sample(item.reply), plan: plan, task: task))
        #expect(result.text == item.expected)
        let file = applied(result.text, to: task)
        #expect(!(try SyntaxParser().parse(text: file, language: item.language)).hasErrors, "\(file)")
    }
}
