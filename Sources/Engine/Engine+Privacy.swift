import Cache
import Config
import DocwrightCore
import FoundationEssentials
import Logging
import Privacy
import Synchronization

extension Engine {
    /// The task as it may leave the machine: with `privacy.redact` on (the default), every
    /// secret in the fields a prompt is built from is replaced by `<redacted:KIND>`. Fields used
    /// only locally (insertion range, indentation, path) are unchanged, so post-processing and
    /// verification keep working on the original task.
    func redacted(_ task: GenerationTask) -> GenerationTask {
        let effective = config.current
        guard effective.privacy.redact else { return task }
        let redactor = RedactorCache.shared.redactor(workspaceRoot: effective.workspaceRoot, now: clock.now())
        let (clean, count) = redactor.redact(task)
        if count > 0 {
            // Called for cache lookups too (code-action listing): debug, not info.
            logger.debug("redacted secrets from the prompt", metadata: ["secrets": "\(count)"])
        }
        return clean
    }

    /// The audit line for a prompt about to be sent: where to, how big, and a SHA-256 prefix of
    /// its text (enough to match against a capture; never the content).
    func auditSend(_ prepared: Prepared) {
        let text = prepared.plan.prompt.allText
        let digest = SHA256.hash(Array(text.utf8)).prefix(8).map { String(cFormat: "%02x", $0) }.joined()
        logger.info("prompt sent", metadata: [
            "model": "\(prepared.route.endpoint.name)", "host": "\(Self.host(of: prepared.route.endpoint.baseURL))",
            "bytes": "\(text.utf8.count)", "sha256": "\(digest)", "samples": "\(prepared.params.n)",
        ])
    }

    /// Scheme, host and port only: a base URL may carry credentials in its user-info.
    static func host(of baseURL: String) -> String {
        guard let components = URLComponents(string: baseURL), let host = components.host else { return "?" }
        return (components.scheme.map { $0 + "://" } ?? "") + host + (components.port.map { ":\($0)" } ?? "")
    }
}

/// One `Redactor` per workspace root, re-read at most every few seconds so edits to `.env`
/// files are picked up without stat-ing them on every request.
final class RedactorCache: Sendable {
    static let shared = RedactorCache()
    private static let maximumAge: TimeInterval = 5

    private struct Entry {
        var redactor: Redactor
        var loaded: Date
    }

    private let entries = Mutex<[String: Entry]>([:])

    func redactor(workspaceRoot: String?, now: Date) -> Redactor {
        let key = workspaceRoot ?? ""
        if let entry = entries.withLock({ $0[key] }), now.timeIntervalSince(entry.loaded) < Self.maximumAge {
            return entry.redactor
        }
        let redactor = Redactor.loadingEnvFiles(workspaceRoot: workspaceRoot)
        entries.withLock { $0[key] = Entry(redactor: redactor, loaded: now) }
        return redactor
    }
}
