import ArgumentParser
import Config
import DocwrightCore
import Engine
import Foundation
import Logging

/// `--workspace DIR`: the root that path rules (`privacy.exclude`, `disabled_paths`, route
/// `path`s) are relative to. Without it the CLI finds the root as an editor would: the nearest
/// `.docwright.toml` from the file upward, else the version-control root, else the current directory.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "Workspace root (default: nearest .docwright.toml, else the VCS root, else the current directory).")
    var workspace: String?

    @Flag(name: .long, help: "Send only the file: no definitions from the rest of the workspace.")
    var noContext = false

    /// The root for a command about `path` (nil: about the current directory).
    func root(for path: String?) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if let workspace { return URL(fileURLWithPath: workspace).standardizedFileURL.path }
        let start = path.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().path } ?? cwd
        return ConfigFiles.discoverWorkspaceRoot(from: start, currentDirectory: cwd,
                                                 environment: ProcessInfo.processInfo.environment)
    }

    /// The engine for a CLI run, with every configuration message (errors, the untrusted-file
    /// notice) printed once on stderr.
    /// Unless `--no-context`, the workspace is indexed first (as the server does in the
    /// background), so the prompt carries the same project context an editor's would.
    func engine(for path: String?, logger: Logger) throws -> Engine {
        let root = root(for: path)
        let engine = try Engine.makeDefault(logger: logger, workspaceRoot: root)
        for diagnostic in engine.config.diagnostics {
            printError("docwright: \(diagnostic.description)")
        }
        if !noContext { engine.openWorkspace(root: root)?.buildNow() }
        return engine
    }
}

/// What a FILE:LINE command starts from: the file as read, the engine (workspace indexed), and
/// the task there.
struct TargetedTask {
    let location: SourceLocation
    let text: String
    let engine: Engine
    let task: GenerationTask

    var parts: (SourceLocation, Engine, GenerationTask) { (location, engine, task) }
}

extension WorkspaceOptions {
    /// The task at `target`, or a one-line error saying why there is none ("nothing to `verb` at …").
    /// The caller shuts the engine down.
    func task(at target: String, verb: String, logger: Logger) throws -> TargetedTask {
        let location = try SourceLocation(parsing: target)
        let text = try location.readText()
        let engine = try engine(for: location.absolutePath, logger: logger)
        switch engine.findTask(text: text, language: languageID(forPath: location.path) ?? "plaintext",
                               position: location.sourcePosition(in: text), path: location.absolutePath) {
        case .task(let task):
            return TargetedTask(location: location, text: text, engine: engine, task: task)
        case .nothing(let reason):
            engine.shutdown()
            throw CLIError("nothing to \(verb) at \(target): \(reason)")
        }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
