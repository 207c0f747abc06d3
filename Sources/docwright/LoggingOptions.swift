import ArgumentParser
import Foundation
import Logging

/// `--log-level` / `DOCWRIGHT_LOG` and `--log-file`; logs go to stderr by default, never stdout.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "trace, debug, info, notice, warning, error, critical (default: $DOCWRIGHT_LOG or info).")
    var logLevel: String?

    @Option(name: .long, help: "Append logs to this file instead of stderr.")
    var logFile: String?

    func bootstrap(label: String) -> Logger {
        Self.bootstrap(label: label, logLevel: logLevel, logFile: logFile)
    }

    static func bootstrap(label: String, logLevel: String?, logFile path: String?) -> Logger {
        let name = logLevel ?? ProcessInfo.processInfo.environment["DOCWRIGHT_LOG"] ?? "info"
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
