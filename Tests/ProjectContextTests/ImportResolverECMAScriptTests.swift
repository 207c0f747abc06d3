import Languages
import ProjectContext
import Testing

@Suite struct ImportResolverECMAScriptTests {
    let files = [
        "src/billing/tax.ts", "src/billing/index.ts", "src/billing/invoice.tsx", "src/util/format.js",
        "src/util/legacy.cjs", "src/types.d.ts", "src/app.ts", "src/components/Button/index.tsx", "package.json",
        "src/esm/m.ts", "src/esm/main.ts",
    ]

    @Test func namedImportsWithRenames() {
        let resolved = resolveImport("import { tax_for, rate as r, type Rate } from \"./billing/tax\"", in: "src/app.ts",
                                     .typescript, files: files)
        #expect(resolved.count == 1)
        #expect(resolved[0].files == ["src/billing/tax.ts"])
        #expect(resolved[0].names == ["tax_for", "rate", "Rate"])
        #expect(resolved[0].localNames == ["r": "rate"])
    }

    @Test func defaultAndNamespaceImports() {
        let both = resolveImport("import Invoice, { Line } from './billing/invoice'", in: "src/app.ts", .typescript, files: files)
        #expect(both.first?.files == ["src/billing/invoice.tsx"])
        #expect(both.first?.names.sorted() == ["Invoice", "Line"])
        let namespace = resolveImport("import * as fmt from '../src/util/format'", in: "src/app.ts", .typescript, files: files)
        #expect(namespace.first?.files == ["src/util/format.js"])
        #expect(namespace.first?.aliases == ["fmt"])
        #expect(namespace.first?.names == [])
    }

    @Test func directoriesResolveToIndexFiles() {
        #expect(resolvedFiles("import { tax_for } from './billing'", in: "src/app.ts", .typescript, files: files)
            == ["src/billing/index.ts"])
        #expect(resolvedFiles("import Button from './components/Button'", in: "src/app.ts", .typescriptreact, files: files)
            == ["src/components/Button/index.tsx"])
        #expect(resolvedFiles("import x from '..'", in: "src/billing/tax.ts", .typescript, files: files + ["src/index.ts"])
            == ["src/index.ts"])
    }

    @Test func jsSpecifiersOfTypeScriptSources() {
        #expect(resolvedFiles("import { m } from './m.js'", in: "src/esm/main.ts", .typescript, files: files) == ["src/esm/m.ts"])
        #expect(resolvedFiles("import { f } from '../util/format.js'", in: "src/esm/main.ts", .typescript, files: files)
            == ["src/util/format.js"])
        #expect(resolvedFiles("import type { T } from './types'", in: "src/app.ts", .typescript, files: files) == ["src/types.d.ts"])
    }

    @Test func reExportsRequireAndDynamicImport() {
        let reexport = resolveImport("export { tax_for as taxFor } from './tax'", in: "src/billing/index.ts", .typescript, files: files)
        #expect(reexport.first?.files == ["src/billing/tax.ts"])
        #expect(reexport.first?.names == ["tax_for"])
        let star = resolveImport("export * from './tax'", in: "src/billing/index.ts", .typescript, files: files)
        #expect(star.first?.wildcard == true)
        #expect(star.first?.files == ["src/billing/tax.ts"])
        let required = resolveImport("const legacy = require('./util/legacy.cjs');", in: "src/app.js", .javascript, files: files)
        #expect(required.first?.files == ["src/util/legacy.cjs"])
        #expect(required.first?.aliases == ["legacy"])
        let destructured = resolveImport("const { format, pad: leftPad } = require(\"./util/format\")", in: "src/app.js",
                                         .javascript, files: files)
        #expect(destructured.first?.names == ["format", "pad"])
        #expect(destructured.first?.localNames == ["leftPad": "pad"])
        let importEquals = resolveImport("import tax = require('./billing/tax');", in: "src/app.ts", .typescript, files: files)
        #expect(importEquals.first?.files == ["src/billing/tax.ts"])
        #expect(importEquals.first?.aliases == ["tax"])
        #expect(resolvedFiles("const m = await import('./billing/tax')", in: "src/app.ts", .typescript, files: files)
            == ["src/billing/tax.ts"])
        #expect(resolvedFiles("import './util/format'", in: "src/app.ts", .typescript, files: files) == ["src/util/format.js"])
    }

    @Test func multiLineImport() {
        let statement = "import {\n  tax_for, // the main one\n  rate,\n} from './billing/tax';"
        let resolved = resolveImport(statement, in: "src/app.ts", .typescript, files: files)
        #expect(resolved.first?.names == ["tax_for", "rate"])
        #expect(resolved.first?.files == ["src/billing/tax.ts"])
    }

    @Test func atAliasMeansTheProjectSources() {
        #expect(resolvedFiles("import { tax_for } from '@/billing/tax'", in: "src/app.ts", .typescript, files: files)
            == ["src/billing/tax.ts"])
    }

    @Test func packagesHaveNoFiles() {
        let resolved = resolveImport("import React, { useState } from 'react'", in: "src/app.ts", .typescript, files: files)
        #expect(resolved.first?.files == [])
        #expect(resolved.first?.names.sorted() == ["React", "useState"])
        #expect(resolvedFiles("import x from '@scope/pkg/sub'", in: "src/app.ts", .typescript, files: files).isEmpty)
        #expect(resolvedFiles("import './missing'", in: "src/app.ts", .typescript, files: files).isEmpty)
        #expect(resolvedFiles("import styles from './app.css'", in: "src/app.ts", .typescript, files: files + ["src/app.css"])
            .isEmpty)
    }

    @Test func tsconfigPathsAndBaseUrl() {
        let config = """
            {
              // paths are relative to baseUrl
              "$schema": "https://json.schemastore.org/tsconfig",
              "compilerOptions": {
                "baseUrl": "./src",
                "paths": {
                  "@app/*": ["app/*", "legacy/*"],
                  "@shared": ["../shared/index.ts"],
                },
                "strict": true
              }
            }
            """
        let layout = ["web/src/app/cart.ts", "web/src/legacy/old.js", "web/shared/index.ts", "web/src/lib/money.ts",
                     "web/src/main.ts"]
        let texts = ["web/tsconfig.json": config]
        func resolved(_ specifier: String) -> [String] {
            resolvedFiles("import { x } from '\(specifier)'", in: "web/src/main.ts", .typescript, files: layout, texts: texts)
        }
        #expect(resolved("@app/cart") == ["web/src/app/cart.ts"])
        #expect(resolved("@app/old") == ["web/src/legacy/old.js"])
        #expect(resolved("@shared") == ["web/shared/index.ts"])
        #expect(resolved("lib/money") == ["web/src/lib/money.ts"])
        #expect(resolved("react").isEmpty)
        #expect(resolved("@app/missing").isEmpty)
    }
}
