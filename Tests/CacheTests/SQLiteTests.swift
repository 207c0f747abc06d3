import Foundation
import Testing
@testable import Cache

/// The thin SQLite layer under DiskStore, on real files in a temp directory.
struct SQLiteTests {
    private func withPool(_ body: (SQLitePool, String) throws -> Void) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/test.sqlite"
        try body(try SQLitePool(path: path, busyTimeout: 1), path)
    }

    @Test func valuesRoundTrip() throws {
        try withPool { pool, _ in
            try pool.write { db throws(SQLiteError) in
                try db.execute("CREATE TABLE t (b BLOB, s TEXT, i INTEGER, r REAL)")
                try db.execute("INSERT INTO t VALUES (?, ?, ?, ?)", [.blob(Data([0, 1, 255])), .text("ünï\u{0}x"), .integer(Int.max), .real(1.5)])
                try db.execute("INSERT INTO t VALUES (?, ?, ?, ?)", [.blob(Data()), .text(""), .integer(-1), .real(-0.25)])
            }
            let rows = try pool.read { db throws(SQLiteError) -> [String] in
                var rows: [String] = []
                try db.query("SELECT b, s, i, r, typeof(b) FROM t ORDER BY i DESC") { row in
                    rows.append("\([UInt8](row.data(0))) \(row.text(1)) \(row.int(2)) \(row.double(3)) \(row.text(4))")
                    return true
                }
                return rows
            }
            // Text stops at NUL as C strings do; an empty blob stays a blob, not NULL.
            #expect(rows == ["[0, 1, 255] ünï \(Int.max) 1.5 blob", "[]  -1 -0.25 blob"])
        }
    }

    @Test func walModeAndSynchronousNormal() throws {
        try withPool { pool, path in
            let mode = try pool.writeWithoutTransaction { db throws(SQLiteError) -> String in
                var mode = ""
                try db.query("PRAGMA journal_mode") { row in
                    mode = row.text(0)
                    return false
                }
                return mode
            }
            #expect(mode == "wal")
            #expect(try pool.writeWithoutTransaction { db throws(SQLiteError) in try db.int("PRAGMA synchronous") } == 1)
            // The WAL file appears with the first write.
            try pool.write { db throws(SQLiteError) in try db.execute("CREATE TABLE t (k INTEGER)") }
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func errorsCarryCodeAndMessage() throws {
        try withPool { pool, _ in
            do {
                try pool.write { db throws(SQLiteError) in try db.execute("SELEC 1") }
                Issue.record("no error")
            } catch let error as SQLiteError {
                #expect(error.code == 1)
                #expect(error.description.hasPrefix("SQLite 1: near \"SELEC\""))
            }
        }
    }

    @Test func failedTransactionRollsBack() throws {
        try withPool { pool, _ in
            try pool.write { db throws(SQLiteError) in try db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY)") }
            #expect(throws: SQLiteError.self) {
                try pool.write { db throws(SQLiteError) in
                    try db.execute("INSERT INTO t VALUES (?)", [.integer(1)])
                    try db.execute("INSERT INTO t VALUES (?)", [.integer(1)])   // constraint violation
                }
            }
            #expect(try pool.read { db throws(SQLiteError) in try db.int("SELECT count(*) FROM t") } == 0)
            // The writer is usable again.
            try pool.write { db throws(SQLiteError) in try db.execute("INSERT INTO t VALUES (?)", [.integer(2)]) }
            #expect(try pool.read { db throws(SQLiteError) in try db.int("SELECT count(*) FROM t") } == 1)
        }
    }

    @Test func readersSeeCommittedWritesAndCannotWrite() throws {
        try withPool { pool, _ in
            try pool.write { db throws(SQLiteError) in
                try db.execute("CREATE TABLE t (k INTEGER)")
                try db.execute("INSERT INTO t VALUES (?)", [.integer(7)])
            }
            #expect(try pool.read { db throws(SQLiteError) in try db.int("SELECT k FROM t") } == 7)
            #expect(throws: SQLiteError.self) {
                try pool.read { db throws(SQLiteError) in try db.execute("DELETE FROM t") }
            }
            #expect(try pool.read { db throws(SQLiteError) in try db.int("SELECT k FROM t WHERE k = ?", [.integer(8)]) } == nil)
        }
    }

    @Test func newerSchemaIsRefusedWithoutTouchingTheFile() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + DiskStore.fileName
        do {
            let pool = try SQLitePool(path: path, busyTimeout: 1)
            try pool.writeWithoutTransaction { db throws(SQLiteError) in try db.execute("PRAGMA user_version = 99") }
        }
        var warnings: [String] = []
        guard case .failure(.other(let reason)) = DiskStore.open(directory: directory, busyTimeout: 1, warnings: &warnings) else {
            Issue.record("opened a newer schema")
            return
        }
        #expect(reason == "SQLite 20: cache schema 99 is newer than this docwright")
        #expect(warnings.isEmpty)
        #expect(try SQLitePool(path: path, busyTimeout: 1).read { db throws(SQLiteError) in try db.int("PRAGMA user_version") } == 99)
    }
}
