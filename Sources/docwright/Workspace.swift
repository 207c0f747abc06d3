import ArgumentParser
import Config
import DocwrightCore
import Engine
import FoundationEssentials
import Logging
import ProjectContext

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
}

/// The options every command that runs the engine shares (generate, prompt, compare, doctor),
/// and their start-up in one place: logging first, then the engine rooted at the workspace, shut
/// down when the command is done.
struct EngineOptions: ParsableArguments {
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var logging: LoggingOptions

    /// Runs `body` with the engine for a command about `path` (nil: the current directory), its
    /// logs labelled `docwright.<command>`; the engine is shut down after.
    func withEngine<T>(_ command: String, about path: String?, _ body: (Engine) async throws -> T) async throws -> T {
        let logger = logging.bootstrap(label: "docwright.\(command)")
        let engine = try Engine.makeDefault(logger: logger, workspaceRoot: workspace.root(for: path))
        defer { engine.shutdown() }
        return try await body(engine)
    }

    /// A FILE:LINE command: runs `body` with the file as read, the engine, and the task at
    /// `target`, or throws a one-line error saying why there is none ("nothing to `verb` at …").
    /// Every configuration message (errors, the untrusted-file notice) is printed once on stderr.
    func withTask<T>(_ command: String, at target: String, verb: String,
                     _ body: (TargetedTask) async throws -> T) async throws -> T {
        let location = try SourceLocation(parsing: target)
        let text = try location.readText()
        return try await withEngine(command, about: location.absolutePath) { engine in
            for diagnostic in engine.config.diagnostics {
                printError("docwright: \(diagnostic.description)")
            }
            switch workspace.findTask(at: location, in: text, engine: engine) {
            case .task(let task):
                return try await body(TargetedTask(location: location, text: text, engine: engine, task: task))
            case .nothing(let reason):
                throw CLIError("nothing to \(verb) at \(target): \(reason)")
            }
        }
    }
}

/// What a FILE:LINE command works on: the file as read, the engine (workspace indexed), and the
/// task there.
struct TargetedTask {
    let location: SourceLocation
    let text: String
    let engine: Engine
    let task: GenerationTask
}

extension WorkspaceOptions {
    /// The task at `location` in `text`, or why there is none. Unless `--no-context`, the
    /// workspace is indexed first (as the server does in the background), so the prompt carries
    /// the same project context an editor's would.
    func findTask(at location: SourceLocation, in text: String, engine: Engine) -> TaskLookup {
        if !noContext { engine.openWorkspace(root: engine.config.workspaceRoot)?.buildNow() }
        return engine.findTask(text: text, language: languageID(forPath: location.path) ?? "plaintext",
                               position: location.sourcePosition(in: text), path: location.absolutePath)
    }
}

/// `--model` and `--n`: which model (instead of the route's) and how many samples.
struct ModelOptions: ParsableArguments {
    @Option(help: "Model name from the configuration (overrides routing).")
    var model: String?

    @Option(help: "Number of samples to draw.")
    var n: Int?
}

func printError(_ line: String) {
    StandardStreams.writeError(line + "\n")
}
