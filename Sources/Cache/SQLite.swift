import CSQLite
import FoundationEssentials
import Synchronization

/// What SQLite reported: its extended result code and message, or (code -1) why libsqlite3 could
/// not be loaded.
struct SQLiteError: Error, CustomStringConvertible {
    var extendedCode: Int32
    var message: String

    /// The primary result code (SQLITE_BUSY, SQLITE_CORRUPT…), what callers classify by.
    var code: Int32 { extendedCode < 0 ? extendedCode : extendedCode & 0xFF }

    var description: String { extendedCode < 0 ? message : "SQLite \(code): \(message)" }

    fileprivate init(extendedCode: Int32, message: String) {
        self.extendedCode = extendedCode
        self.message = message
    }

    /// The connection's last error.
    fileprivate init(_ db: OpaquePointer) {
        self.init(extendedCode: docwright_sqlite3_extended_errcode(db), message: String(cString: docwright_sqlite3_errmsg(db)))
    }

    static func mismatch(_ message: String) -> SQLiteError { SQLiteError(extendedCode: SQLITE_MISMATCH, message: message) }
}

/// A value bound to a `?` parameter.
enum SQLiteValue {
    case blob(Data)
    case text(String)
    case integer(Int)
    case real(Double)
}

/// One result row, valid only inside the closure that receives it.
struct SQLiteRow {
    fileprivate let statement: OpaquePointer

    func data(_ column: Int32) -> Data {
        let count = Int(docwright_sqlite3_column_bytes(statement, column))
        guard count > 0, let bytes = docwright_sqlite3_column_blob(statement, column) else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    func text(_ column: Int32) -> String {
        guard let text = docwright_sqlite3_column_text(statement, column) else { return "" }
        return String(cString: text)
    }

    func int(_ column: Int32) -> Int { Int(docwright_sqlite3_column_int64(statement, column)) }
    func double(_ column: Int32) -> Double { docwright_sqlite3_column_double(statement, column) }
}

/// One SQLite connection (libsqlite3 loaded with dlopen, see Sources/CSQLite).
///
/// Not thread-safe by itself (opened with SQLITE_OPEN_NOMUTEX): `SQLitePool` hands each
/// connection to one thread at a time, which is what makes the unchecked Sendable hold.
final class SQLiteConnection: @unchecked Sendable {
    private let db: OpaquePointer

