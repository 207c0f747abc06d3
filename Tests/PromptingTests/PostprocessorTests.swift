import DocwrightCore
import Prompting
import Testing

@Suite struct PostprocessorTests {
    let builder = PromptBuilder()

    let pythonTask = makeTask("python", "def add(a, b):\n    \"\"\"Add.\"\"\"\n[[    pass\n]]\ndef main():\n    pass\n",
                              signature: "def add(a, b):", doc: "Add.", rawDoc: "\"\"\"Add.\"\"\"", indentation: "    ")

    @Test func trimsAtTheFirstStopAndKeepsExactlyTheBodyBytes() throws {
        let plan = builder.plan(for: pythonTask, api: .completions)
        let text = "    return a + b\n\ndef sub(a, b):\n    return a - b\n"
        let result = try #require(processed(text, plan, pythonTask))
        #expect(result.text == "    return a + b\n")
        #expect(result.keptUTF8Range == 0..<"    return a + b".utf8.count)
        #expect(applied(result.text, to: pythonTask)
                == "def add(a, b):\n    \"\"\"Add.\"\"\"\n    return a + b\n\ndef main():\n    pass\n")
    }

    @Test func cutsPythonBodiesAtTheFirstDedent() throws {
        let plan = PromptPlan(prompt: .completion(""), stops: [], extractCode: false)
        let text = "    total = 0\n    for x in (a,\nb):\n        total += x\n    s = \"\"\"\nnot a dedent\n\"\"\"\n    return total\nprint(add(1, 2))\n"
        let result = try #require(processed(text, plan, pythonTask))
        // The continuation line inside the parentheses is not a dedent; it is brought to the body's indentation.
        #expect(result.text == "    total = 0\n    for x in (a,\n    b):\n        total += x\n    s = \"\"\"\nnot a dedent\n\"\"\"\n    return total\n")
        #expect(keptText(result) == "    total = 0\n    for x in (a,\nb):\n        total += x\n    s = \"\"\"\nnot a dedent\n\"\"\"\n    return total")
    }

    @Test func balancesBracesAndDropsThePresentCloser() throws {
        let task = makeTask("go", "// Max.\nfunc Max(a, b int) int {\n[[]]}\n\nfunc main() {}\n", signature: "func Max(a, b int) int",
                            doc: "Max.", indentation: "\t", unit: "\t")
        let plan = PromptPlan(prompt: .completion(""), stops: [], extractCode: false)
        let text = "\tif a > b {\n\t\treturn a // \"}\"\n\t}\n\ts := \"}\"\n\t_ = s\n\treturn b\n}\n\nfunc main() {\n}\n"
        let result = try #require(processed(text, plan, task))
        #expect(result.text == "\tif a > b {\n\t\treturn a // \"}\"\n\t}\n\ts := \"}\"\n\t_ = s\n\treturn b\n")
        #expect(applied(result.text, to: task)
                == "// Max.\nfunc Max(a, b int) int {\n\tif a > b {\n\t\treturn a // \"}\"\n\t}\n\ts := \"}\"\n\t_ = s\n\treturn b\n}\n\nfunc main() {}\n")
    }

    @Test func sameLineBracesGetTheirOwnLines() throws {
        let task = makeTask("javascript", "/** Sum. */\nfunction sum(xs) {[[]]}\n", signature: "function sum(xs)", doc: "Sum.",
                            indentation: "  ", unit: "  ")
        let plan = builder.plan(for: task, api: .completions)
        let result = try #require(processed("  return xs.reduce((a, b) => a + b, 0);\n}\n", plan, task))
        #expect(result.text == "\n  return xs.reduce((a, b) => a + b, 0);\n")
        #expect(applied(result.text, to: task) == "/** Sum. */\nfunction sum(xs) {\n  return xs.reduce((a, b) => a + b, 0);\n}\n")

        let method = makeTask("java", "class A {\n    /** One. */\n    int one() {[[ ]]}\n}\n", signature: "int one()", doc: "One.",
                              indentation: "        ")
        let one = try #require(processed("return 1;", builder.plan(for: method, api: .completions), method))
        #expect(applied(one.text, to: method) == "class A {\n    /** One. */\n    int one() {\n        return 1;\n    }\n}\n")
    }

    @Test func missingCloserIsAddedAndPrototypesBecomeDefinitions() throws {
        let rust = makeTask("rust", "/// Doubles.\nfn double(x: i32) -> i32 {[[]]", signature: "fn double(x: i32) -> i32",
                            doc: "Doubles.", indentation: "    ", closerPresent: false)
        let doubled = try #require(processed("    x * 2\n}\n", builder.plan(for: rust, api: .completions), rust, checkKept: false))
        #expect(applied(doubled.text, to: rust) == "/// Doubles.\nfn double(x: i32) -> i32 {\n    x * 2\n}\n")
        #expect(keptText(doubled) == "    x * 2")

        let proto = makeTask("c", "/* Sum. */\nint add(int a, int b)[[;]]\n\nint main(void) { return 0; }\n", shape: .function,
                             signature: "int add(int a, int b)", doc: "Sum.", indentation: "    ", closerPresent: false)
        let defined = try #require(processed("    return a + b;\n}\n", builder.plan(for: proto, api: .completions), proto,
                                             checkKept: false))
        #expect(defined.text == " {\n    return a + b;\n}")
        #expect(applied(defined.text, to: proto) == "/* Sum. */\nint add(int a, int b) {\n    return a + b;\n}\n\nint main(void) { return 0; }\n")

        let ruby = makeTask("ruby", "# Doubles.\ndef double(x)\n[[]]\ndef other\nend\n", signature: "def double(x)",
                            doc: "Doubles.", indentation: "  ", unit: "  ", closerPresent: false)
        let rubyResult = try #require(processed("  x * 2\n\ndef other", builder.plan(for: ruby, api: .completions), ruby,
                                                checkKept: false))
        #expect(applied(rubyResult.text, to: ruby) == "# Doubles.\ndef double(x)\n  x * 2\nend\n\ndef other\nend\n")
    }

    @Test func endBalanceInRubyAndLua() throws {
        let ruby = makeTask("ruby", "# Sign.\ndef sign(x)\n[[]]end\n", signature: "def sign(x)", doc: "Sign.",
                            indentation: "  ", unit: "  ")
        let plan = PromptPlan(prompt: .completion(""), stops: [], extractCode: false)
        let text = "  if x > 0\n    1\n  else\n    [1, 2].each do |y|\n      y\n    end\n    -1\n  end\nend\n\ndef other\nend\n"
        let result = try #require(processed(text, plan, ruby))
        #expect(result.text == "  if x > 0\n    1\n  else\n    [1, 2].each do |y|\n      y\n    end\n    -1\n  end\n")

        let lua = makeTask("lua", "--- Sum of a list.\n[[]]", shape: .function, signature: "", doc: "Sum of a list.",
                           indentation: "", unit: "  ", closerPresent: false)
        let whole = "function sum(t)\n  local s = 0\n  for _, v in ipairs(t) do\n    s = s + v\n  end\n  return s\nend\nprint(sum({1}))\n"
        let luaResult = try #require(processed(whole, plan, lua))
        #expect(luaResult.text == "function sum(t)\n  local s = 0\n  for _, v in ipairs(t) do\n    s = s + v\n  end\n  return s\nend\n")
    }

    @Test func chatRepliesLoseFencesProseAndTheRepeatedSignature() throws {
        let plan = builder.plan(for: pythonTask, api: .chat)
        let reply = "Sure! Here is the implementation:\n\n```python\nimport operator\n\ndef add(a, b):\n    \"\"\"Add.\n\n    More.\n    \"\"\"\n    return operator.add(a, b)\n\nprint(add(1, 2))\n```\n\nThis adds the two numbers."
        let result = try #require(processed(reply, plan, pythonTask))
        #expect(result.text == "    return operator.add(a, b)\n")
        #expect(keptText(result) == "    return operator.add(a, b)")

        let bare = try #require(processed("Here is the body you asked for:\nreturn a + b\nHope this helps!", plan, pythonTask))
        #expect(bare.text == "    return a + b\n")

        let inline = try #require(processed("`return a + b`", plan, pythonTask))
        #expect(inline.text == "    return a + b\n")

        let js = makeTask("javascript", "/** Sum. */\nfunction add(a, b) {\n[[]]}\n", signature: "function add(a, b)", doc: "Sum.",
                          indentation: "    ", unit: "    ")
        let jsReply = "```js\n/** Sum. */\nfunction add(a, b) {\n  if (a === undefined) {\n    return b;\n  }\n  return a + b;\n}\n```"
        let jsResult = try #require(processed(jsReply, builder.plan(for: js, api: .chat), js))
        #expect(jsResult.text == "    if (a === undefined) {\n        return b;\n    }\n    return a + b;\n")

        let thinking = "<think>The user wants a sum.</think>\n```python\nreturn a + b\n```"
        #expect(try #require(processed(thinking, plan, pythonTask)).text == "    return a + b\n")

        // A repeated docstring alone is dropped too.
        let docAgain = try #require(processed("```python\n\"\"\"Add.\"\"\"\nreturn a + b\n```", plan, pythonTask))
        #expect(docAgain.text == "    return a + b\n")
    }

    @Test func reindentsTwoSpacesToFourAndSpacesToTabs() throws {
        let plan = PromptPlan(prompt: .completion(""), stops: [], extractCode: false)
        let two = try #require(processed("  if a:\n    return 1\n  return 2\n", plan, pythonTask))
        #expect(two.text == "    if a:\n        return 1\n    return 2\n")

        let go = makeTask("go", "// Max.\nfunc Max(a, b int) int {\n[[]]}\n", signature: "func Max(a, b int) int", doc: "Max.",
                          indentation: "\t", unit: "\t")
        let tabs = try #require(processed("    if a > b {\n        return a\n    }\n    return b\n}", plan, go))
        #expect(tabs.text == "\tif a > b {\n\t\treturn a\n\t}\n\treturn b\n")

        let nested = makeTask("python", "class A:\n    def f(self):\n        \"\"\"Doc.\"\"\"\n[[        pass\n]]",
                              signature: "def f(self):", doc: "Doc.", indentation: "        ", unit: "    ")
        let fromTabs = try #require(processed("\tfor x in self.xs:\n\t\tyield x\n", plan, nested))
        #expect(fromTabs.text == "        for x in self.xs:\n            yield x\n")
    }

    @Test func keepsTheFilesLineBreaks() throws {
        let task = makeTask("python", "def f(x):\r\n    \"\"\"Twice.\"\"\"\r\n[[    pass\r\n]]", signature: "def f(x):",
                            doc: "Twice.", indentation: "    ")
        let plan = builder.plan(for: task, api: .completions)
        let result = try #require(processed("    y = x * 2\n    return y\n", plan, task))
        #expect(result.text == "    y = x * 2\r\n    return y\r\n")
    }

    @Test func insertsAfterADocstringAtTheEndOfTheFile() throws {
        let task = makeTask("python", "def f(x):\n    \"\"\"Twice.\"\"\"[[]]", shape: .body, signature: "def f(x):",
                            doc: "Twice.", indentation: "    ")
        let plan = builder.plan(for: task, api: .completions)
        #expect(plan.prompt == .completion("def f(x):\n    \"\"\"Twice.\"\"\"\n"))
        let result = try #require(processed("    return 2 * x", plan, task))
        #expect(applied(result.text, to: task) == "def f(x):\n    \"\"\"Twice.\"\"\"\n    return 2 * x\n")
    }

    @Test func nextLinesStopAtTheBlockEnd() throws {
        let task = makeTask("rust", "fn main() {\n    // print the sum\n[[]]}\n", shape: .nextLines, signature: "",
                            doc: "print the sum", indentation: "    ")
        let plan = builder.plan(for: task, api: .completions)
        let result = try #require(processed("    let s: i32 = v.iter().sum();\n    println!(\"{}\", s);\n}\n", plan, task))
        #expect(result.text == "    let s: i32 = v.iter().sum();\n    println!(\"{}\", s);\n")

        let python = makeTask("python", "# sum column 3\n[[]]", shape: .nextLines, signature: "", doc: "sum column 3", indentation: "")
        let lines = try #require(processed("total = sum(r[2] for r in rows)\nprint(total)\n\nmore()\n",
                                           builder.plan(for: python, api: .completions), python))
        #expect(lines.text == "total = sum(r[2] for r in rows)\nprint(total)\n")
    }

    @Test func nextLinesBeforeExistingCodeDoNotRewriteIt() throws {
        let task = makeTask("javascript", "function total(items) {\n  let sum = 0;\n  // add every positive price\n[[]]  return sum;\n}\n",
                            shape: .nextLines, signature: "", doc: "add every positive price", indentation: "  ")
        let plan = builder.plan(for: task, api: .completions)
        let result = try #require(processed("  for (const item of items) {\n    if (item.price > 0) sum += item.price;\n  }\n  return sum;\n}\n",
                                            plan, task))
        #expect(contentLines(result.text) == ["for (const item of items) {", "if (item.price > 0) sum += item.price;", "}"])
        // Nothing but the echo: nothing usable.
        #expect(Postprocessor.process(sample("  return sum;\n"), plan: plan, task: task) == nil)
    }

    @Test func wholeFunctionsKeepTheirClosingBrace() throws {
        let task = makeTask("typescript", "/** Clamp x into [lo, hi]. */\n[[]]\nexport {};\n", shape: .function, signature: "",
                            doc: "Clamp x into [lo, hi].", indentation: "", unit: "  ", closerPresent: false)
        let plan = builder.plan(for: task, api: .completions)
        let text = "function clamp(x: number, lo: number, hi: number): number {\n  return Math.min(hi, Math.max(lo, x));\n}\nclamp(1, 2, 3);\n"
        let result = try #require(processed(text, plan, task))
        #expect(result.text == "function clamp(x: number, lo: number, hi: number): number {\n  return Math.min(hi, Math.max(lo, x));\n}\n")
    }

    @Test func nothingUsableGivesNil() {
        let plan = builder.plan(for: pythonTask, api: .completions)
        for text in ["", "\n\n   \n", "    pass\n", "    # TODO\n", "    raise NotImplementedError()\n", "\ndef other():\n"] {
            #expect(Postprocessor.process(sample(text), plan: plan, task: pythonTask) == nil, "\(text.debugDescription)")
        }
        let chat = builder.plan(for: pythonTask, api: .chat)
        #expect(Postprocessor.process(sample("I cannot help with that."), plan: chat, task: pythonTask) == nil)
        #expect(Postprocessor.process(sample("```python\n```"), plan: chat, task: pythonTask) == nil)
    }

    @Test func keptRangeMapsMultiByteText() throws {
        let plan = builder.plan(for: pythonTask, api: .chat)
        let reply = "Voilà — 😀 here:\n```python\n    return \"é😀\" * (a + b)\n```"
        let result = try #require(processed(reply, plan, pythonTask))
        #expect(keptText(result) == "    return \"é😀\" * (a + b)")
        #expect(result.text == "    return \"é😀\" * (a + b)\n")
        let bytes = Array(reply.utf8)
        #expect(result.keptUTF8Range.lowerBound == Array("Voilà — 😀 here:\n```python\n".utf8).count)
        #expect(result.keptUTF8Range.upperBound <= bytes.count)
    }
}

