import Foundation
import Testing
@testable import Ranking
#if canImport(Glibc)
import Glibc
#endif

/// Hostile programs against the real sandbox (python3 subprocesses). Every test is bounded by
/// the sandbox's own wall-time limit plus a margin checked here.
@Suite("Sandbox: hostile programs", .serialized)
struct SandboxHostileTests {
    let sandbox = Sandbox.shared

    @Test func reportsStrongIsolationOnThisMachine() async {
        let isolation = await sandbox.isolation()
        // The CI machine (root, util-linux) allows every layer; a regression here must be loud.
        #expect(isolation.networkIsolated, "network not isolated: \(isolation.summary)")
        #expect(isolation.pidNamespace, "\(isolation.summary)")
        #expect(isolation.privateFilesystem, "\(isolation.summary)")
        #expect(isolation.unprivilegedUser, "\(isolation.summary)")
        #expect(isolation.resourceLimits, "\(isolation.summary)")
    }

    @Test func runsProgramWithScrubbedEnvironmentInTemporaryDirectory() async throws {
        setenv("DOCWRIGHT_SANDBOX_TEST_API_KEY", "sk-test-must-not-leak-1234", 1)
        let program = """
            import json, os, sys
            print(json.dumps({"env": dict(os.environ), "cwd": os.getcwd(), "uid": os.getuid(), "stdin": sys.stdin.read()}))
            open("inside.txt", "w").write("fine")
            print(open("data.txt").read())
            """
        let result = await sandbox.run(executable: "python3", arguments: ["-c", program], stdin: "hello stdin",
                                       files: ["data.txt": "staged file"])
        #expect(result.succeeded, "\(result.terminationSummary) \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let first = try #require(lines.first)
        let report = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        let env = try #require(report?["env"] as? [String: String])
        #expect(env["DOCWRIGHT_SANDBOX_TEST_API_KEY"] == nil)
        #expect(!result.stdout.contains("sk-test-must-not-leak"))
        let allowed: Set<String> = ["PATH", "HOME", "TMPDIR", "LANG", "LC_CTYPE", "PWD", "OLDPWD", "SHLVL", "_"]
        #expect(Set(env.keys).isSubset(of: allowed), "unexpected variables: \(Set(env.keys).subtracting(allowed))")
        let cwd = try #require(report?["cwd"] as? String)
        #expect(env["HOME"] == cwd)
        #expect(report?["stdin"] as? String == "hello stdin")
        // As root the program runs as nobody; a normal user's program is "root" of its own user
        // namespace, which maps back to that user.
        if geteuid() == 0 { #expect(report?["uid"] as? Int != 0) }
        #expect(lines.last == "staged file")
        // The whole per-run tree is gone afterwards.
        let base = (cwd as NSString).deletingLastPathComponent
        #expect(!FileManager.default.fileExists(atPath: base), "left behind: \(base)")
    }

    @Test func infiniteLoopIsKilledAtWallLimit() async {
        let started = Date()
        let result = await sandbox.run(executable: "python3", arguments: ["-c", "while True: pass"],
                                       limits: SandboxLimits(wallSeconds: 1, cpuSeconds: 30))
        #expect(result.timedOut)
        #expect(!result.succeeded)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func cpuLimitStopsBusyLoop() async {
        // One CPU second can take several wall seconds on a loaded machine: the wall limit is generous.
        let result = await sandbox.run(executable: "python3", arguments: ["-c", "while True: pass"],
                                       limits: SandboxLimits(wallSeconds: 60, cpuSeconds: 1))
        #expect(!result.timedOut, "CPU limit should act before the wall limit")
        #expect(result.signal == SIGXCPU || result.signal == SIGKILL, "\(result.terminationSummary)")
    }

    @Test func forkBombIsContainedAndLeavesNoProcesses() async throws {
        let marker = "dwforkbomb\(UInt32.random(in: 1...UInt32.max))"
        // First count how many sleeping children the limit allows, then fork without end.
        let program = """
            import os, sys, time
            ok = failed = 0
            for _ in range(200):
                try:
                    pid = os.fork()
                except OSError:
                    failed += 1
                    continue
                if pid == 0:
                    time.sleep(60)
                    os._exit(0)
                ok += 1
            print(ok, failed, flush=True)
            while True:
                try:
                    os.fork()
                except OSError:
                    pass
            """
        let started = Date()
        let result = await sandbox.run(executable: "python3", arguments: ["-c", program, marker],
                                       limits: SandboxLimits(wallSeconds: 2, processes: 8))
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(result.timedOut)
        let counts = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        try #require(counts.count == 2, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(counts[0] < 8, "forks allowed: \(counts[0])")
        #expect(counts[1] > 0)
        #expect(await waitUntilNoProcess(containing: marker), "stray fork-bomb processes remain")
    }

    @Test func detachedBackgroundProcessDiesWithTheProgram() async {
        let marker = "dwdetached\(UInt32.random(in: 1...UInt32.max))"
        // The child leaves the process group and keeps the output pipe open; the parent exits at once.
        let program = """
            import os, sys, time
            if os.fork() == 0:
                os.setsid()
                time.sleep(60)
                os._exit(0)
            print("parent done", flush=True)
            """
        let started = Date()
        let result = await sandbox.run(executable: "python3", arguments: ["-c", program, marker],
                                       limits: SandboxLimits(wallSeconds: 20))
        #expect(result.succeeded, "\(result.terminationSummary) \(result.stderr)")
        #expect(result.stdout == "parent done\n")
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(await waitUntilNoProcess(containing: marker), "detached process survived")
    }

    @Test func hugeOutputIsCappedAndKilled() async {
        let started = Date()
        let result = await sandbox.run(
            executable: "python3", arguments: ["-c", "import sys\nwhile True: sys.stdout.write('x' * 65536)"],
            limits: SandboxLimits(wallSeconds: 10, outputBytes: 100_000))
        #expect(result.outputLimitExceeded)
        #expect(result.stdoutTruncated)
        #expect(result.stdoutBytes.count == 100_000)
        #expect(Date().timeIntervalSince(started) < 9)
    }

    @Test func writesOutsideTheWorkingDirectoryFail() async throws {
        let token = UInt32.random(in: 1...UInt32.max)
        // A world-writable directory owned by root: only the private filesystem view protects it.
        let openDir = "/tmp/dw-sandbox-open-\(token)"
        try FileManager.default.createDirectory(atPath: openDir, withIntermediateDirectories: false)
        chmod(openDir, 0o777)
        defer { try? FileManager.default.removeItem(atPath: openDir) }
        let targets = ["\(openDir)/escaped", "/tmp/dw-sandbox-escape-\(token)", "/var/tmp/dw-sandbox-escape-\(token)",
                       "/dev/shm/dw-sandbox-escape-\(token)", "/root/dw-sandbox-escape-\(token)", "/etc/dw-sandbox-escape-\(token)"]
        let program = """
            import os, sys
            for path in sys.argv[1:] + [os.path.join(os.environ["HOME"], "..", "escaped-\(token)")]:
                try:
                    with open(path, "w") as f:
                        f.write("pwned")
                    print("WROTE", path)
                except OSError as e:
                    print("denied", path, e.errno)
            open("own-file", "w").write("ok")
            print("own", open("own-file").read())
            """
        let result = await sandbox.run(executable: "python3", arguments: ["-c", program] + targets)
        #expect(result.succeeded, "\(result.terminationSummary) \(result.stderr)")
        #expect(!result.stdout.contains("WROTE"), "\(result.stdout)")
        #expect(result.stdout.contains("own ok"))
        for target in targets {
            #expect(!FileManager.default.fileExists(atPath: target), "written: \(target)")
        }
    }

    @Test func networkToLoopbackFailsWhenIsolated() async throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        let program = """
            import socket, sys
            try:
                socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2).close()
                print("connected")
            except OSError as e:
                print("failed", e.errno)
            """
        let isolated = await sandbox.run(executable: "python3", arguments: ["-c", program, "\(listener.port)"])
        #expect(isolated.networkIsolated)
        #expect(isolated.stdout.hasPrefix("failed"), "\(isolated.stdout) \(isolated.stderr)")
        // Control: the same program reaches the listener when isolation is off, so the check can fail.
        let open = await sandbox.run(executable: "python3", arguments: ["-c", program, "\(listener.port)"],
                                     limits: SandboxLimits(isolateNetwork: false))
        #expect(!open.networkIsolated)
        #expect(open.stdout.hasPrefix("connected"), "\(open.stdout) \(open.stderr)")
    }

