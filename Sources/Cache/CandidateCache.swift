import Dispatch
import DocwrightCore
import FoundationEssentials
import Logging
import Synchronization

/// Two-level cache of ranked candidates: a memory LRU in front of a SQLite file shared by every
/// docwright process of the user.
///
/// - `lookup` is synchronous and cheap (memory, else one indexed read); hit/miss counters and
///   access times are batched and written later.
/// - `store` fills memory at once and writes the file on a private serial queue, so a caller on
///   the cooperative pool never waits for another process's write lock.
/// - Problems never fail a request: a corrupt file is moved aside and recreated, an unwritable
///   directory means memory-only; both are logged and listed in `warnings`.
public final class CandidateCache: Sendable {
    public let configuration: CacheConfiguration
    private let logger: Logger
    private let opener: LazyDiskStore
    private let memory: Mutex<MemoryLRU<CacheKey, CachedResult>>
    private let pending = Mutex(PendingDiskUpdates())
    private let clock: any WallClock
    private let lastFlush: Mutex<Date>
    private let sessionCounters = Mutex([String: (hits: Int, misses: Int)]())
    private let warningLog = WarningLog()
    /// Serial queue for disk writes (its own threads, never the cooperative pool).
    private let writer = DispatchQueue(label: "docwright.cache.writer")

    static let flushEvery = 32
    static let flushInterval: TimeInterval = 2

    /// - Parameter clock: the time entries are stamped with and checked against `ttl`.
    public init(configuration: CacheConfiguration = CacheConfiguration(), logger: Logger = Logger(label: "docwright.cache"),
                clock: any WallClock = SystemClock()) {
        self.configuration = configuration
        self.clock = clock
        lastFlush = Mutex(clock.now())
        self.logger = logger
        memory = Mutex(MemoryLRU(maxEntries: configuration.memoryEntries, maxBytes: configuration.memoryBytes))
        let warningLog = self.warningLog
        opener = LazyDiskStore { Self.openDisk(configuration, logger: logger, warnings: warningLog) }
    }

    /// The SQLite store (nil: memory only), opened by its first use: a server nobody asked for
    /// code yet never loads libsqlite3 nor waits for the file's lock at start-up.
    /// The open is a few milliseconds, like the indexed read `lookup` does anyway.
    private var disk: DiskStore? { opener.store }

    private static func openDisk(_ configuration: CacheConfiguration, logger: Logger, warnings log: WarningLog) -> DiskStore? {
        var warnings: [String] = []
        var store: DiskStore?
        if configuration.diskEnabled, let directory = configuration.resolvedDirectory {
            switch DiskStore.open(directory: directory, busyTimeout: configuration.busyTimeout, warnings: &warnings) {
            case .success(let opened):
                store = opened
            case .failure(.unwritable(let reason)):
                warnings.append("cache directory unusable (\(reason)); caching in memory only")
            case .failure(.other(let reason)):
                warnings.append("cache file could not be opened (\(reason)); caching in memory only")
            }
        } else if configuration.diskEnabled {
            warnings.append("no cache directory (neither XDG_CACHE_HOME nor HOME set); caching in memory only")
        }
        for warning in warnings {
            logger.warning("\(warning)")
            log.add(warning)
        }
        return store
    }

    deinit {
        // Closures on `writer` capture only the store and the pending box, never `self`, so this
        // cannot be running on `writer`.
        let updates = pending.withLock { value -> PendingDiskUpdates in
            defer { value = PendingDiskUpdates() }
            return value
        }
        if !updates.isEmpty, let disk = opener.storeIfOpened {
            writer.sync { try? disk.apply(updates) }
        } else {
            writer.sync {}
        }
    }

    /// The database file, nil when memory-only.
    public var path: String? { disk?.path }

    /// Problems met (corrupt file moved aside, memory-only fallback, failed writes). Opens the
    /// disk store first, so problems opening it are included.
    public var warnings: [String] {
        _ = disk
        return warningLog.all
    }

    // MARK: lookup / store

