import DocwrightCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The project files the user has trusted, kept in the user's data directory
/// (`$XDG_DATA_HOME/docwright/trusted.json`, else `~/.local/share/docwright/trusted.json`), as
/// direnv and mise keep their allow lists. An entry is a file's absolute path (as found, symlinks
/// not resolved) and the SHA-256 of its bytes: any edit to the file changes the digest, and the
/// trust lapses until the user trusts the new content.
///
/// The file is small and read on every configuration reload; writes replace it atomically with
/// mode 0600 so another user cannot add entries.
public struct TrustStore: Sendable {
    public struct Entry: Sendable, Hashable, Codable {
        public var path: String
        public var sha256: String
        /// ISO 8601, for `docwright trust --list`.
        public var trustedAt: String

        enum CodingKeys: String, CodingKey {
            case path, sha256
            case trustedAt = "trusted_at"
        }
    }

    private struct Document: Codable {
        var version = 1
        var files: [Entry] = []
    }

    /// Where the list lives; nil when neither `XDG_DATA_HOME` nor `HOME` is usable (then nothing
    /// is trusted and `trust` fails with a message).
    public let path: String?

    public init(environment: [String: String]) {
        path = Self.defaultPath(environment: environment)
    }

    public init(path: String?) {
        self.path = path
    }

    public static func defaultPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/docwright/trusted.json" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return PathText.appending(".local/share/docwright/trusted.json", to: home)
    }

    /// Every entry, sorted by path. An unreadable or corrupt list trusts nothing.
    public func entries() -> [Entry] {
        guard let path, let data = FileManager.default.contents(atPath: path),
              let document = try? JSONDecoder().decode(Document.self, from: data) else { return [] }
        return document.files.sorted { $0.path < $1.path }
    }

    /// Whether the file at `path` with these exact bytes is trusted.
    public func trust(ofFile path: String, contents: Data) -> ProjectTrust.State {
        let digest = Self.digest(contents)
        let recorded = entries().filter { $0.path == path }
        if recorded.contains(where: { $0.sha256 == digest }) { return .trusted }
        if let previous = recorded.first { return .changed(trustedAt: previous.trustedAt) }
        return .untrusted
    }

    /// Records the file's current content as trusted (replacing an older entry for the path).
    @discardableResult
    public func trust(file path: String, contents: Data, now: Date = Date()) throws -> Entry {
        let entry = Entry(path: path, sha256: Self.digest(contents), trustedAt: Self.timestamp(now))
        var files = entries().filter { $0.path != path }
        files.append(entry)
        try write(files)
        return entry
    }

    /// Forgets the file; false when it was not in the list.
    @discardableResult
    public func revoke(file path: String) throws -> Bool {
        let files = entries()
        let kept = files.filter { $0.path != path }
        guard kept.count != files.count else { return false }
        try write(kept)
        return true
    }

    static func digest(_ contents: Data) -> String { SHA256.hash(contents).hexString }

    private static func timestamp(_ date: Date) -> String {
        CivilTime.timestamp(date)
    }

    private func write(_ files: [Entry]) throws {
        guard let path else {
            throw TrustError("no data directory: set XDG_DATA_HOME or HOME to record trusted files")
        }
        let directory = PathText.parent(of: path)
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(Document(files: files.sorted { $0.path < $1.path }))
            let temporary = directory + "/.trusted.json.\(getpid()).tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw TrustError("cannot write \(temporary)")
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw TrustError("cannot replace \(path): \(reason)")
            }
        } catch let error as TrustError {
            throw error
        } catch {
            throw TrustError("cannot write \(path): \(ErrorText.describe(error))")
        }
    }
}

public struct TrustError: Error, UserFacingError, CustomStringConvertible {
    public var userMessage: String
    public var description: String { userMessage }
    init(_ message: String) { userMessage = message }
}

/// A file's identity as `stat` sees it: enough to notice that it changed without reading it.
struct FileStamp: Sendable, Hashable {
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int
    var inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}
