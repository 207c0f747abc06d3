#if canImport(Glibc)
import Glibc

/// GNU extensions that Swift's Glibc module does not import (they need `_GNU_SOURCE`), looked up
/// at run time. Each has a portable fallback when the C library lacks it.
enum GlibcExtensions {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)  // RTLD_DEFAULT
    }

    private static let pipe2Function: Pipe2? = symbol("pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    private static let closeFromFunction: AddCloseFrom? =
        symbol("posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }

    /// A pipe whose both ends are close-on-exec (atomically with pipe2, else right after pipe).
    static func closeOnExecPipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        let ok = fds.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            if let pipe2Function { return pipe2Function(base, O_CLOEXEC) == 0 }
            guard pipe(base) == 0 else { return false }
            _ = fcntl(base[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(base[1], F_SETFD, FD_CLOEXEC)
            return true
        }
        return ok ? (fds[0], fds[1]) : nil
    }

    /// Closes every descriptor from `lowest` up in the child; without it we rely on close-on-exec.
    static func addCloseFrom(_ actions: inout posix_spawn_file_actions_t, lowest: Int32) {
        guard let closeFromFunction else { return }
        _ = closeFromFunction(&actions, lowest)
    }
}
#endif