    public func lookup(_ key: CacheKey) -> CachedResult? {
        let now = clock.now()
        if let value = memory.withLock({ $0.get(key) }) {
            if isFresh(value.createdAt, now: now) {
                recordHit(key, now: now)
                return value
            }
            memory.withLock { $0.remove(key) }
        }
        guard let disk else {
            record(key.model, hit: false)
            return nil
        }
        let row: DiskStore.Row?
        do {
            row = try disk.read(key.digest)
        } catch {
            handleDiskError(error, during: "read")
            record(key.model, hit: false)
            return nil
        }
        guard let row else {
            record(key.model, hit: false)
            return nil
        }
        guard isFresh(Date(timeIntervalSince1970: row.createdAt), now: now),
              let value = try? JSONDecoder().decode(CachedResult.self, from: row.value) else {
            // Expired, or written by an incompatible version: forget it.
            pending.withLock { _ = $0.deletions.insert(key.digest) }
            record(key.model, hit: false)
            return nil
        }
        memory.withLock { $0.put(key, value, bytes: row.value.count) }
        recordHit(key, now: now)
        return value
    }

    /// Stores a successful result. Results without candidates are not stored (an empty answer is
    /// usually a failure upstream and must not stick).
    public func store(_ key: CacheKey, _ value: CachedResult) {
        guard !value.candidates.isEmpty, let data = try? JSONEncoder().encode(value) else { return }
        memory.withLock { $0.put(key, value, bytes: data.count) }
        guard let disk else { return }
        let updates = takePending()
        let maxBytes = configuration.maxDiskBytes
        let expiredBefore = configuration.ttl > 0 ? clock.now().timeIntervalSince1970 - configuration.ttl : nil
        let createdAt = value.createdAt.timeIntervalSince1970
        let model = key.model
        let digest = key.digest
        let report = diskErrorReporter()
        writer.async {
            do {
                try disk.apply(updates)
                try disk.write(digest, model: model, value: data, createdAt: createdAt)
                try disk.evict(maxBytes: maxBytes, expiredBefore: expiredBefore)
            } catch {
                report(error, "write")
            }
        }
    }

    /// Waits until every queued disk write is done (for shutdown, the CLI and tests). Blocks the
    /// calling thread briefly; do not call it from the cooperative pool in a hot path.
    public func flush() {
        scheduleFlush()
        writer.sync {}
    }

    public func stats() -> CacheStats {
        let (memoryEntries, memoryBytes) = memory.withLock { ($0.count, $0.totalBytes) }
        var stats = CacheStats(memoryEntries: memoryEntries, memoryBytes: memoryBytes, path: disk?.path)
        if let disk {
            flush()
            do {
                let totals = try disk.totals()
                stats.entries = totals.entries
                stats.bytes = totals.bytes
                stats.perModel = totals.perModel
            } catch {
                handleDiskError(error, during: "stats")
            }
        } else {
            stats.entries = memoryEntries
            stats.bytes = memoryBytes
            for (model, counts) in sessionCounters.withLock({ $0 }) {
                stats.perModel[model, default: .init()].hits = counts.hits
                stats.perModel[model, default: .init()].misses = counts.misses
            }
        }
        stats.hits = stats.perModel.values.reduce(0) { $0 + $1.hits }
        stats.misses = stats.perModel.values.reduce(0) { $0 + $1.misses }
        return stats
    }

    /// Empties memory and disk (entries and counters).
    public func clear() throws {
        memory.withLock { $0.removeAll() }
        pending.withLock { $0 = PendingDiskUpdates() }
        sessionCounters.withLock { $0 = [:] }
        guard let disk else { return }
        writer.sync {}
        do {
            try disk.clear()
        } catch {
            throw CacheError(userMessage: "could not clear the cache at \(disk.path): \(DiskStore.describe(error))")
        }
    }

    // MARK: internals

    private func isFresh(_ createdAt: Date, now: Date) -> Bool {
        configuration.ttl <= 0 || now.timeIntervalSince(createdAt) <= configuration.ttl
    }

