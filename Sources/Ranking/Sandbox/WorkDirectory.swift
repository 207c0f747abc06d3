import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The per-run temporary directory tree:
///
///     docwright-sbx-XXXXXX/   (0711, owned by us: traversable, not listable)
///       work/                 (0700, owned by the sandbox user: cwd, HOME, TMPDIR)
///       stage/                (files to copy into work/ at start, when work/ is a fresh tmpfs)
///       stdin                 (0600, owned by us: opened before privileges are dropped)
///
/// Removed afterwards without following symbolic links, whatever the sandboxed code did to
/// permissions inside it.
struct WorkDirectory {
    let base: String
    var work: String { base + "/work" }
    var stage: String { base + "/stage" }
    var stdin: String { base + "/stdin" }

    /// Creates the tree; `owner` (uid, gid) gets `work/` and the staged files when we run as root.
    static func create(owner: (uid: uid_t, gid: gid_t)?, stdinText: String, files: [String: String]) -> Result<WorkDirectory, SandboxSetupError> {
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((temporary + "/docwright-sbx-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkdtemp($0) } ?? nil }
        guard created != nil else { return .failure(SandboxSetupError("cannot create a temporary directory in \(temporary)")) }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let directory = WorkDirectory(base: path)
        chmod(directory.base, 0o711)
        guard mkdir(directory.work, 0o700) == 0, mkdir(directory.stage, 0o700) == 0 else {
            directory.remove()
            return .failure(SandboxSetupError("cannot create the sandbox working directory"))
        }
        guard write(stdinText, to: directory.stdin, mode: 0o600) else {
            directory.remove()
            return .failure(SandboxSetupError("cannot write the sandbox input"))
        }
        for (name, content) in files {
            guard isPlainFileName(name), write(content, to: directory.stage + "/" + name, mode: 0o644) else {
                directory.remove()
                return .failure(SandboxSetupError("cannot stage file '\(name)' (plain names only)"))
            }
            if let owner { chown(directory.stage + "/" + name, owner.uid, owner.gid) }
        }
        if let owner {
            chown(directory.work, owner.uid, owner.gid)
            chown(directory.stage, owner.uid, owner.gid)
        }
        return .success(directory)
    }

    func remove() {
        Self.removeTree(base)
    }

    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    private static func write(_ text: String, to path: String, mode: mode_t) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Recursive delete that never follows symlinks, copes with names that are not UTF-8, and
    /// restores owner permissions on directories first (a hostile program may `chmod 000` them).
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            unlink(path)
            return
        }
        chmod(path, 0o700)
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd >= 0 {
            emptyDirectory(fd, depth: 0)
            close(fd)
        }
        rmdir(path)
    }

    /// Removes everything inside the open directory `fd`; depth-bounded against pathological trees.
    private static func emptyDirectory(_ fd: Int32, depth: Int) {
        guard depth < 256 else { return }
        let listing = dup(fd)
        guard listing >= 0, let dir = fdopendir(listing) else { return }
        var names: [[CChar]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 }).map { CChar(bitPattern: $0) } + [0]
            }
            if name != [46, 0] && name != [46, 46, 0] { names.append(name) }
        }
        closedir(dir)
        for name in names {
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                fchmodat(fd, name, 0o700, 0)
                let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 {
                    emptyDirectory(child, depth: depth + 1)
                    close(child)
                }
                unlinkat(fd, name, AT_REMOVEDIR)
            } else {
                unlinkat(fd, name, 0)
            }
        }
    }
}

/// The sandbox could not be prepared (no temp dir, unwritable input file).
struct SandboxSetupError: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
