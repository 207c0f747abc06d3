import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A finished helper program (gzip, python, curl): exit status, output and wall time.
public struct SubprocessResult: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data
    public var seconds: Double
    public var timedOut: Bool
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs trusted helper programs (not model output: that goes through Ranking's `Sandbox`).
/// Each run waits on its own thread, never on the cooperative pool.
public enum Subprocess {
    /// Runs `executable` (absolute path, or a name looked up in PATH) and collects its output.
    /// Killed after `timeout` seconds. Throws when it cannot be started.
    public static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String]? = nil, timeout: Double = 600) async throws -> SubprocessResult {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<SubprocessResult, Error>) in
            let thread = Thread {
                continuation.resume(with: Result { try runBlocking(executable, arguments, stdin: stdin,
                                                                   environment: environment, timeout: timeout) })
            }
            thread.name = "docwright.bench.subprocess"
            thread.start()
        }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], stdin: Data?,
                                    environment: [String: String]?, timeout: Double) throws -> SubprocessResult {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let started = ContinuousClock.now
        try process.run()
        let pid = process.processIdentifier
        let exited = DispatchSemaphore(value: 0)
        let timedOut = Locked(false)
        let watchdog = Thread {
            if exited.wait(timeout: .now() + timeout) == .timedOut {
                timedOut.withLock { $0 = true }
                kill(pid, SIGKILL)
            }
        }
        watchdog.start()
        if let stdin {
            let writer = input.fileHandleForWriting
            Thread {
                try? writer.write(contentsOf: stdin)
                try? writer.close()
            }.start()
        }
        // stderr is drained on a second thread so neither pipe can fill up and stall the child.
        let errorData = Locked(Data())
        let errorDone = DispatchSemaphore(value: 0)
        Thread {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errorData.withLock { $0 = data }
            errorDone.signal()
        }.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        exited.signal()
        errorDone.wait()
        let elapsed = started.duration(to: .now)
        return SubprocessResult(
            status: process.terminationStatus, stdout: output, stderr: errorData.withLock { $0 },
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            timedOut: timedOut.withLock { $0 })
    }
}

extension Duration {
    /// Seconds as a Double.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
    var milliseconds: Double { seconds * 1000 }
}