    /// Loads libsqlite3 once per process.
    static func load() throws(SQLiteError) {
        var buffer = [CChar](repeating: 0, count: 512)
        if docwright_sqlite3_load(&buffer, buffer.count) != 0 {
            throw SQLiteError(extendedCode: -1, message: String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }

    /// - Parameter busyTimeout: seconds a statement waits for another connection's lock.
    init(path: String, busyTimeout: Double) throws(SQLiteError) {
        try Self.load()
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = docwright_sqlite3_open_v2(path, &handle, flags)
        guard let handle else { throw SQLiteError(extendedCode: status, message: "cannot open \(path)") }
        guard status == SQLITE_OK else {
            let error = SQLiteError(handle)
            docwright_sqlite3_close_v2(handle)
            throw error
        }
        db = handle
        docwright_sqlite3_busy_timeout(db, Int32(clamping: Int((busyTimeout * 1000).rounded())))
    }

    deinit { docwright_sqlite3_close_v2(db) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(docwright_sqlite3_changes(db)) }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws(SQLiteError) {
        guard docwright_sqlite3_exec(db, sql) == SQLITE_OK else { throw SQLiteError(db) }
    }

    /// Runs one statement with parameters to completion.
    func execute(_ sql: String, _ arguments: [SQLiteValue]) throws(SQLiteError) {
        try query(sql, arguments) { _ in true }
    }

    /// Runs one statement, handing each row to `row` until it returns false.
    func query(_ sql: String, _ arguments: [SQLiteValue] = [], row: (SQLiteRow) throws(SQLiteError) -> Bool) throws(SQLiteError) {
        var prepared: OpaquePointer?
        guard docwright_sqlite3_prepare_v2(db, sql, &prepared) == SQLITE_OK, let statement = prepared else { throw SQLiteError(db) }
        defer { docwright_sqlite3_finalize(statement) }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch argument {
            case .blob(let data):
                status = data.withUnsafeBytes { docwright_sqlite3_bind_blob(statement, index, $0.baseAddress, Int32(clamping: $0.count)) }
            case .text(let text):
                status = docwright_sqlite3_bind_text(statement, index, text)
            case .integer(let value):
                status = docwright_sqlite3_bind_int64(statement, index, Int64(value))
            case .real(let value):
                status = docwright_sqlite3_bind_double(statement, index, value)
            }
            guard status == SQLITE_OK else { throw SQLiteError(db) }
        }
        while true {
            switch docwright_sqlite3_step(statement) {
            case SQLITE_ROW:
                guard try row(SQLiteRow(statement: statement)) else { return }
            case SQLITE_DONE:
                return
            default:
                throw SQLiteError(db)
            }
        }
    }

    /// The first column of the first row as an integer (nil: no row).
    func int(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> Int? {
        var value: Int?
        try query(sql, arguments) { row in
            value = row.int(0)
            return false
        }
        return value
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(begin: String = "BEGIN IMMEDIATE", _ body: (SQLiteConnection) throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute(begin)
        do {
            let result = try body(self)
            try execute("COMMIT")
            return result
        } catch {
            // After some errors SQLite has rolled back already; this one may then fail too.
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// A WAL-mode database file with one writer connection and reader connections, so that reads
/// never wait for this process's writes (nor, thanks to WAL, for other processes').
final class SQLitePool: Sendable {
    let path: String
    private let busyTimeout: Double
    private let writer: Mutex<SQLiteConnection>
    /// Idle readers; a read with none idle opens another, and at most `keptReaders` are kept.
    private let readers = Mutex<[SQLiteConnection]>([])
    static let keptReaders = 2

    init(path: String, busyTimeout: Double) throws(SQLiteError) {
        self.path = path
        self.busyTimeout = busyTimeout
        let connection = try SQLiteConnection(path: path, busyTimeout: busyTimeout)
        // WAL: readers and the writer do not block each other, and several processes share the file.
        try connection.execute("PRAGMA journal_mode = WAL")
        try Self.prepare(connection)
        writer = Mutex(connection)
    }

    private static func prepare(_ connection: SQLiteConnection) throws(SQLiteError) {
        // A cache can lose its last writes on power loss; NORMAL in WAL mode avoids an fsync per commit.
        try connection.execute("PRAGMA synchronous = NORMAL")
    }

    /// Runs `body` in an IMMEDIATE transaction on the writer (taking the file's write lock at
    /// once, so two processes never deadlock upgrading read locks).
    func write<T: Sendable>(_ body: (SQLiteConnection) throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try writer.withLock { connection throws(SQLiteError) -> T in try connection.transaction(body) }
    }

    /// For statements that cannot run in a transaction (VACUUM, some PRAGMAs).
    func writeWithoutTransaction<T: Sendable>(_ body: (SQLiteConnection) throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try writer.withLock { connection throws(SQLiteError) -> T in try body(connection) }
    }

    /// Runs `body` in a read transaction (one consistent snapshot) on a reader connection.
    func read<T: Sendable>(_ body: (SQLiteConnection) throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        let connection: SQLiteConnection
        if let idle = readers.withLock({ $0.popLast() }) {
            connection = idle
        } else {
            connection = try SQLiteConnection(path: path, busyTimeout: busyTimeout)
            try connection.execute("PRAGMA query_only = 1")
        }
        let result = try connection.transaction(begin: "BEGIN DEFERRED", body)
        // A connection whose read failed is dropped (closed), never reused.
        readers.withLock { idle in
            if idle.count < Self.keptReaders { idle.append(connection) }
        }
        return result
    }
}
