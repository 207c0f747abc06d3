import DocwrightCore
import FoundationEssentials

/// Where configuration files live and how paths in them are written.
public enum ConfigFiles {
    public static let projectFileName = ".docwright.toml"

    /// `$XDG_CONFIG_HOME/docwright/config.toml`, else `~/.config/docwright/config.toml`.
    static func userConfigPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return PathText.appending("docwright/config.toml", to: xdg)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return PathText.appending(".config/docwright/config.toml", to: home)
    }

    /// The nearest `.docwright.toml` in `workspaceRoot` or a parent, stopping after the
    /// filesystem root or the home directory (the home directory itself is searched).
    public static func findProjectFile(workspaceRoot: String?, environment: [String: String]) -> String? {
        guard let root = workspaceRoot.map(Glob.plainPath), root.hasPrefix("/") else { return nil }
        let home = environment["HOME"].map { PathText.standardized($0) }
        var directory = PathText.standardized(root)
        for _ in 0..<256 {  // bounded: paths are never this deep
            let candidate = PathText.appending(projectFileName, to: directory)
            var isDirectory = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory {
                return candidate
            }
            if directory == "/" || directory == home { return nil }
            let parent = PathText.parent(of: directory)
            if parent == directory || parent.isEmpty { return nil }
            directory = parent
        }
        return nil
    }

    /// The workspace root for a command-line run, found the way an editor finds it, so path rules
    /// (`privacy.exclude`, `disabled_paths`, route `path`s) mean the same from both: the nearest
    /// directory from `start` upward holding a `.docwright.toml` (not above `$HOME`), else the
    /// nearest version-control root (`.git`, `.hg`, `.svn`, `.jj`), else `currentDirectory`.
    public static func discoverWorkspaceRoot(from start: String, currentDirectory: String,
                                             environment: [String: String]) -> String {
        if let file = findProjectFile(workspaceRoot: start, environment: environment) {
            return PathText.parent(of: file)
        }
        var directory = PathText.standardized(Glob.plainPath(start))
        for _ in 0..<256 where directory.hasPrefix("/") {
            for marker in [".git", ".hg", ".svn", ".jj"]
            where FileManager.default.fileExists(atPath: PathText.appending(marker, to: directory)) {
                return directory
            }
            let parent = PathText.parent(of: directory)
            if parent == directory || parent.isEmpty { break }
            directory = parent
        }
        return currentDirectory
    }

    /// `~/x` → `$HOME/x`; a relative path is resolved against `relativeTo` when given.
    static func expand(_ path: String, environment: [String: String], relativeTo base: String?) -> String {
        let expanded = PathText.expandingTilde(path, home: environment["HOME"] ?? ProcessInfo.processInfo.environment["HOME"])
        if expanded != path { return expanded }  // a `~` path, and a home to put in its place
        if !path.hasPrefix("/"), let base = base.map(Glob.plainPath), base.hasPrefix("/") {
            return PathText.standardized(PathText.appending(path, to: base))
        }
        return path
    }

    /// The path with the home directory shown as `~`, for messages.
    public static func display(_ path: String, environment: [String: String]) -> String {
        guard let home = environment["HOME"], !home.isEmpty, home != "/" else { return path }
        let prefix = home.hasSuffix("/") ? home : home + "/"
        return path.hasPrefix(prefix) ? "~/" + path.dropFirst(prefix.count) : path
    }
}
