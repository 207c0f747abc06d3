import DocwrightCore
import Foundation
import Testing
@testable import Cache

@Suite("Disk cache (SQLite)")
struct DiskCacheTests {
    @Test func roundTripAcrossRestart() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let stored = makeResult(1)
        do {
            let first = diskCache(directory)
            #expect(first.lookup(makeKey(1)) == nil)
            first.store(makeKey(1), stored)
            first.flush()
            #expect(first.path == directory + "/cache.sqlite")
            #expect(first.warnings.isEmpty)
        }
        let second = diskCache(directory)
        let found = try #require(second.lookup(makeKey(1)))
        #expect(found == stored)
        #expect(found.candidates.first?.evidenceSummary == stored.candidates.first?.evidenceSummary)
        #expect(second.lookup(makeKey(2)) == nil)
        // Hits and misses persist across processes, per model.
        let stats = second.stats()
        #expect(stats.entries == 1)
        #expect(stats.hits == 1)
        #expect(stats.misses == 2)
        #expect(stats.perModel["gemma-3-270m"]?.entries == 1)
        #expect(stats.bytes > 0)
        // Header bytes 18 and 19 are 2 for a database in WAL mode.
        let header = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/cache.sqlite")).prefix(20))
        #expect(header.count == 20 && header[18] == 2 && header[19] == 2)
    }

    @Test func defaultLocationFollowsXDG() {
        #expect(CacheConfiguration.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]) == "/x/cache/docwright")
        #expect(CacheConfiguration.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.cache/docwright")
        #expect(CacheConfiguration.defaultDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.cache/docwright")
        #expect(CacheConfiguration.defaultDirectory(environment: [:]) == nil)
    }

    @Test func expiredEntriesAreMissesAndRemoved() {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = diskCache(directory, ttl: 60)
        cache.store(makeKey(1), makeResult(1, createdAt: Date(timeIntervalSinceNow: -120)))
        cache.store(makeKey(2), makeResult(2, createdAt: Date(timeIntervalSinceNow: -30)))
        #expect(cache.lookup(makeKey(1)) == nil)
        #expect(cache.lookup(makeKey(2)) != nil)
        cache.flush()
        let restarted = diskCache(directory, ttl: 60)
        #expect(restarted.lookup(makeKey(1)) == nil)
        #expect(restarted.stats().entries == 1)
    }

    @Test func sizeCapEvictsLeastRecentlyAccessed() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cap = 16_000
        let cache = diskCache(directory, memoryEntries: 4, maxDiskBytes: cap)
        for index in 0..<40 {
            cache.store(makeKey(index), makeResult(index, textBytes: 500))
            // Keep entry 0 in use: its access time stays recent.
            _ = cache.lookup(makeKey(0))
            Thread.sleep(forTimeInterval: 0.002)
        }
        cache.flush()
        let stats = cache.stats()
        #expect(stats.bytes <= cap)
        #expect(stats.entries < 40)
        let restarted = diskCache(directory, memoryEntries: 0)
        #expect(restarted.lookup(makeKey(0)) != nil, "recently used entry was evicted")
        #expect(restarted.lookup(makeKey(1)) == nil, "oldest entry survived")
        #expect(restarted.lookup(makeKey(39)) != nil)
    }

    @Test func corruptFileIsMovedAsideAndRecreated() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/cache.sqlite"
        try Data(String(repeating: "this is not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let cache = diskCache(directory)
        #expect(cache.path == path)
        #expect(cache.warnings.contains { $0.contains("moved to") }, "\(cache.warnings)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(files.contains { $0.hasPrefix("cache.sqlite.corrupt-") })
        cache.store(makeKey(1), makeResult(1))
        cache.flush()
        #expect(diskCache(directory).lookup(makeKey(1)) != nil)
    }

    @Test func truncatedDatabaseIsRecoveredToo() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let cache = diskCache(directory)
            for index in 0..<50 { cache.store(makeKey(index), makeResult(index, textBytes: 2000)) }
            cache.flush()
        }
        // Keep the header, garble the pages, drop the WAL.
        let path = directory + "/cache.sqlite"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        try #require(bytes.count > 8192)
        for index in 100..<bytes.count where index % 7 == 0 { bytes[index] = 0xA5 }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        let cache = diskCache(directory)
        _ = cache.lookup(makeKey(3))
        cache.store(makeKey(100), makeResult(100))
        cache.flush()
        _ = cache.lookup(makeKey(4))
        cache.flush()
        // Whether found at open or at first use, the cache keeps working and says what happened.
        #expect(!cache.warnings.isEmpty, "corruption went unnoticed")
        print("corruption warnings: \(cache.warnings)")
        #expect(cache.lookup(makeKey(100)) != nil)
    }

    @Test func unwritableDirectoryFallsBackToMemory() throws {
        // Root ignores permission bits, so use places no one can create files in.
        let file = temporaryDirectory() + "/plain-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        for directory in ["/proc/docwright-cache-test", file + "/sub"] {
            let cache = diskCache(directory)
            #expect(cache.path == nil)
            #expect(cache.warnings.contains { $0.contains("memory only") }, "\(cache.warnings)")
            cache.store(makeKey(1), makeResult(1))
            #expect(cache.lookup(makeKey(1)) != nil)
            #expect(cache.stats().entries == 1)
            #expect(cache.stats().hits == 1)
        }
    }

    @Test func emptyResultsAreNotStored() {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = diskCache(directory)
        var empty = makeResult(1)
        empty.candidates = []
        cache.store(makeKey(1), empty)
        cache.flush()
        #expect(cache.lookup(makeKey(1)) == nil)
        #expect(cache.stats().entries == 0)
    }

    @Test func clearEmptiesEverything() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = diskCache(directory)
        for index in 0..<5 { cache.store(makeKey(index, model: index % 2 == 0 ? "a" : "b"), makeResult(index)) }
        #expect(cache.stats().perModel.keys.sorted() == ["a", "b"])
        try cache.clear()
        #expect(cache.lookup(makeKey(0, model: "a")) == nil)
        let stats = cache.stats()
        #expect(stats.entries == 0)
        #expect(stats.hits == 0)
        #expect(stats.misses == 1)
    }

    @Test func twoInstancesWriteConcurrently() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = diskCache(directory)
        let b = diskCache(directory)
        await withTaskGroup(of: Void.self) { group in
            for (offset, cache) in [(0, a), (1000, b)] {
                group.addTask {
                    for index in 0..<150 {
                        cache.store(makeKey(offset + index), makeResult(offset + index))
                        _ = cache.lookup(makeKey(1000 - offset + index))
                    }
                    cache.flush()
                }
            }
        }
        #expect(a.warnings.isEmpty && b.warnings.isEmpty, "\(a.warnings) \(b.warnings)")
        let c = diskCache(directory, memoryEntries: 0)
        #expect(c.stats().entries == 300)
        #expect(c.lookup(makeKey(149)) != nil && c.lookup(makeKey(1149)) != nil)
    }

    @Test func anotherProcessWritingAtTheSameTimeIsTolerated() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = diskCache(directory)
        cache.flush()
        // A second process (python3's sqlite3) hammers the same file with write transactions.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        writer.arguments = ["python3", "-c", """
            import sqlite3, sys, os, time
            db = sqlite3.connect(sys.argv[1], timeout=10)
            db.execute("INSERT INTO entries (key, model, value, bytes, created_at, accessed_at) VALUES (?, 'py', ?, 3, ?, ?)",
                       (bytes.fromhex(sys.argv[2]), b'not json', time.time(), time.time()))
            for i in range(299):
                with db:
                    db.execute("INSERT INTO entries (key, model, value, bytes, created_at, accessed_at) VALUES (?, 'py', ?, 3, ?, ?)",
                               (os.urandom(32), b'bad', time.time(), time.time()))
            print("done")
            """, directory + "/cache.sqlite", makeKey(7777).hex]
        let output = Pipe()
        writer.standardOutput = output
        try writer.run()
        for index in 0..<300 { cache.store(makeKey(index), makeResult(index)) }
        cache.flush()
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("done"))
        #expect(cache.warnings.isEmpty, "\(cache.warnings)")
        let stats = diskCache(directory).stats()
        #expect(stats.perModel["gemma-3-270m"]?.entries == 300)
        #expect(stats.perModel["py"]?.entries == 300)
        // A row in a format we cannot decode (another version, another writer) is a miss, then gone.
        #expect(cache.lookup(makeKey(7777)) == nil)
        cache.flush()
        #expect(diskCache(directory).stats().perModel["py"]?.entries == 299)
    }
}

/// The SQLite file is opened on first use: several caches (processes, in real life) that create
/// the same new file at once must all end up using it.
@Suite struct ConcurrentOpenTests {
    @Test func noFileUntilFirstUse() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = diskCache(directory)
        cache.flush()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "the cache opened its file before any use")
        #expect(cache.lookup(makeKey(1)) == nil)
        #expect(FileManager.default.fileExists(atPath: directory + "/cache.sqlite"))
    }

    @Test func cachesCreatingOneNewFileAtOnceAllUseIt() async throws {
        for round in 0..<20 {
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let caches = (0..<6).map { _ in diskCache(directory) }
            await withTaskGroup(of: Void.self) { group in
                for (offset, cache) in caches.enumerated() {
                    group.addTask {
                        for index in 0..<10 { cache.store(makeKey(offset * 100 + index), makeResult(index)) }
                        cache.flush()
                    }
                }
            }
            for cache in caches { #expect(cache.warnings.isEmpty, "round \(round): \(cache.warnings)") }
            let reader = diskCache(directory, memoryEntries: 0)
            #expect(reader.stats().entries == 60, "round \(round)")
        }
    }
}
