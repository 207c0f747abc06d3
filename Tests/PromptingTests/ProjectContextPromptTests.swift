import DocwrightCore
@testable import Prompting
import Testing

/// How each prompt shape carries the project context (`GenerationTask.context`), and the FIM
/// templates of known model families.
@Suite struct ProjectContextPromptTests {
    static let invoice = ContextSnippet(
        path: "billing/models.py", language: "python", text: "class Invoice:\n    lines: list[Line]\n",
        symbols: ["Invoice"], reason: .referenced, detail: "`Invoice` in the signature", line: 10)
    static let line = ContextSnippet(
        path: "billing/lines.py", language: "python", text: "class Line:\n    amount: int", symbols: ["Line"],
        reason: .mentioned, detail: "`Line` in `Invoice`", line: 3)
    static let currency = ContextSnippet(
        path: "billing/models.py", language: "python", text: "CURRENCY = \"EUR\"", symbols: ["CURRENCY"],
        reason: .sameFile, detail: "", line: 40)

    func pythonTask(context: [ContextSnippet]) -> GenerationTask {
        var task = makeTask("python", #"""
from billing.models import Invoice

def total(invoice: Invoice) -> int:
    """Sum of the invoice's line amounts."""
[[    pass
]]
"""#, signature: "def total(invoice: Invoice) -> int:", doc: "Sum of the invoice's line amounts.",
            rawDoc: "\"\"\"Sum of the invoice's line amounts.\"\"\"", indentation: "    ",
            imports: ["from billing.models import Invoice"], path: "billing/report.py")
        task.context = context
        return task
    }

    static let pythonFile = """
from billing.models import Invoice

def total(invoice: Invoice) -> int:
    \"\"\"Sum of the invoice's line amounts.\"\"\"

"""

    // MARK: completion

    @Test func pythonCompletionStartsWithACommentedBlockPerFileInOrder() {
        let plan = PromptBuilder().plan(for: pythonTask(context: [Self.invoice, Self.line, Self.currency]), api: .completions)
        // Snippets of one path are grouped under its header, paths in the order first given.
        #expect(plan.prompt == .completion("""
# Context from billing/models.py:
# class Invoice:
#     lines: list[Line]
#
# CURRENCY = "EUR"
# Context from billing/lines.py:
# class Line:
#     amount: int


""" + Self.pythonFile))
        // Still ends where the body starts, with the same stops as without context.
        #expect(plan.stops == PromptBuilder().plan(for: pythonTask(context: []), api: .completions).stops)
        #expect(PromptBuilder().plan(for: pythonTask(context: []), api: .completions).prompt == .completion(Self.pythonFile))
    }

    @Test func snippetsThatDoNotFitAreDroppedWholeLowestRankedFirst() {
        let task = pythonTask(context: [Self.invoice, Self.line, Self.currency])
        let first = "# Context from billing/models.py:\n# class Invoice:\n#     lines: list[Line]\n\n"
        // Room for the first snippet only (not the second): it is kept whole, the rest dropped.
        let plan = PromptBuilder(projectContextBudget: first.count + 10).plan(for: task, api: .completions)
        #expect(plan.prompt == .completion(first + Self.pythonFile))
        // No room at all: no block, the file as without context.
        let none = PromptBuilder(projectContextBudget: first.count - 1).plan(for: task, api: .completions)
        #expect(none.prompt == .completion(Self.pythonFile))
        // A lower ranked snippet that would fit is not kept in place of a higher ranked one.
        let big = ContextSnippet(path: "big.py", language: "python", text: String(repeating: "x = 1\n", count: 500),
                                 symbols: [], reason: .referenced, detail: "", line: 0)
        var blocked = task
        blocked.context = [big, Self.line]
        #expect(PromptBuilder(projectContextBudget: 1000).plan(for: blocked, api: .completions).prompt == .completion(Self.pythonFile))
    }

    @Test func braceCompletionCommentsWithSlashesAndStillOpensTheBody() {
        var task = makeTask("go", "package main\n\n// Max returns the larger value.\nfunc Max(a, b Num) Num {[[]]}\n",
                            signature: "func Max(a, b Num) Num", doc: "Max returns the larger value.",
                            rawDoc: "// Max returns the larger value.", indentation: "\t", unit: "\t", path: "max.go")
        task.context = [ContextSnippet(path: "num/num.go", language: "go", text: "type Num int\n\nfunc (n Num) Less(m Num) bool",
                                       symbols: ["Num"], reason: .referenced, detail: "", line: 2)]
        let plan = PromptBuilder().plan(for: task, api: .completions)
        #expect(plan.prompt == .completion("""
// Context from num/num.go:
// type Num int
//
// func (n Num) Less(m Num) bool

package main

// Max returns the larger value.
func Max(a, b Num) Num {

"""))
        #expect(plan.stops == ["\n}", "\nfunc "])
    }

    @Test func importsPutBackAfterTrimmingStayBelowTheContext() {
        let filler = (0..<40).map { "x\($0) = \($0)\n" }.joined()
        var task = makeTask("python", "import math\n" + filler + "def f():\n    \"\"\"Doc.\"\"\"\n[[    pass\n]]",
                            signature: "def f():", doc: "Doc.", rawDoc: "\"\"\"Doc.\"\"\"", indentation: "    ",
                            imports: ["import math"])
        task.context = [Self.line]
        let plan = PromptBuilder(contextBudget: 60).plan(for: task, api: .completions)
        guard case .completion(let text) = plan.prompt else { Issue.record("not a completion"); return }
        #expect(text.hasPrefix("# Context from billing/lines.py:\n# class Line:\n#     amount: int\n\nimport math\n\n"))
        #expect(text.hasSuffix("def f():\n    \"\"\"Doc.\"\"\"\n"))
    }

    // MARK: chat

    @Test func chatHasALabelledSectionOfFencedFilesBeforeTheCode() throws {
        let plan = PromptBuilder().plan(for: pythonTask(context: [Self.invoice, Self.line]), api: .chat)
        guard case .chat(let messages) = plan.prompt else { Issue.record("not chat"); return }
        // System, the worked example (user + assistant), then the request.
        #expect(messages.map(\.role) == [.system, .user, .assistant, .user])
        #expect(!messages[1].content.contains("Definitions from other files"))
        let request = try #require(messages.last?.content)
        #expect(request.hasPrefix("""
Definitions from other files of this project (use them; do not redefine them):

### billing/models.py

```python
class Invoice:
    lines: list[Line]
```

### billing/lines.py

```python
class Line:
    amount: int
```

Here is the code (billing/report.py)
"""))
        let without = PromptBuilder().plan(for: pythonTask(context: []), api: .chat)
        guard case .chat(let plain) = without.prompt else { return }
        #expect(!(plain.last?.content.contains("Definitions from other files") ?? true))
    }

    // MARK: FIM

    @Test func fimPlanCarriesTheContextBesideThePrefix() {
        let plan = PromptBuilder().plan(for: pythonTask(context: [Self.invoice, Self.line, Self.currency]), api: .fim)
        guard case .fillInMiddle(let prefix, _) = plan.prompt else { Issue.record("not FIM"); return }
        #expect(prefix == Self.pythonFile)
        #expect(plan.contextFiles == [
            PromptFile(filename: "billing/models.py", text: "class Invoice:\n    lines: list[Line]\n\nCURRENCY = \"EUR\"\n"),
            PromptFile(filename: "billing/lines.py", text: "class Line:\n    amount: int\n"),
        ])
        #expect(plan.contextPreamble.hasPrefix("# Context from billing/models.py:\n# class Invoice:\n"))
        #expect(plan.contextPreamble.hasSuffix("# Context from billing/lines.py:\n# class Line:\n#     amount: int\n\n"))
        let none = PromptBuilder().plan(for: pythonTask(context: []), api: .fim)
        #expect(none.contextFiles.isEmpty && none.contextPreamble.isEmpty)
    }

    @Test func templatedFIMPlanIsACompletionWithTheTemplateStops() {
        let task = pythonTask(context: [Self.line])
        let plain = PromptBuilder().plan(for: task, api: .fim)
        let plan = PromptBuilder().plan(for: task, api: .fim, fimTemplate: .qwen)
        guard case .fillInMiddle(let prefix, let suffix) = plain.prompt else { return }
        #expect(plan.prompt == .completion(FIMTemplate.qwen.render(
            prefix: prefix, suffix: suffix, contextFiles: plain.contextFiles, contextPreamble: plain.contextPreamble,
            path: "billing/report.py")))
        #expect(plan.stops == plain.stops + FIMTemplate.qwen.stops)
        #expect(plan.contextFiles.isEmpty && plan.contextPreamble.isEmpty)  // the text carries them
    }

    // MARK: templates

    static let files = [PromptFile(filename: "a/m.py", text: "class A:\n    x: int\n"),
                        PromptFile(filename: "b.py", text: "B = 1\n")]
    static let preamble = "# Context from a/m.py:\n# class A:\n#     x: int\n\n"

    @Test func templatesRenderExactlyWithoutContext() {
        let golden: [FIMTemplate: String] = [
            .qwen: "<|fim_prefix|>PRE<|fim_suffix|>SUF<|fim_middle|>",
            .deepseek: "<｜fim▁begin｜>PRE<｜fim▁hole｜>SUF<｜fim▁end｜>",
            .starcoder: "<fim_prefix>PRE<fim_suffix>SUF<fim_middle>",
            .codellama: "<PRE> PRE <SUF>SUF <MID>",
            .codestral: "[SUFFIX]SUF[PREFIX]PRE",
        ]
        for template in FIMTemplate.allCases {
            #expect(template.render(prefix: "PRE", suffix: "SUF", path: "c.py") == golden[template], "\(template)")
        }
        // The DeepSeek sentinels use full-width bars (U+FF5C) and U+2581, not ASCII.
        #expect(FIMTemplate.deepseek.stops.first.map { Array($0.unicodeScalars.prefix(2).map(\.value)) } == [0x3C, 0xFF5C])
    }

    @Test func templatesRenderExactlyWithContext() {
        func render(_ template: FIMTemplate) -> String {
            template.render(prefix: "PRE", suffix: "SUF", contextFiles: Self.files, contextPreamble: Self.preamble,
                            path: "c.py", repositoryName: "repo")
        }
        #expect(render(.qwen) == "<|repo_name|>repo\n<|file_sep|>a/m.py\nclass A:\n    x: int\n<|file_sep|>b.py\nB = 1\n"
            + "<|file_sep|>c.py\n<|fim_prefix|>PRE<|fim_suffix|>SUF<|fim_middle|>")
        #expect(render(.starcoder) == "<repo_name>repo<file_sep>a/m.py\nclass A:\n    x: int\n<file_sep>b.py\nB = 1\n"
            + "<file_sep><fim_prefix>c.py\nPRE<fim_suffix>SUF<fim_middle>")
        #expect(render(.deepseek) == "<｜fim▁begin｜># Context from a/m.py:\n# class A:\n#     x: int\n\nPRE<｜fim▁hole｜>SUF<｜fim▁end｜>")
        #expect(render(.codellama) == "<PRE> # Context from a/m.py:\n# class A:\n#     x: int\n\nPRE <SUF>SUF <MID>")
        #expect(render(.codestral) == "[SUFFIX]SUF[PREFIX]+++++ a/m.py\nclass A:\n    x: int\n\n+++++ b.py\nB = 1\n\n+++++ c.py\nPRE")
        // The default repository name is llama.cpp's.
        #expect(FIMTemplate.qwen.render(prefix: "", suffix: "", contextFiles: Self.files).hasPrefix("<|repo_name|>myproject\n"))
    }

    @Test(arguments: [
        ("Qwen/Qwen2.5-Coder-7B", FIMTemplate.qwen), ("qwen2.5-coder:1.5b-base", .qwen), ("QWEN2.5_CODER_3B", .qwen),
        ("Qwen/Qwen3-Coder-30B-A3B-Instruct", .qwen), ("deepseek-ai/deepseek-coder-6.7b-base", .deepseek),
        ("deepseek-coder-v2:16b", .deepseek), ("bigcode/starcoder2-15b", .starcoder), ("starcoder2:3b", .starcoder),
        ("codellama:7b-code", .codellama), ("meta/Code-Llama-13b", .codellama), ("codestral-latest", .codestral),
        ("mistralai/Codestral-22B-v0.1", .codestral),
    ] as [(String, FIMTemplate)])
    func detectsTheFamilyFromTheModelID(_ id: String, _ expected: FIMTemplate) {
        #expect(FIMTemplate.detect(modelID: id) == expected)
    }

    @Test func detectsNothingForOtherModels() {
        for id in ["gpt-4o", "gemma-3-270m", "llama3.2:3b", "Qwen/Qwen2.5-7B-Instruct", "deepseek-chat", "starcoder", ""] {
            #expect(FIMTemplate.detect(modelID: id) == nil, "\(id)")
        }
    }

    @Test func aLanguageWithOnlyBlockCommentsGetsABlockPerFile() {
        // No registry language lacks a line comment today; a traits value stands in for one.
        let traits = LanguageTraits(
            id: "blocky", family: .braces, displayName: "Blocky", fenceTag: "blocky", lineComment: "//",
            declarationWords: [],
            hasLineComment: false, blockComment: (open: "/*", close: "*/"), entry: nil)
        let files = [PromptFile(filename: "base.css", text: ".a { color: red } /* end */\n\n.b {}\n")]
        #expect(ProjectContextRendering.commentBlock(files, traits: traits)
            == "/* Context from base.css:\n.a { color: red } /* end * /\n\n.b {}\n*/\n\n")
        #expect(ProjectContextRendering.commentBlock([], traits: traits) == "")
    }
}
