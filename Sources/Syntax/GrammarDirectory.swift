import DocwrightCore
import FoundationEssentials

/// The directory holding the tree-sitter runtime and grammar libraries (filled by
/// `scripts/grammars install`), found the same way by debug, release and installed builds and by
/// the tests, whatever HOME and XDG say:
///
/// 1. `$DOCWRIGHT_GRAMMARS`, when set (and then only there: an explicit choice is never
///    silently replaced by another directory);
/// 2. `<directory of the executable>/../lib/docwright/grammars` — an installed binary
///    (`scripts/grammars install --prefix DIR` fills `DIR/lib/docwright/grammars`);
/// 3. `<ancestor of the executable>/.build-grammars` — a build inside a checkout
///    (`<checkout>/.build/debug/docwright`, the test bundle beside it).
///
/// A directory counts only when it holds `manifest`, which the script writes last.
public struct GrammarDirectory: Sendable, Equatable {
    public enum Origin: String, Sendable {
        case environment = "DOCWRIGHT_GRAMMARS"
        case installPrefix = "install prefix"
        case checkout = "checkout"
        case explicit = "explicit"
    }

    public static let environmentVariable = "DOCWRIGHT_GRAMMARS"
    public static let runtimeLibrary = "libtree-sitter.so"
    public static let manifestFile = "manifest"

    public let path: String
    public let origin: Origin

    public init(path: String, origin: Origin = .explicit) {
        self.path = path
        self.origin = origin
    }

    public var runtimePath: String { path + "/" + Self.runtimeLibrary }

    /// The versions `scripts/grammars` recorded (`tree-sitter` → `0.26.1`, …); empty when unreadable.
    public var versions: [String: String] {
        guard let text = try? String(contentsOfFile: path + "/" + Self.manifestFile, encoding: .utf8) else { return [:] }
        var versions: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { versions[String(parts[0])] = String(parts[1]) }
        }
        return versions
    }

    public func fileExists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + name)
    }

    static func isComplete(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + manifestFile)
    }

    /// Finds the directory, or throws `SyntaxError.grammarsNotFound` listing every place tried.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executablePath: String? = currentExecutablePath()) throws -> GrammarDirectory {
        if let chosen = environment[environmentVariable], !chosen.isEmpty {
            guard isComplete(chosen) else { throw SyntaxError.grammarsNotFound(searched: ["\(chosen) ($\(environmentVariable))"]) }
            return GrammarDirectory(path: chosen, origin: .environment)
        }
        let candidates = executablePath.map(candidates(forExecutable:)) ?? []
        if let found = candidates.first(where: { isComplete($0.path) }) { return found }
        throw SyntaxError.grammarsNotFound(searched: candidates.isEmpty ? ["(executable path unknown)"] : candidates.map(\.path))
    }

    /// Places tried for a binary at `executable` (a resolved path), in order.
    static func candidates(forExecutable executable: String) -> [GrammarDirectory] {
        var directory = PathText.parent(of: executable)
        var found = [GrammarDirectory(path: PathText.appending("lib/docwright/grammars", to: PathText.parent(of: directory)),
                                   origin: .installPrefix)]
        // `.build/<triple>/debug/docwright`, `.build/debug/docwright.xctest/...`: a few levels up.
        for _ in 0..<6 where directory != "/" && !directory.isEmpty {
            found.append(GrammarDirectory(path: PathText.appending(".build-grammars", to: directory), origin: .checkout))
            directory = PathText.parent(of: directory)
        }
        return found
    }

    /// The running binary's real path (symlinks resolved: `.build/debug` is a link).
    public static func currentExecutablePath() -> String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        guard let argument = CommandLine.arguments.first, !argument.isEmpty else { return nil }
        return URL(fileURLWithPath: argument).resolvingSymlinksInPath().path
    }
}
