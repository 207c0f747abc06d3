import CSQLite
import DocwrightCore
import FoundationEssentials
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SQLite file behind the cache (`SQLitePool`: WAL mode, so readers never wait for a writer
/// and two docwright processes can share it; a busy timeout covers write contention).
///
/// Thread-safe: the pool is, and swapping it after a corruption is guarded by a mutex.
final class DiskStore: Sendable {
    static let fileName = "cache.sqlite"
    static let schemaVersion = 1

    /// Why the store could not be opened.
    enum OpenFailure: Error {
        /// The directory or file cannot be created or written (read-only directory, permissions).
        case unwritable(String)
        /// Something else went wrong; the message says what.
        case other(String)
    }

    struct Row: Sendable {
        var value: Data
        var createdAt: Double
    }

    let path: String
    private let busyTimeout: Double
    private let pool: Mutex<SQLitePool>
    /// Bytes stored as far as this process knows (nil = unknown): saves a full SUM per write.
    /// Other processes' writes are picked up by a recount every `recountEvery` writes.
    private let knownBytes = Mutex<(total: Int?, writesSinceCount: Int)>((nil, 0))
    static let recountEvery = 64

    private init(path: String, busyTimeout: Double, pool: SQLitePool) {
        self.path = path
        self.busyTimeout = busyTimeout
        self.pool = Mutex(pool)
    }

    /// Opens (creating) `directory/cache.sqlite`. A file that is not a database or is corrupt is
    /// moved aside to `cache.sqlite.corrupt-<timestamp>` and a fresh one created; `warnings`
    /// receives a line about it.
    static func open(directory: String, busyTimeout: Double, warnings: inout [String]) -> Result<DiskStore, OpenFailure> {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return .failure(.unwritable("cannot create \(directory): \(ErrorText.describe(error))"))
        }
        guard access(directory, W_OK) == 0 else { return .failure(.unwritable("\(directory) is not writable")) }
        let path = PathText.appending(fileName, to: directory)
        switch openPool(path: path, busyTimeout: busyTimeout) {
        case .success(let pool):
            return .success(DiskStore(path: path, busyTimeout: busyTimeout, pool: pool))
        case .failure(let error) where isCorruption(error):
            let aside = moveAside(path)
            warnings.append("cache file \(path) was unreadable (\(describe(error))); moved to \(aside) and started a new one")
            switch openPool(path: path, busyTimeout: busyTimeout) {
            case .success(let pool): return .success(DiskStore(path: path, busyTimeout: busyTimeout, pool: pool))
            case .failure(let error): return .failure(classify(error))
            }
        case .failure(let error):
            return .failure(classify(error))
        }
    }

    /// Two processes creating the same new file at once can meet SQLITE_BUSY/LOCKED while one of
    /// them switches the file to WAL (SQLite does not call the busy handler there): try again.
    private static func openPool(path: String, busyTimeout: Double) -> Result<SQLitePool, SQLiteError> {
        var result = openPoolOnce(path: path, busyTimeout: busyTimeout)
        for attempt in 1...5 {
            guard case .failure(let error) = result, isContention(error) else { break }
            usleep(useconds_t(20_000 * attempt))
            result = openPoolOnce(path: path, busyTimeout: busyTimeout)
        }
        return result
    }

    static func isContention(_ error: Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return error.code == SQLITE_BUSY || error.code == SQLITE_LOCKED
    }

    private static func openPoolOnce(path: String, busyTimeout: Double) -> Result<SQLitePool, SQLiteError> {
        do throws(SQLiteError) {
            let pool = try SQLitePool(path: path, busyTimeout: busyTimeout)
            // Only takes effect while the file has no tables: lets evictions shrink the file.
            try pool.writeWithoutTransaction { db throws(SQLiteError) in try db.execute("PRAGMA auto_vacuum = INCREMENTAL") }
            try pool.write { db throws(SQLiteError) in
                let version = try db.int("PRAGMA user_version") ?? 0
                if version > schemaVersion {
                    throw SQLiteError.mismatch("cache schema \(version) is newer than this docwright")
                }
                try db.execute("""
                    CREATE TABLE IF NOT EXISTS entries (
                        key BLOB PRIMARY KEY NOT NULL,
                        model TEXT NOT NULL,
                        value BLOB NOT NULL,
                        bytes INTEGER NOT NULL,
                        created_at REAL NOT NULL,
                        accessed_at REAL NOT NULL
                    );
                    CREATE INDEX IF NOT EXISTS entries_by_access ON entries(accessed_at);
                    CREATE TABLE IF NOT EXISTS counters (
                        model TEXT PRIMARY KEY NOT NULL,
                        hits INTEGER NOT NULL DEFAULT 0,
                        misses INTEGER NOT NULL DEFAULT 0
                    );
                    PRAGMA user_version = \(schemaVersion);
                    """)
            }
            // Reading the schema back proves the file is a healthy database.
            _ = try pool.read { db throws(SQLiteError) in try db.int("SELECT count(*) FROM entries LIMIT 1") }
            return .success(pool)
        } catch {
            return .failure(error)
        }
    }

    // MARK: operations

    func read(_ key: [UInt8]) throws -> Row? {
        let pool = self.pool.withLock { $0 }
        return try pool.read { db throws(SQLiteError) -> Row? in
            var found: Row?
            try db.query("SELECT value, created_at FROM entries WHERE key = ?", [.blob(Data(key))]) { row in
                found = Row(value: row.data(0), createdAt: row.double(1))
                return false
            }
            return found
        }
    }

    func write(_ key: [UInt8], model: String, value: Data, createdAt: Double) throws {
        let pool = self.pool.withLock { $0 }
        try pool.write { db throws(SQLiteError) in
            try db.execute(
                """
                INSERT INTO entries (key, model, value, bytes, created_at, accessed_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET model = excluded.model, value = excluded.value, bytes = excluded.bytes,
                    created_at = excluded.created_at, accessed_at = excluded.accessed_at
                """,
                [.blob(Data(key)), .text(model), .blob(value), .integer(value.count), .real(createdAt), .real(createdAt)])
        }
        knownBytes.withLock { known in
            known.total = known.total.map { $0 + value.count }
            known.writesSinceCount += 1
        }
    }

    /// Applies batched access times, deletions and hit/miss counters in one transaction.
    func apply(_ pending: PendingDiskUpdates) throws {
        guard !pending.isEmpty else { return }
        let pool = self.pool.withLock { $0 }
        try pool.write { db throws(SQLiteError) in
            for (key, time) in pending.touches {
                try db.execute("UPDATE entries SET accessed_at = max(accessed_at, ?) WHERE key = ?", [.real(time), .blob(Data(key))])
            }
            for key in pending.deletions {
                try db.execute("DELETE FROM entries WHERE key = ?", [.blob(Data(key))])
            }
            for (model, counts) in pending.counters {
                try db.execute(
                    """
                    INSERT INTO counters (model, hits, misses) VALUES (?, ?, ?)
                    ON CONFLICT(model) DO UPDATE SET hits = hits + excluded.hits, misses = misses + excluded.misses
                    """,
                    [.text(model), .integer(counts.hits), .integer(counts.misses)])
            }
        }
    }

    /// Deletes expired entries, then the least recently accessed until the stored bytes fit
    /// `maxBytes`. Returns how many entries were removed.
    /// Cheap when nothing needs doing: the full pass runs only when the known total exceeds the
    /// cap, on every `recountEvery`-th write, or when forced.
    @discardableResult
    func evict(maxBytes: Int, expiredBefore: Double?, force: Bool = false) throws -> Int {
        let due = knownBytes.withLock { known in
            force || known.total == nil || known.total ?? 0 > maxBytes || known.writesSinceCount >= Self.recountEvery
        }
        guard due else { return 0 }
        let pool = self.pool.withLock { $0 }
        let (removed, remaining) = try pool.write { db throws(SQLiteError) -> (Int, Int) in
            var removed = 0
            if let expiredBefore {
                try db.execute("DELETE FROM entries WHERE created_at < ?", [.real(expiredBefore)])
                removed += db.changes
            }
            let total = try db.int("SELECT COALESCE(SUM(bytes), 0) FROM entries") ?? 0
            guard total > maxBytes else { return (removed, total) }
            // Free down to 90% of the cap so every store does not trigger another eviction.
            var excess = total - maxBytes * 9 / 10
            var victims: [Data] = []
            var freed = 0
            try db.query("SELECT key, bytes FROM entries ORDER BY accessed_at ASC") { row in
                victims.append(row.data(0))
                let bytes = row.int(1)
                excess -= bytes
                freed += bytes
                return excess > 0
            }
            for key in victims {
                try db.execute("DELETE FROM entries WHERE key = ?", [.blob(key)])
            }
            return (removed + victims.count, total - freed)
        }
        knownBytes.withLock { $0 = (remaining, 0) }
        if removed > 0 {
            try? pool.writeWithoutTransaction { db throws(SQLiteError) in try db.execute("PRAGMA incremental_vacuum") }
        }
        return removed
    }

    struct Totals: Sendable {
        var entries = 0
        var bytes = 0
        var perModel: [String: CacheStats.ModelStats] = [:]
    }

    func totals() throws -> Totals {
        let pool = self.pool.withLock { $0 }
        return try pool.read { db throws(SQLiteError) -> Totals in
            var totals = Totals()
            try db.query("SELECT model, count(*), COALESCE(SUM(bytes), 0) FROM entries GROUP BY model") { row in
                let model = row.text(0)
                let entries = row.int(1)
                let bytes = row.int(2)
                totals.entries += entries
                totals.bytes += bytes
                totals.perModel[model, default: .init()].entries = entries
                totals.perModel[model, default: .init()].bytes = bytes
                return true
            }
            try db.query("SELECT model, hits, misses FROM counters") { row in
                let model = row.text(0)
                totals.perModel[model, default: .init()].hits = row.int(1)
                totals.perModel[model, default: .init()].misses = row.int(2)
                return true
            }
            return totals
        }
    }

    func clear() throws {
        let pool = self.pool.withLock { $0 }
        try pool.write { db throws(SQLiteError) in
            try db.execute("DELETE FROM entries; DELETE FROM counters;")
        }
        knownBytes.withLock { $0 = (0, 0) }
        try pool.writeWithoutTransaction { db throws(SQLiteError) in try db.execute("VACUUM") }
    }

    enum Recovery: Sendable {
        /// The current file reads fine (another caller already recovered it).
        case healthy
        case recovered(String)
        case failed(String)
    }

    /// After a corruption found while running: if the current file is still unreadable, moves it
    /// aside and opens a fresh one. The old pool is not closed, only released: operations still
    /// holding it finish (with errors) instead of hitting a closed connection.
    func recover(after error: Error) -> Recovery {
        pool.withLock { current -> Recovery in
            let stillReadable = (try? current.read { db throws(SQLiteError) in try db.int("SELECT count(*) FROM entries") }) != nil
            if stillReadable { return .healthy }
            let aside = Self.moveAside(path)
            switch Self.openPool(path: path, busyTimeout: busyTimeout) {
            case .success(let fresh):
                current = fresh
                knownBytes.withLock { $0 = (nil, 0) }
                return .recovered("cache file \(path) became unreadable (\(Self.describe(error))); moved to \(aside) and started a new one")
            case .failure(let reopenError):
                return .failed("cache file \(path) is corrupt and could not be recreated: \(Self.describe(reopenError))")
            }
        }
    }

    // MARK: errors

    static func isCorruption(_ error: Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return error.code == SQLITE_CORRUPT || error.code == SQLITE_NOTADB
    }

    private static func classify(_ error: Error) -> OpenFailure {
        if let error = error as? SQLiteError,
           [SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH, SQLITE_IOERR].contains(error.code) {
            return .unwritable(describe(error))
        }
        return .other(describe(error))
    }

    static func describe(_ error: Error) -> String { String(describing: error) }

    /// Renames the file and its WAL/SHM companions to `<name>.corrupt-<timestamp>[-wal|-shm]`.
    private static func moveAside(_ path: String) -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        var target = "\(path).corrupt-\(stamp)"
        var attempt = 1
        while FileManager.default.fileExists(atPath: target) {
            attempt += 1
            target = "\(path).corrupt-\(stamp)-\(attempt)"
        }
        rename(path, target)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            if rename(path + suffix, target + suffix) != 0 { unlink(path + suffix) }
        }
        return target
    }
}

/// Updates collected by lookups and applied to the disk in batches, so that a lookup stays a
/// single read.
struct PendingDiskUpdates: Sendable {
    var touches: [[UInt8]: Double] = [:]
    var deletions: Set<[UInt8]> = []
    var counters: [String: (hits: Int, misses: Int)] = [:]

    var isEmpty: Bool { touches.isEmpty && deletions.isEmpty && counters.isEmpty }
    var size: Int { touches.count + deletions.count + counters.count }
}