    private func recordHit(_ key: CacheKey, now: Date) {
        pending.withLock { $0.touches[key.digest] = now.timeIntervalSince1970 }
        record(key.model, hit: true)
    }

    private func record(_ model: String, hit: Bool) {
        sessionCounters.withLock { counters in
            if hit { counters[model, default: (0, 0)].hits += 1 } else { counters[model, default: (0, 0)].misses += 1 }
        }
        guard disk != nil else { return }
        let size = pending.withLock { updates -> Int in
            if hit { updates.counters[model, default: (0, 0)].hits += 1 } else { updates.counters[model, default: (0, 0)].misses += 1 }
            return updates.size
        }
        let due = lastFlush.withLock { clock.now().timeIntervalSince($0) > Self.flushInterval }
        if size >= Self.flushEvery || due { scheduleFlush() }
    }

    private func takePending() -> PendingDiskUpdates {
        lastFlush.withLock { $0 = clock.now() }
        return pending.withLock { value -> PendingDiskUpdates in
            defer { value = PendingDiskUpdates() }
            return value
        }
    }

    private func scheduleFlush() {
        // Pending updates come from lookups, which opened the store: never open it just to flush.
        guard let disk = opener.storeIfOpened else { return }
        let updates = takePending()
        guard !updates.isEmpty else { return }
        let report = diskErrorReporter()
        writer.async {
            do { try disk.apply(updates) } catch { report(error, "update") }
        }
    }

    /// A closure for the writer queue that does not retain `self`.
    private func diskErrorReporter() -> @Sendable (Error, String) -> Void {
        let disk = self.disk
        let logger = self.logger
        let warningLog = self.warningLog
        return { error, operation in
            Self.report(error, during: operation, disk: disk, logger: logger, warnings: warningLog)
        }
    }

    private func handleDiskError(_ error: Error, during operation: String) {
        let disk = self.disk
        let report = diskErrorReporter()
        // Recovery (moving a corrupt file aside) is serialised with the writes.
        if disk != nil, DiskStore.isCorruption(error) {
            writer.async { report(error, operation) }
        } else {
            report(error, operation)
        }
    }

    private static func report(_ error: Error, during operation: String, disk: DiskStore?, logger: Logger, warnings: WarningLog) {
        var message = "cache \(operation) failed: \(DiskStore.describe(error))"
        if let disk, DiskStore.isCorruption(error) {
            switch disk.recover(after: error) {
            case .healthy: return
            case .recovered(let text), .failed(let text): message = text
            }
        }
        logger.warning("\(message)")
        warnings.add(message)
    }
}

/// Opens the disk store once, on first use, from whichever thread asks first.
final class LazyDiskStore: Sendable {
    private enum State { case unopened(@Sendable () -> DiskStore?), opened(DiskStore?) }
    private let state: Mutex<State>

    init(_ open: @escaping @Sendable () -> DiskStore?) { state = Mutex(.unopened(open)) }

    var store: DiskStore? {
        state.withLock { state in
            switch state {
            case .opened(let store):
                return store
            case .unopened(let open):
                let store = open()
                state = .opened(store)
                return store
            }
        }
    }

    /// The store if it was opened; never starts an open (deinit and flushes have nothing to
    /// write before a lookup or store opened it).
    var storeIfOpened: DiskStore? {
        state.withLock { state in
            if case .opened(let store) = state { return store }
            return nil
        }
    }
}

/// Warnings kept for `warnings` (bounded, consecutive duplicates dropped).
final class WarningLog: Sendable {
    private let list = Mutex<[String]>([])

    func add(_ message: String) {
        list.withLock { list in
            if list.count < 50, list.last != message { list.append(message) }
        }
    }

    var all: [String] { list.withLock { $0 } }
}

/// A cache operation the user asked for failed (e.g. `docwright cache clear`).
public struct CacheError: UserFacingError, CustomStringConvertible {
    public let userMessage: String
    public var description: String { userMessage }
}
