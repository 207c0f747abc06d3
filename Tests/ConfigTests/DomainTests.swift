import DocwrightCore
import Testing
@testable import Config

@Suite struct DomainTests {
    let config = EffectiveConfig.defaults(environment: [:], workspaceRoot: "/ws")

    @Test(arguments: [
        ("python", "/ws/a.py", "import numpy as np\n", ["data-ml"]),
        ("python", "/ws/a.py", "from sklearn.linear_model import Ridge\n", ["data-ml"]),
        ("python", "/ws/a.py", "import os, torch.nn as nn\n", ["data-ml"]),
        ("python", "/ws/a.py", "from flask import Flask\n", ["web"]),
        ("python", "/ws/a.py", "import requests\n", []),
        ("typescript", "/ws/a.ts", "import { Component } from '@angular/core';\n", ["web"]),
        ("javascript", "/ws/a.js", "const express = require('express')\n", ["web"]),
        ("go", "/ws/srv.go", "package main\nimport (\n\t\"net/http\"\n)\n", ["web"]),
        ("typescriptreact", "/ws/App.tsx", "export const A = 1\n", ["web"]),
        ("python", "/ws/tests/test_x.py", "import pytest\n", ["tests"]),
        ("python", "/ws/pkg/test_x.py", "x = 1\n", ["tests"]),
        ("typescript", "/ws/a.spec.ts", "describe('x', () => {})\n", ["tests"]),
        ("go", "/ws/x_test.go", "package x\n", ["tests"]),
        ("python", "/ws/tool.py", "import argparse\n\nif __name__ == \"__main__\":\n    main()\n", ["scripts"]),
        ("python", "/ws/tool.py", "#!/usr/bin/env python3\nprint(1)\n", ["scripts"]),
        ("shellscript", "/ws/run.sh", "echo hi\n", ["scripts"]),
        // `import os` alone does not make a script.
        ("python", "/ws/lib.py", "import os\n\ndef f(): pass\n", []),
        ("python", "/ws/train_test.py", "import numpy\nimport pytest\n", ["data-ml", "tests"]),
    ])
    func builtInDetection(language: String, path: String, text: String, expected: [String]) {
        #expect(config.detectDomains(task: makeTask(language: language, path: path, text: text)) == expected)
    }

    @Test func largeFilesAreNotScripts() {
        let body = "import sys\n" + String(repeating: "x = 1\n", count: 400) + "if __name__ == '__main__':\n    pass\n"
        #expect(config.detectDomains(task: makeTask(language: "python", path: "/ws/big.py", text: body)) == [])
    }

    @Test func theTasksImportStatementsCountInTheirLanguagesForm() {
        #expect(config.detectDomains(task: makeTask(language: "python", imports: ["from pandas.core import frame"])) == ["data-ml"])
        #expect(config.detectDomains(task: makeTask(language: "go", imports: ["import (\n\tgin \"github.com/gin-gonic/gin\"\n)"])) == ["web"])
        #expect(config.detectDomains(task: makeTask(language: "java", imports: ["import static org.junit.Assert.assertEquals;"])) == ["tests"])
        #expect(config.detectDomains(task: makeTask(language: "python", imports: ["from .sklearn import x"])) == [], "a relative import is local")
    }

    @Test func userDomainsByImportRegexAndPath() throws {
        let toml = """
        [domains.infra]
        imports = ["boto3", "pulumi"]
        regex = ["^resource \\"aws_"]
        path = ["deploy/**"]

        [domains.data-ml]
        imports = "mylab"

        [[routes]]
        domain = "infra"
        model = "ollama"
        """
        let (config, diagnostics) = loadConfig(fromTOML: toml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.detectDomains(task: makeTask(language: "python", path: "/ws/a.py", text: "import boto3.s3\n")) == ["infra"])
        #expect(config.detectDomains(task: makeTask(language: "hcl", path: "/ws/main.tf", text: "resource \"aws_s3\" \"b\" {}\n")) == ["infra"])
        #expect(config.detectDomains(task: makeTask(language: "yaml", path: "/ws/deploy/x/a.yaml", text: "")) == ["infra"])
        #expect(config.detectDomains(task: makeTask(language: "python", path: "/ws/a.py", text: "import mylab\n")) == ["data-ml"])
        #expect(try config.route(for: makeTask(language: "python", path: "/ws/a.py", text: "import pulumi\n")).endpoint.name == "ollama")
    }

    @Test func unknownDomainInARouteWarns() throws {
        let (_, diagnostics) = loadConfig(fromTOML: "[[routes]]\ndomain = \"datasci\"\nmodel = \"local\"")
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.key == "routes[0].domain")
        #expect(warning.line == 2)
        #expect(warning.message.contains("data-ml"))
    }
}
