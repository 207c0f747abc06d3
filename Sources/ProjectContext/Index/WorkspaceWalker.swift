import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the index may read: which files, how big, how many.
public struct IndexLimits: Sendable, Hashable {
    /// Files beyond this many are not indexed (the walk stops and says so).
    public var maxFiles: Int
    /// Larger files (generated code, bundles, data) are not indexed.
    public var maxFileBytes: Int

    public init(maxFiles: Int = 20_000, maxFileBytes: Int = 512 * 1024) {
        self.maxFiles = maxFiles
        self.maxFileBytes = maxFileBytes
    }

    /// Directories no project's own source lives in: dependencies, build output, tool caches.
    /// Hidden directories (`.git`, `.venv`, …) are skipped as well.
    public static let skippedDirectories: Set<String> = [
        "node_modules", "bower_components", "target", "build", "dist", "out", "__pycache__", "venv", "env",
        "site-packages", "Pods", "Carthage", "DerivedData", "vendor", "third_party", "coverage",
    ]
}

/// Decides whether a workspace file may be read at all: `privacy.exclude`, `disabled_paths` and
/// `docwright: off` markers (the text is given when known). Called for every file the index
/// reads and again for every snippet before it is sent.
public typealias PathFilter = @Sendable (_ relativePath: String, _ text: String?) -> Bool

/// Lists a workspace's files, as git would show them: `.gitignore` files (nested ones too) are
/// honoured, hidden and dependency directories skipped, symbolic links not followed (a link out
/// of the workspace would index someone else's files).
struct WorkspaceWalker {
    let root: String
    let limits: IndexLimits
    let filter: PathFilter

    struct Listing {
        /// Every readable file (any kind: resolvers look for `go.mod`, `__init__.py`, …).
        var files: [String] = []
        var truncated = false
        var ignore = IgnoreRules()
    }

    func walk() -> Listing {
        var listing = Listing()
        var pending = [""]
        let manager = FileManager.default
        while let directory = pending.popLast() {
            let absolute = directory.isEmpty ? root : root + "/" + directory
            if let gitignore = try? String(contentsOfFile: absolute + "/.gitignore", encoding: .utf8) {
                listing.ignore.add(gitignore, in: directory)
            }
            guard let names = try? manager.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names.sorted().reversed() {
                let path = directory.isEmpty ? name : directory + "/" + name
                guard let kind = Self.kind(of: absolute + "/" + name) else { continue }
                switch kind {
                case .directory:
                    guard !name.hasPrefix("."), !IndexLimits.skippedDirectories.contains(name),
                          !listing.ignore.isIgnored(path, isDirectory: true) else { continue }
                    pending.append(path)
                case .file:
                    guard !listing.ignore.isIgnored(path, isDirectory: false), filter(path, nil) else { continue }
                    guard listing.files.count < limits.maxFiles else {
                        listing.truncated = true
                        return listing
                    }
                    listing.files.append(path)
                }
            }
        }
        return listing
    }

    enum Kind { case file, directory }

    /// Regular files and directories only, without following links.
    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return nil
        }
    }

    /// The size of a regular file, nil for anything else.
    static func size(of path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
