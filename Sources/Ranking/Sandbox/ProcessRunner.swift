import DocwrightCore
import FoundationEssentials
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What to spawn: a fully built argv (wrappers included), environment, stdin file, limits the
/// parent enforces itself (wall time, output cap).
struct SpawnRequest: Sendable {
    var argv: [String]
    var environment: [String: String]
    /// File opened as the child's stdin (nil: /dev/null).
    var stdinPath: String?
    var wallSeconds: Double
    /// Bytes kept per stream; the whole process group is killed once a stream exceeds it.
    var outputCap: Int
}

/// What happened to a spawned process.
struct SpawnOutcome: Sendable {
    var exitCode: Int32?
    var signal: Int32?
    var launchError: String?
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var stdoutTruncated = false
    var stderrTruncated = false
    var timedOut = false
    var outputCapExceeded = false
    var cancelled = false
    var wallSeconds: Double = 0
}

/// A cancellation flag shared between the awaiting task and the runner thread.
final class SpawnControl: Sendable {
    private let flag = Mutex(false)
    func cancel() { flag.withLock { $0 = true } }
    var isCancelled: Bool { flag.withLock { $0 } }
}

/// Spawns one process in its own process group with posix_spawn and supervises it on a dedicated
/// thread (never on the cooperative pool): drains stdout/stderr, enforces the wall-time limit and
/// the output cap by killing the whole group, and reaps the child.
enum ProcessRunner {
    /// Grace period for pipes to reach EOF after the child exited (grandchildren may hold them).
    static let drainGrace: Double = 0.25

    /// Blocking: runs on its own thread.
    static func supervise(_ request: SpawnRequest, control: SpawnControl) -> SpawnOutcome {
        let started = monotonicSeconds()
        var outcome = SpawnOutcome()
        guard let outPipe = makePipe(), let errPipe = makePipe() else {
            outcome.launchError = "cannot create pipes: \(String(cString: strerror(errno)))"
            return outcome
        }
        let spawned = spawn(request, stdout: outPipe.write, stderr: errPipe.write)
        close(outPipe.write)
        close(errPipe.write)
        guard case .success(let pid) = spawned else {
            if case .failure(let message) = spawned { outcome.launchError = message }
            close(outPipe.read)
            close(errPipe.read)
            return outcome
        }
        var streams = [
            DrainedStream(fd: outPipe.read, cap: request.outputCap),
            DrainedStream(fd: errPipe.read, cap: request.outputCap),
        ]
        let deadline = started + max(0.01, request.wallSeconds)
        var killed = false
        var exitedAt: Double?
        var status: Int32 = 0

        func killGroup() {
            if !killed { kill(-pid, SIGKILL) }
            killed = true
        }

        while true {
            let now = monotonicSeconds()
            if exitedAt == nil {
                if control.isCancelled, !killed { outcome.cancelled = true; killGroup() }
                if now >= deadline, !killed { outcome.timedOut = true; killGroup() }
                if streams.contains(where: { $0.overCap }), !killed { outcome.outputCapExceeded = true; killGroup() }
                if hasExited(pid) {
                    // The zombie still holds the pid, so the group id cannot have been reused:
                    // sweep any members left behind (background children) before reaping.
                    kill(-pid, SIGKILL)
                    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                    exitedAt = monotonicSeconds()
                } else if killed, now - deadline > 5 {
                    // SIGKILL was sent long ago; reap whatever it takes.
                    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                    exitedAt = monotonicSeconds()
                }
            }
            let open = streams.filter { !$0.closed }
            if let exitedAt, open.isEmpty || monotonicSeconds() - exitedAt > drainGrace { break }
            pollAndRead(&streams, timeoutMs: exitedAt == nil ? 5 : 20)
        }
        for index in streams.indices where !streams[index].closed { streams[index].close() }

        if status & 0x7f == 0 {
            outcome.exitCode = (status >> 8) & 0xff
        } else {
            outcome.signal = status & 0x7f
        }
        outcome.stdout = streams[0].bytes
        outcome.stderr = streams[1].bytes
        outcome.stdoutTruncated = streams[0].truncated
        outcome.stderrTruncated = streams[1].truncated
        outcome.wallSeconds = monotonicSeconds() - started
        return outcome
    }

    /// True once the child has terminated, without reaping it (WNOWAIT).
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        let rc = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        if rc != 0 { return errno != EINTR }
        return info._sifields._kill.si_pid == pid
    }

    private static func pollAndRead(_ streams: inout [DrainedStream], timeoutMs: Int32) {
        let indices = streams.indices.filter { !streams[$0].closed }
        guard !indices.isEmpty else {
            usleep(UInt32(timeoutMs) * 1000)
            return
        }
        var fds = indices.map { pollfd(fd: streams[$0].fd, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&fds, nfds_t(fds.count), timeoutMs)
        guard ready > 0 else { return }
        for (slot, index) in indices.enumerated() where fds[slot].revents != 0 {
            streams[index].readAvailable()
        }
    }

    private enum SpawnResult { case success(pid_t), failure(String) }

    private static func spawn(_ request: SpawnRequest, stdout: Int32, stderr: Int32) -> SpawnResult {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, request.stdinPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        GlibcExtensions.addCloseFrom(&actions, lowest: 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = request.argv.map { strdup($0) } + [nil]
        let envp = request.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = argv.withUnsafeBufferPointer { argvBuffer in
            envp.withUnsafeBufferPointer { envBuffer -> Int32 in
                guard let argvBase = argvBuffer.baseAddress, let envBase = envBuffer.baseAddress else { return EINVAL }
                return posix_spawnp(&pid, request.argv.first ?? "", &actions, &attributes, argvBase, envBase)
            }
        }
        if rc != 0 {
            return .failure("cannot start \(request.argv.first ?? "?"): \(String(cString: strerror(rc)))")
        }
        return .success(pid)
    }

    private static func makePipe() -> (read: Int32, write: Int32)? {
        guard let fds = GlibcExtensions.closeOnExecPipe() else { return nil }
        _ = fcntl(fds.read, F_SETFL, fcntl(fds.read, F_GETFL) | O_NONBLOCK)
        return fds
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// One output pipe being drained: keeps the first `cap` bytes and keeps reading (so the child
/// never blocks on a full pipe) until EOF.
struct DrainedStream {
    let fd: Int32
    let cap: Int
    var bytes: [UInt8] = []
    var truncated = false
    var closed = false
    /// Bytes seen beyond the cap.
    var overCap: Bool { truncated }

    init(fd: Int32, cap: Int) {
        self.fd = fd
        self.cap = max(0, cap)
    }

    /// Reads once (at most 64 KiB) so the supervisor loop keeps checking limits between reads.
    mutating func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            let room = cap - bytes.count
            if room > 0 { bytes.append(contentsOf: buffer[0..<min(room, count)]) }
            if count > room { truncated = true }
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            close()
        }
    }

    mutating func close() {
        guard !closed else { return }
        _ = Glibc.close(fd)
        closed = true
    }
}