@Suite struct DocExamplesTests {
    @Test func extractsDoctestExamples() {
        let doc = """
        Add numbers.

        >>> add(1, 2)
        3
        >>> add(
        ...     "a", "b")
        'ab'
        >>> for x in range(2):
        ...     print(x)
        0
        1

        >>> add(0, 0)
        """
        let examples = DocExamples.extract(from: doc)
        #expect(examples == [
            DocExample(call: "add(1, 2)", expected: "3"),
            DocExample(call: "add(\n    \"a\", \"b\")", expected: "'ab'"),
            DocExample(call: "for x in range(2):\n    print(x)", expected: "0\n1"),
            DocExample(call: "add(0, 0)", expected: ""),
        ])
        #expect(DocExamples.extract(from: "No examples here.\nadd(1, 2) == 3").isEmpty)
        #expect(DocExamples.extract(from: "  >>> f()\n  {'a': 1}\n").first?.expected == "{'a': 1}")
    }
}

@Suite struct TruncationTests {
    @Test func samplesCutByTheTokenLimitLoseTheirUnfinishedLine() throws {
        let task = makeTask("go", "// Reverse.\nfunc Reverse(s string) string {\n[[]]}\n", signature: "func Reverse(s string) string",
                            doc: "Reverse.", indentation: "\t", unit: "\t")
        let plan = PromptBuilder().plan(for: task, api: .completions)
        let text = "\tr := []rune(s)\n\tfor i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {\n\t\tr[i], r[j] = r[j], r["
        let cut = try #require(Postprocessor.process(sample(text, finish: .length), plan: plan, task: task))
        #expect(cut.text == "\tr := []rune(s)\n\tfor i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {\n")
        let whole = try #require(Postprocessor.process(sample(text, finish: .stop), plan: plan, task: task))
        #expect(whole.text.hasSuffix("r[j], r[\n"))
        // A single unfinished line is all there is: kept (Ranking marks it truncated).
        let single = try #require(Postprocessor.process(sample("\treturn s", finish: .length), plan: plan, task: task))
        #expect(single.text == "\treturn s\n")
        #expect(cut.sample.finishReason == .length && single.sample.finishReason == .length)
    }

