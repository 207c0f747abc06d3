import DocwrightCore
import Intent
import Foundation
@testable import Config

/// A throw-away home, XDG config dir and workspace for one test.
final class Sandbox {
    let root: String
    let home: String
    let workspace: String

    init() throws {
        root = NSTemporaryDirectory() + "docwright-config-\(UUID().uuidString)"
        home = root + "/home"
        workspace = home + "/projects/app"
        try FileManager.default.createDirectory(atPath: workspace + "/src", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home + "/xdg/docwright", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var environment: [String: String] { ["HOME": home, "XDG_CONFIG_HOME": home + "/xdg"] }
    var userFile: String { home + "/xdg/docwright/config.toml" }
    var projectFile: String { workspace + "/.docwright.toml" }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func store(extraEnvironment: [String: String] = [:]) -> ConfigStore {
        ConfigStore(environment: environment.merging(extraEnvironment) { $1 }, workspaceRoot: workspace)
    }
}

/// A task as Intent would build it, for routing tests: without `imports`, the statements Intent
/// reads from the text's syntax tree.
func makeTask(language: String, path: String? = nil, text: String = "", imports: [String]? = nil) -> GenerationTask {
    GenerationTask(
        language: language, shape: .body, signature: "def f():", docText: "Do it.", rawDoc: "\"\"\"Do it.\"\"\"",
        prefix: text, suffix: "", imports: imports ?? IntentFinder.imports(in: text, language: language),
        insertion: SourceRange(at: SourcePosition(line: 0, utf8Column: 0)), indentation: "    ", path: path)
}

/// Builds an effective config from one TOML text as the user file, without touching disk.
func loadConfig(fromTOML text: String, kind: LayerOrigin.Kind = .user, workspaceRoot: String? = "/ws",
            environment: [String: String] = ["HOME": "/home/u"]) -> (EffectiveConfig, [ConfigDiagnostic]) {
    let layer = ConfigParsing.layer(fromTOML: text, origin: LayerOrigin(kind: kind, display: "test.toml"))
    let result = EffectiveConfigBuilder.build(MergedConfig(layers: [layer]), environment: environment, workspaceRoot: workspaceRoot)
    return (result.config, layer.diagnostics + result.findings.map(\.diagnostic))
}
