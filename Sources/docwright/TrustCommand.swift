import ArgumentParser
import Config
import DocwrightCore
import FoundationEssentials

/// `docwright trust [DIR]`, `--list`, `--revoke`: which project files may choose endpoints and
/// keys (see docs/security.md). Trust is recorded per file path and content digest in
/// `$XDG_DATA_HOME/docwright/trusted.json`; any edit to the file lapses it.
struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Allow a project's .docwright.toml to choose endpoints, keys and looser privacy.",
        discussion: """
            Until trusted, a project file cannot set base_url, provider, model ids, api_key_env, api_key_file,
            headers, prices, cache.dir or budget.daily_usd, nor turn privacy.redact off or verify/enabled on;
            everything else in it applies. Review the file first: this command shows what trusting it allows.
            Any later change to the file lapses the trust.
            """)

    @Argument(help: "A directory of the workspace (default: the current directory); its nearest .docwright.toml is meant.")
    var directory: String?

    @Flag(help: "List the trusted files and whether each still matches.")
    var list = false

    @Flag(help: "Forget the trust for the workspace's .docwright.toml.")
    var revoke = false

    func validate() throws {
        if list && (revoke || directory != nil) { throw ValidationError("--list takes no directory and no --revoke") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let store = TrustStore(environment: environment)
        if list { return printList(store, environment: environment) }
        let file = try projectFile(environment: environment)
        let shown = ConfigFiles.display(file, environment: environment)
        if revoke {
            guard try store.revoke(file: file) else {
                printError("docwright: \(shown) was not trusted")
                throw ExitCode.failure
            }
            print("no longer trusted: \(shown)")
            return
        }
        guard let contents = FileManager.default.contents(atPath: file) else {
            printError("docwright: cannot read \(shown)")
            throw ExitCode.failure
        }
        let review = TrustReview.review(projectFile: file, environment: environment)
        let entry = try store.trust(file: file, contents: contents)
        print("trusted: \(shown) (sha256 \(entry.sha256.prefix(16))…)")
        if review.settings.isEmpty {
            print("it sets nothing that needed trust")
        } else {
            print("it may now choose where code is sent, which key is used, or loosen privacy:")
            for setting in review.settings { print("  \(setting)") }
        }
        for error in review.errors { printError("docwright: \(error)") }
        print("any change to the file lapses this trust; `docwright trust --revoke` forgets it")
    }

    /// The `.docwright.toml` the workspace at `directory` uses (searched upward, as the server does).
    private func projectFile(environment: [String: String]) throws -> String {
        let start = URL(fileURLWithPath: directory ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: start, isDirectory: &isDirectory) else {
            printError("docwright: no such directory: \(directory ?? start)")
            throw ExitCode.failure
        }
        // A path to the file itself is accepted too.
        let from = isDirectory ? start : PathText.parent(of: start)
        guard let file = ConfigFiles.findProjectFile(workspaceRoot: from, environment: environment) else {
            printError("docwright: no \(ConfigFiles.projectFileName) in \(from) or its parents")
            throw ExitCode.failure
        }
        return file
    }

    private func printList(_ store: TrustStore, environment: [String: String]) {
        let entries = store.entries()
        guard !entries.isEmpty else {
            print("no trusted project files (\(store.path ?? "no data directory"))")
            return
        }
        for entry in entries {
            let state: String
            if let contents = FileManager.default.contents(atPath: entry.path) {
                state = store.trust(ofFile: entry.path, contents: contents) == .trusted ? "trusted" : "changed since trusted (not applied)"
            } else {
                state = "missing"
            }
            print("\(ConfigFiles.display(entry.path, environment: environment))  \(state)  since \(entry.trustedAt)")
        }
    }
}
