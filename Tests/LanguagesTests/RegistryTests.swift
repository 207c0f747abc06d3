import Foundation
import Languages
import Syntax
import Testing

@Suite("Languages registry")
struct RegistryTests {
    @Test("ids, aliases and extensions are unique; Syntax loads every id and alias with its entry's grammar")
    func consistent() {
        let ids = Languages.all.flatMap { [$0.id] + $0.aliases }
        #expect(Set(ids).count == ids.count)
        let extensions = Languages.all.flatMap(\.extensions)
        #expect(Set(extensions).count == extensions.count)
        for language in Languages.all {
            for id in [language.id] + language.aliases { #expect(Grammars.grammar(for: id) == language.grammar, "\(id)") }
            #expect(!language.fenceTags.isEmpty && !language.lexical.lineComments.isEmpty, "\(language.id)")
            #expect(Languages.named(language.id) == language)
            for ext in language.extensions { #expect(Languages.id(forPath: "dir/file." + ext) == language.id, "\(ext)") }
        }
        #expect(Languages.named("tsx")?.id == "typescriptreact")
        #expect(Languages.named("PYTHON")?.id == "python")
        #expect(Languages.id(forPath: "Makefile") == "makefile")
        #expect(Languages.id(forPath: "a/b/script.PHP") == "php")
        #expect(Languages.id(forPath: ".bashrc") == nil)
        #expect(Languages.isKnown("zig") && !Languages.isKnown("tsx") && !Languages.isKnown("plaintext"))
    }

    @Test("domain imports: the union over languages, each module once")
    func domainImports() {
        let dataML = Languages.domainImports("data-ml")
        #expect(Set(dataML).count == dataML.count)
        #expect(dataML.contains("numpy") && dataML.contains("@tensorflow/tfjs") && dataML.contains("candle_core"))
        #expect(Languages.domainImports("web").contains("net/http"))
        #expect(Languages.domainImports("tests").contains("org.junit"))
        #expect(Languages.domainImports("scripts").first == "argparse")
        #expect(Languages.domainImports("nothing").isEmpty)
    }

    /// One small source per language: an import, a documented function `add`, and a comment.
    static let samples: [String: String] = [
        "python": "import numpy as np\n\ndef add(a, b):\n    \"\"\"Return the sum.\"\"\"\n    # add them\n    return a + b\n",
        "javascript": "import x from 'lodash';\n/** Sum. */\nfunction add(a, b) {\n  // add them\n  return a + b;\n}\n",
        "javascriptreact": "import React from 'react';\n/** Sum. */\nfunction add(a, b) {\n  return <b>{a + b}</b>;\n}\n",
        "typescript": "import { x } from 'rxjs';\n/** Sum. */\nfunction add(a: number, b: number): number {\n  return a + b;\n}\n",
        "typescriptreact": "import React from 'react';\n/** Sum. */\nfunction add(a: number): JSX.Element {\n  return <b>{a}</b>;\n}\n",
        "go": "package main\n\nimport \"net/http\"\n\n// add returns the sum.\nfunc add(a, b int) int {\n\treturn a + b\n}\n",
        "rust": "use std::io;\n\n/// Sum.\nfn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n",
        "swift": "import Foundation\n\n/// Sum.\nfunc add(_ a: Int, _ b: Int) -> Int {\n    a + b\n}\n",
        "java": "import java.util.List;\n\nclass A {\n    /** Sum. */\n    static int add(int a, int b) {\n        return a + b;\n    }\n}\n",
        "kotlin": "import kotlin.math.max\n\n/** Sum. */\nfun add(a: Int, b: Int): Int {\n    return a + b\n}\n",
        "c": "#include <stdio.h>\n\n/* Sum. */\nstatic int add(int a, int b) {\n    return a + b;\n}\n",
        "cpp": "#include <vector>\n\n/// Sum.\nint add(int a, int b) {\n    return a + b;\n}\n",
        "csharp": "using System.Linq;\n\nclass A {\n    /// Sum.\n    static int add(int a, int b) {\n        return a + b;\n    }\n}\n",
        "ruby": "require 'json'\n\n# Sum.\ndef add(a, b)\n  a + b\nend\n",
        "lua": "local json = require(\"cjson\")\n\n--- Sum.\nfunction add(a, b)\n  return a + b\nend\n",
    ]

    @Test("every language's queries compile and find the sample's function, comment and import",
          arguments: Languages.all.map(\.id))
    func queries(_ id: String) throws {
        let language = try #require(Languages.named(id))
        let source = try #require(Self.samples[id])
        let tree = try SyntaxParser().parse(text: source, language: id)
        #expect(!tree.hasErrors, "sample of \(id) parses: \(tree.errors) \(tree.sExpression)")
        let queries = language.queries
        let functions = try tree.matches(of: SyntaxQuery(language: tree.language, source: queries.functions))
        let functionNames = functions.compactMap { $0["name"]?.text }
        #expect(functionNames.contains("add"), "\(id) functions: \(functionNames)")
        #expect(functions.contains { $0["function"] != nil })
        if !queries.closures.isEmpty {
            _ = try SyntaxQuery(language: tree.language, source: queries.closures)
        }
        let comments = try tree.captures(of: SyntaxQuery(language: tree.language, source: queries.comments))
        #expect(!comments.isEmpty, "\(id) comments")
        // Readers keep the outermost statement where patterns nest (Lua's `local x = require(…)`).
        let importNodes = try tree.matches(of: SyntaxQuery(language: tree.language, source: queries.imports)).compactMap { $0["import"] }
        let imports = importNodes.filter { node in
            !importNodes.contains { $0 != node && $0.byteRange.lowerBound <= node.byteRange.lowerBound
                && $0.byteRange.upperBound >= node.byteRange.upperBound }
        }
        #expect(imports.count == 1, "\(id) imports: \(imports.map(\.text))")
        let definitions = try tree.matches(of: SyntaxQuery(language: tree.language, source: queries.definitions))
        let definitionNames = definitions.compactMap { $0["name"]?.text }
        #expect(definitionNames.contains("add"), "\(id) definitions: \(definitionNames)")
        // ProjectContext's outline runs the imports and outline patterns as one query.
        let outline = try tree.matches(of: SyntaxQuery(language: tree.language, source: queries.imports + "\n" + queries.outline))
        #expect(outline.contains { $0["name"] != nil } && outline.contains { $0["body"] != nil } && outline.contains { $0["import"] != nil },
                "\(id) outline")
    }
}
