import DocwrightCore
import FoundationEssentials
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// How sandboxed programs are wrapped on this machine. Built once per process by probing the
/// strongest containment first and falling back step by step:
///
///     [unshare -m -p -f --kill-child --mount-proc -n (-r when not root)]   namespaces
///       /bin/sh -c WRAPPER   read-only /tmp etc., tmpfs work dir, cd, copy staged files
///         [setpriv --reuid=nobody … --no-new-privs]                       root only
///           [prlimit --cpu --as --fsize --nproc --nofile --core=0 --]      rlimits
///             EXECUTABLE ARGS…
///
/// `prlimit` (util-linux) is used rather than `ulimit` in the shell because its units are
/// explicit bytes and it exists wherever `unshare`/`setpriv` do. It comes after `setpriv` so
/// that RLIMIT_NPROC is checked against the unprivileged user, not root (root ignores it).
struct LaunchPlan: Sendable {
    enum Level: Int, Sendable, CaseIterable {
        /// Mount + PID + network namespaces, private filesystem view.
        case namespaces
        /// Network namespace only.
        case networkOnly
        /// No namespaces.
        case plain
    }

    var level: Level
    var unshare: String?
    var setpriv: String?
    var prlimit: String?
    var shell: String
    var isRoot: Bool
    /// uid/gid to drop to when running as root.
    var sandboxUser: (uid: uid_t, gid: gid_t)?
    /// Path for PATH inside the sandbox.
    var searchPath: String

    /// Directories made read-only in the private filesystem view.
    var readOnlyDirectories: [String] {
        var dirs = ["/tmp", "/var/tmp", "/dev/shm", "/run/lock"]
        if !isRoot, let home = ProcessInfo.processInfo.environment["HOME"], home.hasPrefix("/"), home != "/" {
            dirs.append(home)
        }
        return dirs.filter { !$0.contains(":") }
    }

    func isolation(isolateNetwork: Bool) -> SandboxIsolation {
        SandboxIsolation(
            networkIsolated: isolateNetwork && level != .plain,
            pidNamespace: level == .namespaces,
            privateFilesystem: level == .namespaces,
            unprivilegedUser: !isRoot || sandboxUser != nil,
            resourceLimits: prlimit != nil
        )
    }

    /// The wrapper shell: runs as (namespace) root before privileges are dropped. It waits for
    /// the program instead of exec'ing it because unshare 2.38 turns a child's death by signal
    /// into exit 1 ("sigprocmask unblock failed"); the shell reports it as 128 + signal.
    static let wrapperScript = """
        set -e
        ro="$1"; tmpfs="$2"; work="$3"; staged="$4"; shift 4
        if [ -n "$ro" ]; then
          IFS=:
          for d in $ro; do
            if [ -d "$d" ] && [ ! -L "$d" ]; then mount --bind "$d" "$d"; mount -o remount,bind,ro "$d"; fi
          done
          unset IFS
        fi
        if [ -n "$tmpfs" ]; then mount -t tmpfs -o "$tmpfs" docwright-sandbox "$work"; fi
        cd "$work"
        if [ -n "$staged" ]; then cp -pR ../stage/. .; fi
        "$@"
        """

    func argv(executable: String, arguments: [String], limits: SandboxLimits, work: String, staged: Bool) -> [String] {
        var argv: [String] = []
        let userNamespace = !isRoot ? ["-r"] : []
        switch level {
        case .namespaces:
            argv = [unshare ?? "unshare"] + userNamespace + ["-m", "-p", "-f", "--kill-child", "--mount-proc"]
                + (limits.isolateNetwork ? ["-n"] : [])
        case .networkOnly where limits.isolateNetwork:
            argv = [unshare ?? "unshare"] + userNamespace + ["-n"]
        case .networkOnly, .plain:
            break
        }
        var tmpfsOptions = ""
        if level == .namespaces {
            let owner = sandboxUser.map { ",uid=\($0.uid),gid=\($0.gid)" } ?? ""
            tmpfsOptions = "size=\(max(1 << 20, limits.diskBytes)),mode=0700,nosuid,nodev\(owner)"
        }
        argv += [shell, "-c", Self.wrapperScript, "docwright-sandbox",
                 level == .namespaces ? readOnlyDirectories.joined(separator: ":") : "",
                 tmpfsOptions, work, staged ? "1" : ""]
        if let setpriv {
            if let user = sandboxUser {
                argv += [setpriv, "--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups",
                         "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"]
            } else {
                argv += [setpriv, "--no-new-privs"]
            }
        }
        if let prlimit {
            let cpu = max(1, limits.cpuSeconds)
            argv += [prlimit, "--cpu=\(cpu):\(cpu + 1)", "--fsize=\(max(0, limits.fileSizeBytes))",
                     "--nofile=\(max(16, limits.openFiles))", "--core=0"]
            // Without a user namespace or a dedicated user, RLIMIT_NPROC would count every process
            // of the calling user and could refuse the program itself.
            let userNamespace = !isRoot && (level == .namespaces || (level == .networkOnly && limits.isolateNetwork))
            if sandboxUser != nil || userNamespace {
                argv.append("--nproc=\(max(1, limits.processes))")
            }
            if let memory = limits.memoryBytes { argv.append("--as=\(max(16 << 20, memory))") }
            argv.append("--")
        }
        return argv + [executable] + arguments
    }

