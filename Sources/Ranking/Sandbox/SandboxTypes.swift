import DocwrightCore

/// Limits for one sandboxed run. Defaults suit running a short Python program.
public struct SandboxLimits: Sendable, Hashable, Codable {
    /// Wall-clock limit; the whole process group (and PID namespace) is killed at the deadline.
    public var wallSeconds: Double
    /// CPU seconds (RLIMIT_CPU: SIGXCPU, then SIGKILL one second later).
    public var cpuSeconds: Int
    /// Address-space bytes (RLIMIT_AS); nil = unlimited (V8/node reserves far more than it uses).
    public var memoryBytes: Int?
    /// Largest file the program may write (RLIMIT_FSIZE).
    public var fileSizeBytes: Int
    /// Size of the fresh tmpfs working directory, where the machine allows mounting one.
    public var diskBytes: Int
    /// Processes of the sandbox user (RLIMIT_NPROC): contains fork bombs.
    public var processes: Int
    /// Open file descriptors (RLIMIT_NOFILE).
    public var openFiles: Int
    /// Bytes of stdout and of stderr kept; past it the stream is truncated and the run killed.
    public var outputBytes: Int
    /// Cut the network (`unshare -n`) where the machine allows it.
    public var isolateNetwork: Bool

    public init(
        wallSeconds: Double = 5, cpuSeconds: Int = 5, memoryBytes: Int? = 512 << 20,
        fileSizeBytes: Int = 4 << 20, diskBytes: Int = 32 << 20, processes: Int = 32, openFiles: Int = 128,
        outputBytes: Int = 256 << 10, isolateNetwork: Bool = true
    ) {
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        self.memoryBytes = memoryBytes
        self.fileSizeBytes = fileSizeBytes
        self.diskBytes = diskBytes
        self.processes = processes
        self.openFiles = openFiles
        self.outputBytes = outputBytes
        self.isolateNetwork = isolateNetwork
    }
}

/// Which containment the machine allowed; found once per process by probing, reported with
/// every result so callers (and users) can see what protected a run.
public struct SandboxIsolation: Sendable, Hashable, Codable {
    /// The program saw only a down loopback device (`unshare -n`).
    public var networkIsolated: Bool
    /// The program ran as PID 1 of its own PID namespace: when it dies, every process it started
    /// dies with it, even ones that left the process group.
    public var pidNamespace: Bool
    /// Only the working directory was writable: it is a fresh tmpfs, and /tmp, /var/tmp,
    /// /dev/shm, /run/lock (and a non-root user's home) are bound read-only.
    public var privateFilesystem: Bool
    /// The program did not run as root (root drops to `nobody` with `setpriv`).
    public var unprivilegedUser: Bool
    /// CPU, memory, file-size, process and descriptor rlimits applied (`prlimit`).
    public var resourceLimits: Bool

    public init(networkIsolated: Bool = false, pidNamespace: Bool = false, privateFilesystem: Bool = false,
                unprivilegedUser: Bool = false, resourceLimits: Bool = false) {
        self.networkIsolated = networkIsolated
        self.pidNamespace = pidNamespace
        self.privateFilesystem = privateFilesystem
        self.unprivilegedUser = unprivilegedUser
        self.resourceLimits = resourceLimits
    }

    /// One line for logs and `docwright doctor`, naming what is missing.
    public var summary: String {
        let parts: [(Bool, String)] = [
            (networkIsolated, "network cut"), (pidNamespace, "pid namespace"),
            (privateFilesystem, "private filesystem"), (unprivilegedUser, "unprivileged user"),
            (resourceLimits, "rlimits"),
        ]
        let on = parts.filter { $0.0 }.map { $0.1 }
        let off = parts.filter { !$0.0 }.map { $0.1 }
        var text = on.isEmpty ? "no isolation" : on.joined(separator: ", ")
        if !off.isEmpty, !on.isEmpty { text += "; unavailable: " + off.joined(separator: ", ") }
        return text
    }
}

/// What a sandboxed run did.
public struct SandboxResult: Sendable {
    /// Exit status when the program exited normally.
    public var exitCode: Int32?
    /// Terminating signal when it was killed (SIGKILL after a limit, SIGXCPU for CPU time, …).
    /// A program that itself exits with status 128 + n is reported as killed by signal n.
    public var signal: Int32?
    /// Set when the program could not be started at all (the sandbox's own failure).
    public var launchError: String?
    public var stdoutBytes: [UInt8]
    public var stderrBytes: [UInt8]
    public var stdoutTruncated: Bool
    public var stderrTruncated: Bool
    /// Killed at the wall-clock limit.
    public var timedOut: Bool
    /// Killed because a stream exceeded `outputBytes`.
    public var outputLimitExceeded: Bool
    /// Killed because the awaiting task was cancelled.
    public var cancelled: Bool
    public var wallSeconds: Double
    public var isolation: SandboxIsolation

    public var networkIsolated: Bool { isolation.networkIsolated }
    public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
    /// Exited with status 0 within every limit.
    public var succeeded: Bool {
        exitCode == 0 && launchError == nil && !timedOut && !outputLimitExceeded && !cancelled
    }

    /// Short reason for notes and logs: "timeout", "output limit", "signal 24", "exit 1", "ok".
    public var terminationSummary: String {
        if let launchError { return "sandbox error: \(launchError)" }
        if timedOut { return "timeout after \(String(format2: wallSeconds)) s" }
        if outputLimitExceeded { return "output limit exceeded" }
        if cancelled { return "cancelled" }
        if let signal { return "killed by signal \(signal)" }
        return exitCode == 0 ? "ok" : "exit \(exitCode ?? -1)"
    }
}
