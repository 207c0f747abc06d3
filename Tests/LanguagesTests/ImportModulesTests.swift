import Languages
import Testing

/// The modules an import statement names, per import form: what routing by domain matches
/// against the domains' module lists (a module and everything inside it).
@Suite("Modules named by import statements")
struct ImportModulesTests {
    static let cases: [(Language.ImportForm, String, [String])] = [
        (.python, "import numpy as np, pandas", ["numpy", "pandas"]),
        (.python, "from scipy.stats import norm", ["scipy.stats"]),
        (.python, "from .local import x", []),
        (.python, "from torch import (\n    nn,\n)", ["torch"]),
        (.python, "import os.path", ["os.path"]),
        (.ecmascript, "import { x } from \"@scope/pkg\";", ["@scope/pkg"]),
        (.ecmascript, "const a = require('node:fs')", ["fs"]),
        (.ecmascript, "import R from 'next/router'", ["next/router"]),
        (.ecmascript, "import './styles.css'", []),
        (.go, "import (\n\t\"fmt\"\n\tgin \"github.com/gin-gonic/gin\"\n)", ["fmt", "github.com/gin-gonic/gin"]),
        (.rust, "use serde::{Deserialize,\n    Serialize};", ["serde"]),
        (.rust, "pub(crate) use actix_web::web;", ["actix_web"]),
        (.rust, "use crate::x;", []),
        (.rust, "mod tests;", []),
        (.rust, "extern crate rand;", ["rand"]),
        (.swift, "@testable import Vapor", ["vapor"]),
        (.jvm, "import java.util.List;", ["java.util.list"]),
        (.jvm, "import static org.junit.Assert.assertEquals;", ["org.junit.assert.assertequals"]),
        (.jvm, "import kotlinx.coroutines.flow.Flow as F", ["kotlinx.coroutines.flow.flow"]),
        (.include, "#include <stdio.h>", ["stdio"]),
        (.include, "#include \"opencv2/core.hpp\"", ["opencv2/core"]),
        (.include, "#include <boost/asio>", ["boost/asio"]),
        (.csharp, "global using static System.Math;", ["system.math"]),
        (.csharp, "using Json = System.Text.Json;", ["system.text.json"]),
        (.ruby, "require 'rails/all'", ["rails/all"]),
        (.ruby, "require_relative 'helpers'", []),
        (.lua, "local lapis = require \"lapis.application\"", ["lapis.application"]),
    ]

    @Test("each form", arguments: 0..<cases.count)
    func modules(_ index: Int) {
        let (form, statement, expected) = Self.cases[index]
        #expect(form.modules(in: statement) == expected, "\(statement)")
    }

    /// An import statement of `module` in the form's usual spelling.
    static func statement(importing module: String, _ form: Language.ImportForm) -> String {
        switch form {
        case .python: "import \(module)"
        case .ecmascript: "import x from '\(module)';"
        case .go: "import \"\(module)\""
        case .rust: "use \(module)::Thing;"
        case .swift: "import \(module)"
        case .jvm: "import \(module).Thing;"
        case .include: "#include <\(module).h>"
        case .csharp: "using \(module);"
        case .ruby: "require '\(module)'"
        case .lua: "local m = require(\"\(module)\")"
        }
    }

    @Test("every domain module of the registry is recognised in its language's statements")
    func domainListsMatchStatements() {
        for language in Languages.all {
            for (domain, modules) in language.domainImports {
                for module in modules {
                    let entry = module.lowercased()
                    let named = language.importForm.modules(in: Self.statement(importing: module, language.importForm))
                    #expect(named.contains { $0 == entry || $0.hasPrefix(entry + ".") || $0.hasPrefix(entry + "/") },
                            "\(language.id) \(domain): \(module) → \(named)")
                }
            }
        }
    }
}