    func environment(work: String) -> [String: String] {
        ["PATH": searchPath, "HOME": work, "TMPDIR": work, "LANG": "C.UTF-8"]
    }

    // MARK: probing

    static func probe() -> LaunchPlan {
        let environment = ProcessInfo.processInfo.environment
        var searchPath = environment["PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin:/bin"
        for required in ["/usr/bin", "/bin"] where !searchPath.split(separator: ":").contains(Substring(required)) {
            searchPath += ":" + required
        }
        let isRoot = geteuid() == 0
        let setpriv = findTool("setpriv", in: searchPath)
        var base = LaunchPlan(
            level: .plain, unshare: findTool("unshare", in: searchPath), setpriv: setpriv,
            prlimit: findTool("prlimit", in: searchPath), shell: findTool("sh", in: searchPath) ?? "/bin/sh",
            isRoot: isRoot, sandboxUser: isRoot && setpriv != nil ? nobodyIDs() : nil, searchPath: searchPath
        )
        // Drop the optional wrappers one at a time until a trial run succeeds.
        var variants: [LaunchPlan] = []
        for level in Level.allCases where level == .plain || base.unshare != nil {
            var plan = base
            plan.level = level
            variants.append(plan)
        }
        if base.setpriv != nil {
            base.setpriv = nil
            base.sandboxUser = nil
            variants.append(base)
        }
        if base.prlimit != nil {
            base.prlimit = nil
            variants.append(base)
        }
        for plan in variants where plan.trialSucceeds() {
            return plan
        }
        return base
    }

    /// Runs `sh -c 'echo ok'` through the full wrapper chain.
    private func trialSucceeds() -> Bool {
        guard case .success(let directory) = WorkDirectory.create(owner: sandboxUser, stdinText: "", files: ["probe": "ok"]) else {
            return false
        }
        defer { directory.remove() }
        let limits = SandboxLimits(wallSeconds: 10)
        let request = SpawnRequest(
            argv: argv(executable: shell, arguments: ["-c", "cat probe && echo > written"], limits: limits,
                       work: directory.work, staged: true),
            environment: environment(work: directory.work), stdinPath: directory.stdin,
            wallSeconds: limits.wallSeconds, outputCap: 4096
        )
        let outcome = ProcessRunner.supervise(request, control: SpawnControl())
        return outcome.exitCode == 0 && String(decoding: outcome.stdout, as: UTF8.self) == "ok"
    }

    private static func findTool(_ name: String, in searchPath: String) -> String? {
        let directories = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"] + searchPath.split(separator: ":").map(String.init)
        for directory in directories where directory.hasPrefix("/") {
            let candidate = directory + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    private static func nobodyIDs() -> (uid: uid_t, gid: gid_t) {
        if let entry = getpwnam("nobody") { return (entry.pointee.pw_uid, entry.pointee.pw_gid) }
        return (65534, 65534)
    }
}

/// The probe runs once per process; concurrent first callers share it.
final class LaunchPlanCache: Sendable {
    static let shared = LaunchPlanCache()
    private let task = Mutex<Task<LaunchPlan, Never>?>(nil)

    func plan() async -> LaunchPlan {
        let current = task.withLock { slot -> Task<LaunchPlan, Never> in
            if let existing = slot { return existing }
            let created = Task { await DedicatedThread.run(name: "docwright.sandbox.probe") { LaunchPlan.probe() } }
            slot = created
            return created
        }
        return await current.value
    }
}
