import DocwrightCore
import Foundation
import Testing
@testable import Config

/// The files in `examples/` must load without any diagnostic and do what their comments say.
@Suite struct ExampleFileTests {
    static let examples = SchemaDriftTests.repoRoot.appendingPathComponent("examples")

    static func load(_ name: String) throws -> (EffectiveConfig, [ConfigDiagnostic]) {
        let url = examples.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        let layer = name.hasSuffix(".json")
            ? ConfigParsing.layer(fromJSON: data, origin: .clientSettings)
            : ConfigParsing.layer(fromTOML: String(decoding: data, as: UTF8.self),
                                  origin: LayerOrigin(kind: name.hasPrefix("user") ? .user : .project, display: name))
        let built = EffectiveConfigBuilder.build(MergedConfig(layers: [layer]), environment: ["HOME": "/home/u"], workspaceRoot: "/ws")
        return (built.config, layer.diagnostics + built.findings.map(\.diagnostic))
    }

    @Test(arguments: ["data-science.docwright.toml", "python-data-vs-rest.docwright.toml", "local-only.docwright.toml",
                      "user-config.toml", "editor-settings.json"])
    func loadsCleanly(name: String) throws {
        let (_, diagnostics) = try Self.load(name)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test func everyExampleIsTested() throws {
        // Config examples only; examples/ also holds source files for `docwright generate`.
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).sorted()
            .filter { $0.hasSuffix(".toml") || $0.hasSuffix(".json") }
        #expect(files == ["data-science.docwright.toml", "editor-settings.json", "local-only.docwright.toml",
                          "python-data-vs-rest.docwright.toml", "user-config.toml"])
    }

    @Test func dataScienceFilesGoToOneModelAndTheRestToAnother() throws {
        let (config, _) = try Self.load("python-data-vs-rest.docwright.toml")
        let data = try config.route(for: makeTask(language: "python", path: "/ws/train.py", text: "import pandas as pd\n"))
        #expect(data.endpoint.model == "mistralai/mixtral-8x7b-instruct")
        #expect(data.rule == .route(index: 0, languages: ["python"], domains: ["data-ml"], paths: []))
        #expect(data.rule.description == "routes[0] (language=python, domain=data-ml)")
        for (language, path, text) in [("python", "/ws/app.py", "from flask import Flask\n"), ("go", "/ws/x.go", "package x\n"),
                                       ("javascript", "/ws/x.js", "import * as np from 'numjs'\n")] {
            let other = try config.route(for: makeTask(language: language, path: path, text: text))
            #expect(other.endpoint.model == "openai/gpt-5-mini")
            #expect(other.rule == .defaultModel)
        }
    }
}
