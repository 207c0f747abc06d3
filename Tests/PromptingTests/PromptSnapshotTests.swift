import DocwrightCore
import Prompting
import Testing

@Suite struct PromptSnapshotTests {
    let pythonTask = makeTask("python", #"""
import math

def area(r):
    """Area of a circle of radius r.

    >>> round(area(1), 2)
    3.14
    """
[[    pass
]]
def main():
    print(area(2))
"""#, signature: "def area(r):", doc: "Area of a circle of radius r.\n\n>>> round(area(1), 2)\n3.14",
        rawDoc: "\"\"\"Area of a circle of radius r.\n\n    >>> round(area(1), 2)\n    3.14\n    \"\"\"",
        indentation: "    ", imports: ["import math"], path: "geo.py")

    @Test func pythonCompletionEndsWhereTheBodyStarts() {
        let plan = PromptBuilder().plan(for: pythonTask, api: .completions)
        #expect(plan.prompt == .completion(#"""
import math

def area(r):
    """Area of a circle of radius r.

    >>> round(area(1), 2)
    3.14
    """

"""#))
        #expect(plan.stops == ["\ndef", "\nclass", "\nif", "\nprint", "\n#"])
        #expect(plan.extractCode == false)
    }

    @Test func pythonMethodStopsAtTheNextMethod() {
        let task = makeTask("python", "class A:\n    def f(self):\n        \"\"\"Doc.\"\"\"\n[[        ...\n]]",
                            signature: "def f(self):", doc: "Doc.", indentation: "        ")
        let plan = PromptBuilder().plan(for: task, api: .completions)
        #expect(plan.stops == ["\n    def ", "\n    @", "\ndef", "\nclass", "\nif", "\nprint", "\n#"])
    }

    @Test func braceCompletionOpensTheBody() {
        let task = makeTask("go", "package main\n\n// Max returns the larger value.\nfunc Max(a, b int) int {[[]]}\n",
                            signature: "func Max(a, b int) int", doc: "Max returns the larger value.",
                            rawDoc: "// Max returns the larger value.", indentation: "\t", unit: "\t")
        let plan = PromptBuilder().plan(for: task, api: .completions)
        #expect(plan.prompt == .completion("package main\n\n// Max returns the larger value.\nfunc Max(a, b int) int {\n"))
        #expect(plan.stops == ["\n}", "\nfunc "])
    }

    @Test func prototypeCompletionOpensABrace() {
        let task = makeTask("c", "/* Sum. */\nint add(int a, int b)[[;]]\n", shape: .function,
                            signature: "int add(int a, int b)", doc: "Sum.", rawDoc: "/* Sum. */",
                            indentation: "    ", closerPresent: false)
        let plan = PromptBuilder().plan(for: task, api: .completions)
        #expect(plan.prompt == .completion("/* Sum. */\nint add(int a, int b) {\n"))
        #expect(plan.stops == ["\n}"])
    }

    @Test func nextLinesStopAtABlankLine() {
        let task = makeTask("python", "import csv\n\n# sum column 3 of data.csv\n[[]]", shape: .nextLines, signature: "",
                            doc: "sum column 3 of data.csv", rawDoc: "# sum column 3 of data.csv", indentation: "")
        let plan = PromptBuilder().plan(for: task, api: .completions)
        #expect(plan.prompt == .completion("import csv\n\n# sum column 3 of data.csv\n"))
        #expect(plan.stops == ["\n\n", "\ndef ", "\nclass "])
    }

    @Test func budgetTrimsFromTheTopAndKeepsImportsAndTheDocstring() {
        var file = "import os\nimport sys\n\n"
        for index in 0..<200 { file += "def helper\(index)():\n    return \(index)\n\n" }
        file += "def target(x):\n    \"\"\"Doc.\"\"\"\n[[    pass\n]]"
        let task = makeTask("python", file, signature: "def target(x):", doc: "Doc.", rawDoc: "\"\"\"Doc.\"\"\"",
                            indentation: "    ", imports: ["import os", "import sys"])
        let plan = PromptBuilder(contextBudget: 120).plan(for: task, api: .completions)
        guard case .completion(let prompt) = plan.prompt else {
            Issue.record("expected a completion prompt")
            return
        }
        #expect(prompt.hasPrefix("import os\nimport sys\n\n"))
        #expect(prompt.hasSuffix("def helper199():\n    return 199\n\ndef target(x):\n    \"\"\"Doc.\"\"\"\n"))
        #expect(prompt.count <= 120 + "import os\nimport sys\n\n".count)
        #expect(!prompt.contains("helper0()"))

        // The signature and doc survive even a budget smaller than they are.
        let tiny = PromptBuilder(contextBudget: 5).plan(for: task, api: .completions)
        guard case .completion(let tinyPrompt) = tiny.prompt else { return }
        #expect(tinyPrompt.hasSuffix("def target(x):\n    \"\"\"Doc.\"\"\"\n"))
    }

    @Test func fillInTheMiddleBudgetsBothSides() {
        let plan = PromptBuilder(contextBudget: 80).plan(for: pythonTask, api: .fim)
        guard case .fillInMiddle(let prefix, let suffix) = plan.prompt else {
            Issue.record("expected a FIM prompt")
            return
        }
        #expect(prefix.hasSuffix("    3.14\n    \"\"\"\n"))
        #expect(suffix == "\ndef main():\n")
        #expect(plan.extractCode == false)
    }

    @Test func chatPromptSnapshot() {
        let plan = PromptBuilder().plan(for: pythonTask, api: .chat)
        #expect(plan.extractCode)
        #expect(plan.stops.isEmpty)
        guard case .chat(let messages) = plan.prompt else {
            Issue.record("expected chat messages")
            return
        }
        #expect(messages.map(\.role) == [.system, .user, .assistant, .user])
        #expect(messages[0].content == "You complete Python code. Reply with only the body of the function, without its "
                + "signature and documentation, as Python code in a single ```python block, with no explanation before "
                + "or after it. Indent with 4 spaces per level.")
        #expect(messages[2].content == "```python\n    return a + b\n```")
        #expect(messages[3].content == #"""
Here is the code (geo.py); the marker line `# <<< write here` shows where the new code goes:

```python
import math

def area(r):
    """Area of a circle of radius r.

    >>> round(area(1), 2)
    3.14
    """
    # <<< write here

def main():
    print(area(2))
```

Write the body of this Python function:

```python
def area(r):
```

It must do what its documentation says:

> Area of a circle of radius r.
>
> >>> round(area(1), 2)
> 3.14

Reply with only the body's lines (not the signature, not the documentation) in one ```python block.
"""#)
    }

    @Test func chatForNextLinesAndWholeFunctions() {
        let next = makeTask("rust", "fn main() {\n    // read stdin into a string\n[[]]}\n", shape: .nextLines, signature: "",
                            doc: "read stdin into a string", indentation: "    ")
        guard case .chat(let messages) = PromptBuilder().plan(for: next, api: .chat).prompt else { return }
        #expect(messages.count == 2)
        #expect(messages[0].content.contains("the lines that come right after the comment"))
        #expect(messages[1].content.contains("    // <<< write here\n}"))
        #expect(messages[1].content.contains("> read stdin into a string"))

        let whole = makeTask("typescript", "/** Debounces a function. */\n[[]]", shape: .function, signature: "",
                             doc: "Debounces a function.", indentation: "", unit: "  ", closerPresent: false)
        guard case .chat(let wholeMessages) = PromptBuilder().plan(for: whole, api: .chat).prompt else { return }
        #expect(wholeMessages[0].content.contains("the complete function (signature and body)"))
        #expect(wholeMessages[0].content.contains("```typescript"))
        #expect(wholeMessages[0].content.contains("Indent with 2 spaces per level."))
        #expect(wholeMessages[1].content.contains("complete TypeScript function"))
    }
}