    @Test func codeThatEndedBeforeTheCutIsComplete() throws {
        // The model finished the body, went on with another function and was cut there: the
        // candidate is the body, complete (nothing to continue, nothing to label incomplete).
        let task = makeTask("python", "def double(x):\n    \"\"\"Return x times two.\"\"\"\n[[    pass\n]]", signature: "def double(x):",
                            doc: "Return x times two.", indentation: "    ")
        let plan = PromptBuilder().plan(for: task, api: .completions)
        let rambling = try #require(Postprocessor.process(sample("    return x * 2\n\n\ndef triple(x):\n    return x * 3\n\ndef qu",
                                                                 finish: .length), plan: plan, task: task))
        #expect(rambling.text == "    return x * 2\n" && rambling.sample.finishReason == .stop)
        // Cut on the line right after the body, as the next definition started.
        let justAfter = try #require(Postprocessor.process(sample("    return x * 2\ndef tr", finish: .length), plan: plan, task: task))
        #expect(justAfter.text == "    return x * 2\n" && justAfter.sample.finishReason == .stop)
        // Cut inside the body: still cut.
        let inside = try #require(Postprocessor.process(sample("    y = x * 2\n    retu", finish: .length), plan: plan, task: task))
        #expect(inside.text == "    y = x * 2\n" && inside.sample.finishReason == .length)
        // A chat reply whose code block closed before the cut.
        let chat = PromptBuilder().plan(for: task, api: .chat)
        let closed = try #require(Postprocessor.process(sample("```python\n    return x * 2\n```\nThis doubles x by multi",
                                                               finish: .length), plan: chat, task: task))
        #expect(closed.text == "    return x * 2\n" && closed.sample.finishReason == .stop)
        let open = try #require(Postprocessor.process(sample("```python\n    y = x * 2\n    return", finish: .length), plan: chat, task: task))
        #expect(open.sample.finishReason == .length)
    }
}

