import Foundation

/// A spawned `docwright lsp` (or another docwright command) with its pipes: the one way tests
/// and the perf harness start the binary. Each gets a private HOME and XDG directories, and a
/// local model URL that refuses connections unless the caller gives another.
public struct LSPProcess: Sendable {
    public let process: Process
    /// The server's stdin (write frames here).
    public let input: FileHandle
    /// The server's stdout (read frames here).
    public let output: FileHandle

    /// `DOCWRIGHT_BIN`, else the debug or release build in the package.
    public static func binaryPath() -> String? {
        if let path = ProcessInfo.processInfo.environment["DOCWRIGHT_BIN"], !path.isEmpty {
            // Named but missing is an error, not a cue to test another build (scripts/test runs
            // the end-to-end tier once per build; a fallback would quietly test the debug build twice).
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        for candidate in [".build/debug/docwright", ".build/release/docwright"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return URL(fileURLWithPath: candidate).path
        }
        return nil
    }

    /// A private HOME with cache, config and state directories under it, plus PATH and an
    /// unreachable local model; `extra` wins.
    public static func isolatedEnvironment(prefix: String, extra: [String: String] = [:]) throws -> [String: String] {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var environment = [
            "HOME": home.path, "XDG_CACHE_HOME": home.path + "/cache", "XDG_CONFIG_HOME": home.path + "/config",
            "XDG_STATE_HOME": home.path + "/state", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "DOCWRIGHT_LOCAL_MODEL_URL": "http://127.0.0.1:9/v1",
        ]
        environment.merge(extra) { $1 }
        return environment
    }

    /// Starts `binary arguments` with `environment`; stderr goes to `stderrPath` or nowhere.
    public init(binary: String, arguments: [String] = ["lsp"], environment: [String: String], stderrPath: String? = nil) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        let stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        if let stderrPath, FileManager.default.createFile(atPath: stderrPath, contents: nil),
           let handle = FileHandle(forWritingAtPath: stderrPath) {
            process.standardError = handle
        } else {
            process.standardError = FileHandle.nullDevice
        }
        input = stdinPipe.fileHandleForWriting
        output = stdoutPipe.fileHandleForReading
        try process.run()
    }

    /// Waits for a process to exit; terminates it after `timeout` and returns nil.
    public static func waitForExit(_ process: Process, timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning { return process.terminationStatus }
            try? await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        return nil
    }

    /// Resident set size in KiB (VmRSS of /proc/PID/status), or nil.
    public var residentKiB: Int? { Self.residentKiB(pid: process.processIdentifier) }

    public static func residentKiB(pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}

/// Splits a byte stream into Content-Length frames (the one frame reader of tests and benchmarks).
public struct LSPFrameReader: Sendable {
    public enum Frame: Sendable {
        /// A complete body.
        case body(Data)
        /// Bytes that are not a frame (a header without Content-Length); the buffer is dropped.
        case garbage(String)
    }

    private var buffer: [UInt8] = []

    public init() {}

    /// Adds bytes read from the server.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil until more bytes arrive.
    public mutating func next() -> Frame? {
        guard let headerEnd = buffer.firstRange(of: [13, 10, 13, 10]) else { return nil }
        let header = String(decoding: buffer[..<headerEnd.lowerBound], as: UTF8.self)
        // Content-Length first (docwright writes only that): anything before it is not a frame.
        let first = header.split(separator: "\r\n", omittingEmptySubsequences: false).first ?? ""
        let parts = first.split(separator: ":", maxSplits: 1)
        let length = parts.count == 2 && parts[0].lowercased() == "content-length"
            ? Int(parts[1].trimmingCharacters(in: .whitespaces)) : nil
        guard let length, length >= 0 else {
            buffer.removeAll()
            return .garbage(String(header.prefix(80)))
        }
        let bodyStart = headerEnd.upperBound
        guard buffer.count >= bodyStart + length else { return nil }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        return .body(body)
    }

    /// A frame around a JSON body.
    public static func frame(_ body: Data) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
    }

    /// A frame around a JSON value.
    public static func frame(_ object: Any) throws -> [UInt8] {
        frame(try JSONSerialization.data(withJSONObject: object, options: .fragmentsAllowed))
    }
}
