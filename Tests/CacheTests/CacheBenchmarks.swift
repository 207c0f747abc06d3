import Foundation
import Testing
@testable import Cache

/// Benchmarks print figures; no timing is asserted. Representative numbers need a release
/// build: `swift test -c release -Xswiftc -enable-testing --filter benchmark`.
@Suite("Cache benchmarks", .serialized)
struct CacheBenchmarks {
    func percentiles(_ timings: [Double]) -> (p50: Double, p99: Double) {
        let sorted = timings.sorted()
        return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
    }

    @Test func benchmarkDiskLookup() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let writer = diskCache(directory)
            for index in 0..<1000 { writer.store(makeKey(index), makeResult(index, textBytes: 400)) }
            writer.flush()
        }
        // No memory level: every lookup reads SQLite and decodes JSON.
        let cache = diskCache(directory, memoryEntries: 0)
        var disk: [Double] = []
        var found = 0
        for round in 0..<3000 {
            let key = makeKey((round * 7919) % 1000)
            let start = DispatchTime.now().uptimeNanoseconds
            if cache.lookup(key) != nil { found += 1 }
            disk.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let memoryCache = diskCache(directory, memoryEntries: 1000)
        for index in 0..<1000 { _ = memoryCache.lookup(makeKey(index)) }
        var memory: [Double] = []
        for round in 0..<3000 {
            let key = makeKey((round * 7919) % 1000)
            let start = DispatchTime.now().uptimeNanoseconds
            _ = memoryCache.lookup(key)
            memory.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let d = percentiles(disk)
        let m = percentiles(memory)
        print(String(format: "benchmark cache disk lookup: p50 %.3f ms, p99 %.3f ms (goal ≤ 0.2 ms); memory hit: p50 %.4f ms, p99 %.4f ms",
                     d.p50, d.p99, m.p50, m.p99))
        #expect(found == 3000)
    }

    @Test func benchmarkTenThousandEntries() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let before = residentMegabytes()
        let start = Date()
        let cache = diskCache(directory, memoryEntries: 256)
        for index in 0..<10_000 { cache.store(makeKey(index), makeResult(index, textBytes: 600)) }
        cache.flush()
        let seconds = Date().timeIntervalSince(start)
        let stats = cache.stats()
        let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/cache.sqlite")[.size] as? Int) ?? 0
        print(String(format: "benchmark cache 10,000 entries: stored in %.2f s, %d entries, %.1f MB values, file %.1f MB, RSS %.1f → %.1f MB",
                     seconds, stats.entries, Double(stats.bytes) / 1e6, Double(size) / 1e6, before, residentMegabytes()))
        #expect(stats.entries == 10_000)
    }

    private func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
}