    @Test func memoryAndFileSizeLimitsHold() async {
        let memory = await sandbox.run(executable: "python3", arguments: ["-c", "x = bytearray(1 << 30)\nprint('allocated')"],
                                       limits: SandboxLimits(memoryBytes: 256 << 20))
        #expect(!memory.succeeded)
        #expect(!memory.stdout.contains("allocated"))
        #expect(memory.stderr.contains("MemoryError"), "\(memory.stderr)")
        let big = await sandbox.run(executable: "python3",
                                    arguments: ["-c", "open('big', 'wb').write(b'x' * (8 << 20))\nprint('written')"],
                                    limits: SandboxLimits(fileSizeBytes: 1 << 20))
        #expect(!big.succeeded)
        #expect(!big.stdout.contains("written"))
    }

    @Test func cancellationKillsTheProgram() async {
        let started = Date()
        let task = Task {
            await sandbox.run(executable: "python3", arguments: ["-c", "import time\ntime.sleep(30)"],
                              limits: SandboxLimits(wallSeconds: 30))
        }
        try? await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.value
        #expect(result.cancelled)
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test func missingExecutableIsReportedNotThrown() async {
        let result = await sandbox.run(executable: "docwright-no-such-program-xyz")
        #expect(!result.succeeded)
        #expect(result.exitCode != 0)
    }
}

/// Polls /proc until no process command line contains `marker` (bounded: 3 s).
func waitUntilNoProcess(containing marker: String) async -> Bool {
    for _ in 0..<30 {
        if processCount(containing: marker) == 0 { return true }
        try? await Task.sleep(for: .milliseconds(100))
    }
    return false
}

func processCount(containing marker: String) -> Int {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    var count = 0
    for entry in entries where entry.allSatisfy(\.isNumber) {
        guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
        if String(decoding: data, as: UTF8.self).contains(marker) { count += 1 }
    }
    return count
}

/// A TCP listener on 127.0.0.1 with an OS-chosen port (connections queue in the backlog).
final class LoopbackListener {
    let fd: Int32
    let port: UInt16

    init() throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw ListenerError() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socketFD, 16) == 0 else {
            _ = Glibc.close(socketFD)
            throw ListenerError()
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        fd = socketFD
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() { _ = Glibc.close(fd) }

    struct ListenerError: Error {}
}
