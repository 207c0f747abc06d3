import ArgumentParser
import FoundationEssentials
import Logging

/// `--log-level` / `DOCWRIGHT_LOG` and `--log-file`; logs go to stderr by default, never stdout.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "trace, debug, info, notice, warning, error, critical (default: $DOCWRIGHT_LOG, else warning; the server: info).")
    var logLevel: String?

    @Option(name: .long, help: "Append logs to this file instead of stderr.")
    var logFile: String?

    func validate() throws {
        if let logLevel, Logger.Level(rawValue: logLevel.lowercased()) == nil {
            throw ValidationError("unknown log level '\(logLevel)'; use one of \(Self.levels)")
        }
    }

    static let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")

    /// One-shot commands say only what went wrong unless asked for more: the audit lines
    /// ("prompt sent", "generated") are for `--log-level info` or the server's log.
    func bootstrap(label: String) -> Logger {
        Self.bootstrap(label: label, logLevel: logLevel, logFile: logFile, defaultLevel: "warning")
    }

    static func bootstrap(label: String, logLevel: String?, logFile path: String?, defaultLevel: String = "info") -> Logger {
        let name = logLevel ?? ProcessInfo.processInfo.environment["DOCWRIGHT_LOG"] ?? defaultLevel
        let level = Logger.Level(rawValue: name.lowercased()) ?? .info
        LoggingSystem.bootstrap { label in
            var handler: LogHandler
            if let path, let file = FileLogHandler(label: label, path: path) {
                handler = file
            } else {
                handler = StreamLogHandler.standardError(label: label)
            }
            handler.logLevel = level
            return handler
        }
        return Logger(label: label)
    }
}
