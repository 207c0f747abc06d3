import DocwrightCore
import Foundation
import Intent
import Languages
import Testing

let allIntentCases = pythonCases + javascriptCases + goCases + rustCases + swiftCases + javaCases + kotlinCases
    + csharpCases + cCases + cppCases + rubyCases + luaCases
/// Every table's rows (the trap tests mutate them all).
let everyIntentCase = allIntentCases + treeIntentCases + typedDeclarationCases + declarationShapeCases + standInCases
    + attributeOnSignatureLineCases + closureIntentCases + bannerCases

@Suite struct IntentGeneralTests {
    @Test func everyLanguageHasFivePositiveAndTwoNegativeCases() {
        for language in ["python", "javascript", "typescript", "go", "rust", "swift", "java", "kotlin", "csharp", "c", "cpp", "ruby", "lua"] {
            let rows = allIntentCases.filter { $0.language == language }
            let positive = rows.filter { if case .task = $0.expected { true } else { false } }
            #expect(positive.count >= 5, "\(language)")
            #expect(rows.count - positive.count >= 2, "\(language)")
        }
        let scriptRows = allIntentCases.filter { $0.language.hasPrefix("javascript") || $0.language.hasPrefix("typescript") }
        #expect(scriptRows.count >= 7)
    }

    @Test func crlfLineEndingsPython() throws {
        let text = "import os\r\n\r\ndef f(x):\r\n    \"\"\"Twice x.\"\"\"\r\n    pass\r\n\r\ndef g():\r\n    return 1\r\n"
        let task = try #require(requireTask(text, "python", SourcePosition(line: 3, utf8Column: 8)))
        #expect(task.insertion == SourceRange(start: SourcePosition(line: 4, utf8Column: 0),
                                              end: SourcePosition(line: 5, utf8Column: 0)))
        #expect(task.prefix == "import os\r\n\r\ndef f(x):\r\n    \"\"\"Twice x.\"\"\"\r\n")
        #expect(task.suffix == "\r\ndef g():\r\n    return 1\r\n")
        #expect(task.docText == "Twice x.")
        #expect(task.imports == ["import os"])
    }

    @Test func crlfLineEndingsBraces() throws {
        let text = "/**\r\n * Adds.\r\n */\r\nfunction add(a, b) {\r\n}\r\n"
        let task = try #require(requireTask(text, "javascript", SourcePosition(line: 1, utf8Column: 3)))
        #expect(mark(task.insertion, in: text) == "/**\r\n * Adds.\r\n */\r\nfunction add(a, b) {\r\n[[]]}\r\n")
        #expect(task.docText == "Adds.")
        #expect(task.rawDoc == "/**\r\n * Adds.\r\n */")
    }

    @Test func lonelyCarriageReturnsAreLineBreaks() throws {
        let text = "/// Doubles.\rfn double(x: i32) -> i32 {\r    todo!()\r}\r"
        let task = try #require(requireTask(text, "rust", SourcePosition(line: 2, utf8Column: 4)))
        #expect(task.insertion == SourceRange(start: SourcePosition(line: 2, utf8Column: 0),
                                              end: SourcePosition(line: 3, utf8Column: 0)))
        #expect(task.suffix == "}\r")
    }

    @Test func emojiBeforeTheCursorUsesUTF8Columns() throws {
        // "😀" is 4 UTF-8 bytes (2 UTF-16 units); the cursor sits after it on the docstring line.
        let text = "def smile(n):\n    \"\"\"Return 😀 n times.\"\"\"\n    pass\n"
        let column = "    \"\"\"Return 😀 n".utf8.count
        let task = try #require(requireTask(text, "python", SourcePosition(line: 1, utf8Column: column)))
        #expect(task.docText == "Return 😀 n times.")
        #expect(task.insertion.start == SourcePosition(line: 2, utf8Column: 0))

        let js = "/** Wraps in 🎁. */\nconst wrap = (s = \"🎁\") => {};\n"
        let jsTask = try #require(requireTask(js, "javascript", SourcePosition(line: 1, utf8Column: 20)))
        let braceColumn = "const wrap = (s = \"🎁\") => {".utf8.count
        #expect(jsTask.insertion == SourceRange(start: SourcePosition(line: 1, utf8Column: braceColumn),
                                                end: SourcePosition(line: 1, utf8Column: braceColumn)))
    }

    @Test func importsAndTheirModules() throws {
        func modules(_ task: GenerationTask) -> [String] {
            task.imports.flatMap { Languages.named(task.language)?.importForm.modules(in: $0) ?? [] }
        }
        let python = """
        import numpy as np
        import os, sys
        from pandas.core import frame
        from . import local
        from torch import (
            nn,
        )

        def f(x):
            \"\"\"Doc.\"\"\"
            pass
        """
        let task = try #require(requireTask(python, "python", SourcePosition(line: 9, utf8Column: 6)))
        #expect(task.imports == ["import numpy as np", "import os, sys", "from pandas.core import frame",
                                 "from . import local", "from torch import (\n    nn,\n)"])
        #expect(modules(task) == ["numpy", "os", "sys", "pandas.core", "torch"])

        let ts = "import React, { useState } from 'react';\nimport type { X } from \"@tanstack/query\";\nconst fs = require('node:fs');\nimport { a } from './local';\n\n/** Doc. */\nfunction f() {}\n"
        let tsTask = try #require(requireTask(ts, "typescriptreact", SourcePosition(line: 5, utf8Column: 4)))
        #expect(modules(tsTask) == ["react", "@tanstack/query", "fs"])

        let go = "import (\n\t\"fmt\"\n\tgin \"github.com/gin-gonic/gin\"\n)\n\n// F does.\nfunc F() {}\n"
        let goTask = try #require(requireTask(go, "go", SourcePosition(line: 5, utf8Column: 4)))
        #expect(modules(goTask) == ["fmt", "github.com/gin-gonic/gin"])

        let rust = "use std::io;\nuse serde::{Deserialize,\n    Serialize};\nuse crate::x;\n\n/// F.\nfn f() {}\n"
        let rustTask = try #require(requireTask(rust, "rust", SourcePosition(line: 5, utf8Column: 4)))
        #expect(modules(rustTask) == ["std", "serde"])
        #expect(rustTask.imports.count == 3)

        let c = "#include <stdio.h>\n#include \"opencv2/core.hpp\"\n\n/* F. */\nint f(void);\n"
        let cTask = try #require(requireTask(c, "cpp", SourcePosition(line: 3, utf8Column: 3)))
        #expect(modules(cTask) == ["stdio", "opencv2/core"])

        let java = "import org.springframework.web.bind.annotation.GetMapping;\nimport java.util.List;\n\nclass A {\n  /** F. */\n  void f() {}\n}\n"
        let javaTask = try #require(requireTask(java, "java", SourcePosition(line: 4, utf8Column: 6)))
        #expect(modules(javaTask) == ["org.springframework.web.bind.annotation.getmapping", "java.util.list"])

        let ruby = "require 'sinatra'\nrequire_relative 'helpers'\n\n# F.\ndef f\nend\n"
        let rubyTask = try #require(requireTask(ruby, "ruby", SourcePosition(line: 3, utf8Column: 2)))
        #expect(modules(rubyTask) == ["sinatra"])
        #expect(rubyTask.imports == ["require 'sinatra'", "require_relative 'helpers'"])

        let lua = "local json = require(\"dkjson\")\nlocal lapis = require \"lapis.application\"\n\n-- F.\nfunction f()\nend\n"
        let luaTask = try #require(requireTask(lua, "lua", SourcePosition(line: 3, utf8Column: 2)))
        #expect(modules(luaTask) == ["dkjson", "lapis.application"])

        let csharp = "using System.Linq;\nusing UnityEngine;\n\n/// F.\nvoid F() {}\n"
        let csTask = try #require(requireTask(csharp, "csharp", SourcePosition(line: 3, utf8Column: 2)))
        #expect(modules(csTask) == ["system.linq", "unityengine"])
    }

    @Test func indentUnitIsDetectedFromTheFile() throws {
        let twoSpaces = "class A:\n  def f(self):\n    \"\"\"Doc.\"\"\"\n    pass\n\n  def g(self):\n    return 1\n"
        let task = try #require(requireTask(twoSpaces, "python", SourcePosition(line: 2, utf8Column: 6)))
        #expect(task.indentUnit == "  ")
        #expect(task.indentation == "    ")

        let tabs = "class A {\n\tint g() {\n\t\treturn 1;\n\t}\n\t/** F. */\n\tint f() {}\n}\n"
        let tabTask = try #require(requireTask(tabs, "java", SourcePosition(line: 4, utf8Column: 4)))
        #expect(tabTask.indentUnit == "\t")
        #expect(tabTask.indentation == "\t\t")
    }

    /// Read around the cursor first; from the top of the file when nothing near it is indented.
    @Test func indentUnitFromTheCursorsNeighbourhoodThenTheTop() throws {
        let constants = (0..<400).map { "LIMIT_\($0) = \($0)" }.joined(separator: "\n")
        let top = "def helper(x):\n  if x:\n    return 1\n  return 2\n\n"
        let text = top + constants + "\n\n\n# Sum of the list.\n"
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 2
        let task = try #require(requireTask(text, "python", SourcePosition(line: line, utf8Column: 3)))
        #expect(task.indentUnit == "  ")
        // A part of the file in another style keeps its own.
        let mixed = top + constants + "\n\ndef g(x):\n    if x:\n        return 1\n    return 2\n\n\ndef f(x):\n    \"\"\"Doc.\"\"\"\n    pass\n"
        let docLine = mixed.split(separator: "\n", omittingEmptySubsequences: false).count - 3
        let mixedTask = try #require(requireTask(mixed, "python", SourcePosition(line: docLine, utf8Column: 6)))
        #expect(mixedTask.indentUnit == "    ")
    }

    @Test func prefixAndSuffixSurroundTheInsertion() throws {
        let text = "// Add.\nfunc Add(a, b int) int {\n\tpanic(\"TODO\")\n}\n\nfunc main() {}\n"
        let task = try #require(requireTask(text, "go", SourcePosition(line: 0, utf8Column: 3)))
        #expect(task.prefix == "// Add.\nfunc Add(a, b int) int {\n")
        #expect(task.suffix == "}\n\nfunc main() {}\n")
        #expect(task.rawDoc == "// Add.")
        #expect(task.path == nil)
    }

    @Test func unsupportedLanguageEmptyTextAndPositionsPastTheEnd() {
        if case .nothing(let reason) = IntentFinder.find(in: "x", language: "cobol", position: SourcePosition(line: 0, utf8Column: 0)) {
            #expect(reason.contains("cobol"))
        } else {
            Issue.record("cobol is not supported")
        }
        if case .nothing(let reason) = IntentFinder.find(in: "  \n\n", language: "python", position: SourcePosition(line: 5, utf8Column: 9)) {
            #expect(reason.contains("empty"))
        } else {
            Issue.record("empty text has nothing to generate")
        }
        // A line past the end means the last line: the cursor lands after the docstring.
        let text = "def f():\n    \"\"\"Doc.\"\"\"\n"
        let result = IntentFinder.find(in: text, language: "Python", position: SourcePosition(line: 99, utf8Column: 999),
                                       path: "/tmp/a.py")
        guard case .task(let task) = result else {
            Issue.record("expected a task, got \(result)")
            return
        }
        #expect(task.language == "python")
        #expect(task.path == "/tmp/a.py")
        #expect(task.insertion == SourceRange(at: SourcePosition(line: 2, utf8Column: 0)))
        _ = IntentFinder.find(in: text, language: "python", position: SourcePosition(line: -3, utf8Column: -1))
    }

    /// Every prefix of every table source, at several cursor lines: no trap, and any task's range
    /// lies inside the text with prefix + range + suffix == text.
    @Test func truncatedSourcesNeverTrap() {
        for row in everyIntentCase {
            let (text, position) = locateCursor(row.source)
            let bytes = Array(text.utf8)
            var cut = 0
            while cut <= bytes.count {
                let partial = String(decoding: bytes[..<cut], as: UTF8.self)
                for line in [0, position.line, position.line + 1, 1000] {
                    let result = IntentFinder.find(in: partial, language: row.language,
                                                   position: SourcePosition(line: line, utf8Column: position.utf8Column))
                    if case .task(let task) = result {
                        let range = byteRange(task, partial)
                        #expect(task.prefix.utf8.count + task.suffix.utf8.count <= partial.utf8.count)
                        #expect(task.prefix + String(decoding: Array(partial.utf8)[range], as: UTF8.self) + task.suffix == partial)
                    }
                }
                cut += 5
            }
        }
    }

    /// Every table source with one line deleted, doubled, or joined to the next (an attribute
    /// lands on its signature's line, a body on its `{` line, a comment on code), the cursor on
    /// every line: no trap, and any task's range is inside the text.
    @Test func lineMutationsNeverTrap() {
        for row in everyIntentCase {
            let (text, _) = locateCursor(row.source)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count <= 40 else { continue }
            for index in lines.indices {
                var mutants = [lines.enumerated().filter { $0.offset != index }.map(\.element),
                               Array(lines[...index]) + Array(lines[index...])]
                if index + 1 < lines.count {
                    mutants.append(Array(lines[..<index]) + [lines[index] + " " + lines[index + 1]] + Array(lines[(index + 2)...]))
                }
                for mutant in mutants {
                    let mutated = mutant.joined(separator: "\n")
                    for line in mutant.indices {
                        let result = IntentFinder.find(in: mutated, language: row.language,
                                                       position: SourcePosition(line: line, utf8Column: 0))
                        if case .task(let task) = result {
                            let range = byteRange(task, mutated)
                            #expect(task.prefix + String(decoding: Array(mutated.utf8)[range], as: UTF8.self) + task.suffix == mutated)
                        }
                    }
                }
            }
        }
    }

    @Test func randomTextNeverTraps() {
        let alphabet = Array("{}()[]\"'`/\\*#-=;:\n\r\t  abcdef😀é\u{0}<>@!$.,rb\"\"\"'''--[[]]")
        var random = SplitMix64(seed: 0x9E3779B97F4A7C15)
        func next() -> Int { Int(random.next() % UInt64(Int32.max)) }
        for round in 0..<300 {
            let length = next() % 300
            let text = String((0..<length).map { _ in alphabet[next() % alphabet.count] })
            let language = IntentFinder.supportedLanguages[round % IntentFinder.supportedLanguages.count]
            for line in [0, next() % 20, 500] {
                _ = IntentFinder.find(in: text, language: language, position: SourcePosition(line: line, utf8Column: next() % 50))
            }
        }
    }

    /// One linear pass plus a bounded window: a 30,000-line file is handled quickly even in debug builds.
    /// The syntax map is read around the cursor first and grows when a finder looks further: a
    /// 300-line block comment above a prototype, 500 lines down a large file, is read whole.
    @Test func finderReadsAsFarAsItLooks() throws {
        let filler = (0..<500).map { "int g\($0)(void) { return \($0); }" }.joined(separator: "\n")
        let comment = "/* Adds two numbers.\n" + (0..<300).map { " * detail \($0): x { y } \"q\"" }.joined(separator: "\n") + "\n */"
        let text = filler + "\n" + comment + "\nint add(int a, int b);\n"
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 2
        let task = try #require(requireTask(text, "c", SourcePosition(line: line, utf8Column: 4)))
        #expect(task.signature == "int add(int a, int b)")
        #expect(task.docText.hasPrefix("Adds two numbers."))
        #expect(task.docText.contains("detail 0:") && task.docText.contains("detail 299:"))
    }

    @Test(.timeLimit(.minutes(1))) func largeFilesStayFast() throws {
        var text = "import os\n"
        for index in 0..<10_000 {
            text += "def f\(index)(x):\n    return x + \(index)\n\n"
        }
        text += "def target(x):\n    \"\"\"Doc.\"\"\"\n    pass\n"
        let clock = ContinuousClock()
        let start = clock.now
        let task = try #require(requireTask(text, "python", SourcePosition(line: 30_002, utf8Column: 5)))
        let elapsed = clock.now - start
        #expect(task.signature == "def target(x):")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        // An unterminated block comment at the top of a huge file.
        let comment = "/*" + String(repeating: "x {\n", count: 30_000)
        _ = IntentFinder.find(in: comment, language: "c", position: SourcePosition(line: 15_000, utf8Column: 0))
    }
}
