import FoundationEssentials
import Synchronization

/// Read access to a workspace's files by workspace-relative path (`/` separators, no leading
/// `/`): the disk, with open documents laid over it. Implementations return nil / false for
/// anything the user excluded, so nothing downstream can read such a file by accident.
public protocol WorkspaceFiles: Sendable {
    /// The text of a file, or nil when it is missing, excluded, not UTF-8 or too large.
    func text(of path: String) -> String?
    /// Whether a file (not a directory) exists and may be read.
    func isFile(_ path: String) -> Bool
    /// Whether a directory exists.
    func isDirectory(_ path: String) -> Bool
    /// The names (not paths) of the entries of a directory ("" is the root), sorted.
    func entries(of directory: String) -> [String]
}

/// Workspace-relative path helpers (pure string work: no file system).
public enum WorkspacePath {
    /// `a/b/c.py` → `a/b`; a top-level file → "".
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `a/b/c.py` → `c.py`.
    public static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Joins and normalises (`.` and `..` segments); nil when `..` climbs above the root.
    public static func join(_ directory: String, _ relative: String) -> String? {
        var parts = directory.split(separator: "/").map(String.init)
        for segment in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(segment))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Files held in memory (tests, and the corpus runner's workspaces).
public final class InMemoryWorkspaceFiles: WorkspaceFiles {
    private let files: Mutex<[String: String]>

    public init(_ files: [String: String] = [:]) {
        self.files = Mutex(files)
    }

    public func set(_ path: String, _ text: String?) {
        files.withLock { $0[path] = text }
    }

    public var paths: [String] { files.withLock { $0.keys.sorted() } }

    public func text(of path: String) -> String? { files.withLock { $0[path] } }

    public func isFile(_ path: String) -> Bool { files.withLock { $0[path] != nil } }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.isEmpty ? "" : path + "/"
        return files.withLock { $0.keys.contains { $0.hasPrefix(prefix) } }
    }

    public func entries(of directory: String) -> [String] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        var names: Set<String> = []
        for path in files.withLock({ Array($0.keys) }) where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            names.insert(String(rest.split(separator: "/").first ?? rest))
        }
        return names.sorted()
    }
}