@Suite struct RepeatedCommentTests {
    @Test func repeatedCommentsAreDroppedForNextLinesAndWholeFunctions() throws {
        let next = makeTask("python", "rows = load()\n# sum the third column\n[[]]", shape: .nextLines, signature: "",
                            doc: "sum the third column", indentation: "")
        let chat = PromptBuilder().plan(for: next, api: .chat)
        let result = try #require(processed("```python\n# sum the third column\ntotal = sum(r[2] for r in rows)\n```", chat, next))
        #expect(result.text == "total = sum(r[2] for r in rows)\n")

        let whole = makeTask("typescript", "/** Debounces a function. */\n[[]]", shape: .function, signature: "",
                             doc: "Debounces a function.", indentation: "", unit: "  ", closerPresent: false)
        let reply = "```ts\n/**\n * Debounces a function.\n */\nexport function debounce(f: () => void, ms: number) {\n  let t: any;\n  return () => { clearTimeout(t); t = setTimeout(f, ms); };\n}\n```"
        let wholeResult = try #require(processed(reply, PromptBuilder().plan(for: whole, api: .chat), whole))
        #expect(wholeResult.text.hasPrefix("export function debounce("))
        #expect(wholeResult.text.hasSuffix("};\n}\n"))
    }
}

@Suite struct PostprocessorRobustnessTests {
    /// Random model output for every language, shape and API: no trap, ranges inside the text.
    @Test func randomOutputNeverTraps() {
        let alphabet = Array("{}()[]\"'`/\\*#-=;:\n\r\t  abcdef😀é<>@!$.,end def pass ```python\n\"\"\"")
        var random = SplitMix64(seed: 0x2545F4914F6CDD1D)
        func next() -> Int { Int(random.next() % UInt64(Int32.max)) }
        let languages = ["python", "javascript", "typescriptreact", "go", "rust", "swift", "java", "kotlin", "c", "cpp",
                         "csharp", "ruby", "lua", "unknown"]
        let shapes: [(GenerationTask.Shape, String, Bool)] = [
            (.body, "f(x)", true), (.function, "int f(int x)", false), (.function, "", false), (.nextLines, "", true),
        ]
        for round in 0..<400 {
            let language = languages[round % languages.count]
            let (shape, signature, closer) = shapes[next() % shapes.count]
            let task = makeTask(language, "head {\n  // doc\n[[x]]}\n", shape: shape, signature: signature, doc: "doc",
                                indentation: "  ", unit: round % 2 == 0 ? "  " : "\t", closerPresent: closer)
            let api = APIStyle.allCases[next() % APIStyle.allCases.count]
            let plan = PromptBuilder(contextBudget: next() % 100).plan(for: task, api: api)
            let text = String((0..<(next() % 200)).map { _ in alphabet[next() % alphabet.count] })
            if let result = Postprocessor.process(sample(text, finish: round % 3 == 0 ? .length : .stop), plan: plan, task: task) {
                #expect(result.keptUTF8Range.lowerBound >= 0 && result.keptUTF8Range.upperBound <= text.utf8.count)
                #expect(!result.text.isEmpty)
            }
        }
    }
}
