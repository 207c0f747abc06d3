import DocwrightCore
import FoundationEssentials
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends one line per log record to a file (for `--log-file`).
struct FileLogHandler: LogHandler {
    /// The file's descriptor, opened for appending; the lock keeps concurrent records whole.
    private final class Sink: Sendable {
        let descriptor: Mutex<Int32>
        init(_ descriptor: Int32) { self.descriptor = Mutex(descriptor) }
        func write(_ line: String) {
            descriptor.withLock { _ = StandardStreams.write(Array(line.utf8), to: $0) }
        }
        deinit { descriptor.withLock { _ = close($0) } }
    }

    private let sink: Sink
    private let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init?(label: String, path: String) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        self.sink = Sink(descriptor)
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level
        let message = event.message
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let meta = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        sink.write("\(Date()) \(level) \(label):\(meta) \(message)\n")
    }
}
