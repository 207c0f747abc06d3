import Languages
import ProjectContext
import Testing

@Suite struct ImportResolverPythonTests {
    let files = [
        "billing/__init__.py", "billing/models.py", "billing/tax/__init__.py", "billing/tax/rates.py",
        "billing/tax/vat.py", "billing/api/views.py", "billing/api/__init__.py", "scripts/run.py", "scripts/helper.py",
    ]

    @Test func importModuleBindsTheFirstSegmentOrTheAlias() {
        let plain = resolveImport("import billing.models", in: "scripts/run.py", .python, files: files)
        #expect(plain == [ResolvedImport(statement: "import billing.models", files: ["billing/models.py"], aliases: ["billing"])])
        let aliased = resolveImport("import billing.models as m, os", in: "scripts/run.py", .python, files: files)
        #expect(aliased.count == 2)
        #expect(aliased[0].files == ["billing/models.py"])
        #expect(aliased[0].aliases == ["m"])
        #expect(aliased[1].files.isEmpty)
        #expect(aliased[1].aliases == ["os"])
    }

    @Test func fromImportRecordsNamesAndRenames() {
        let resolved = resolveImport("from billing.models import Invoice, Line as L", in: "scripts/run.py", .python, files: files)
        #expect(resolved.count == 1)
        #expect(resolved[0].files == ["billing/models.py"])
        #expect(resolved[0].names == ["Invoice", "Line"])
        #expect(resolved[0].localNames == ["L": "Line"])
        #expect(resolved[0].importedName(forLocal: "L") == "Line")
        #expect(resolved[0].importedName(forLocal: "Invoice") == "Invoice")
    }

    @Test func parenthesisedMultiLineFromImport() {
        let statement = "from billing.models import (\n    Invoice,  # the bill\n    Line as L,\n)"
        let resolved = resolveImport(statement, in: "scripts/run.py", .python, files: files)
        #expect(resolved.first?.names == ["Invoice", "Line"])
        #expect(resolved.first?.localNames == ["L": "Line"])
    }

    @Test func packagesResolveToTheirInit() {
        let resolved = resolveImport("from billing.tax import compute", in: "scripts/run.py", .python, files: files)
        #expect(resolved.first?.files == ["billing/tax/__init__.py"])
        #expect(resolved.first?.names == ["compute"])
    }

    @Test func fromPackageImportSubmoduleGivesTheModuleFile() {
        let resolved = resolveImport("from billing.tax import rates, compute", in: "scripts/run.py", .python, files: files)
        #expect(resolved.count == 2)
        #expect(resolved[0].files == ["billing/tax/__init__.py"])
        #expect(resolved[0].names == ["compute"])
        #expect(resolved[1].files == ["billing/tax/rates.py"])
        #expect(resolved[1].aliases == ["rates"])
    }

    @Test func relativeImports() {
        let dot = resolveImport("from . import rates", in: "billing/tax/vat.py", .python, files: files)
        #expect(dot.map(\.files) == [["billing/tax/rates.py"]])
        #expect(dot.first?.aliases == ["rates"])
        let module = resolveImport("from .rates import STANDARD", in: "billing/tax/vat.py", .python, files: files)
        #expect(module.first?.files == ["billing/tax/rates.py"])
        #expect(module.first?.names == ["STANDARD"])
        let twoUp = resolveImport("from ..models import Invoice", in: "billing/tax/vat.py", .python, files: files)
        #expect(twoUp.first?.files == ["billing/models.py"])
        let twoUpPackage = resolveImport("from ..tax.rates import STANDARD as S", in: "billing/api/views.py", .python, files: files)
        #expect(twoUpPackage.first?.files == ["billing/tax/rates.py"])
        #expect(twoUpPackage.first?.localNames == ["S": "STANDARD"])
        let initOnly = resolveImport("from . import compute", in: "billing/tax/vat.py", .python, files: files)
        #expect(initOnly.first?.files == ["billing/tax/__init__.py"])
        #expect(initOnly.first?.names == ["compute"])
    }

    @Test func starImportIsAWildcard() {
        let resolved = resolveImport("from billing.models import *", in: "scripts/run.py", .python, files: files)
        #expect(resolved.first?.files == ["billing/models.py"])
        #expect(resolved.first?.wildcard == true)
        #expect(resolved.first?.names == [])
    }

    @Test func srcLayoutAndProjectDirectories() {
        let srcFiles = ["src/shop/__init__.py", "src/shop/cart.py", "tests/test_cart.py", "pyproject.toml"]
        #expect(resolvedFiles("from shop.cart import Cart", in: "tests/test_cart.py", .python, files: srcFiles) == ["src/shop/cart.py"])
        let mono = ["services/api/pyproject.toml", "services/api/src/api/handlers.py", "services/api/src/api/__init__.py",
                    "services/api/tests/test_handlers.py"]
        #expect(resolvedFiles("import api.handlers", in: "services/api/tests/test_handlers.py", .python, files: mono)
            == ["services/api/src/api/handlers.py"])
    }

    @Test func topPackageParentIsARoot() {
        let nested = ["backend/app/__init__.py", "backend/app/db.py", "backend/app/routes/__init__.py",
                      "backend/app/routes/users.py"]
        #expect(resolvedFiles("from app.db import session", in: "backend/app/routes/users.py", .python, files: nested)
            == ["backend/app/db.py"])
    }

    @Test func stubsAndScriptDirectories() {
        #expect(resolvedFiles("import fastmath", in: "main.py", .python, files: ["fastmath.pyi"]) == ["fastmath.pyi"])
        #expect(resolvedFiles("import helper", in: "scripts/run.py", .python, files: files) == ["scripts/helper.py"])
    }

    @Test func librariesHaveNoFiles() {
        let resolved = resolveImport("from collections import OrderedDict", in: "scripts/run.py", .python, files: files)
        #expect(resolved == [ResolvedImport(statement: "from collections import OrderedDict", files: [], names: ["OrderedDict"])])
        #expect(resolvedFiles("import numpy as np", in: "scripts/run.py", .python, files: files).isEmpty)
        #expect(resolvedFiles("from __future__ import annotations", in: "scripts/run.py", .python, files: files).isEmpty)
    }
}
