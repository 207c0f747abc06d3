import Foundation
import Testing
@testable import Cache

@Suite("Memory LRU")
struct MemoryLRUTests {
    @Test func evictsLeastRecentlyUsedByEntries() {
        var lru = MemoryLRU<Int, String>(maxEntries: 3, maxBytes: 1000)
        lru.put(1, "a", bytes: 1)
        lru.put(2, "b", bytes: 1)
        lru.put(3, "c", bytes: 1)
        #expect(lru.get(1) == "a")        // 1 is now most recent
        lru.put(4, "d", bytes: 1)          // evicts 2
        #expect(lru.get(2) == nil)
        #expect(lru.get(1) == "a")
        #expect(lru.get(3) == "c")
        #expect(lru.get(4) == "d")
        #expect(lru.count == 3)
    }

    @Test func evictsByBytesAndRejectsOversizedValues() {
        var lru = MemoryLRU<Int, String>(maxEntries: 100, maxBytes: 100)
        lru.put(1, "a", bytes: 40)
        lru.put(2, "b", bytes: 40)
        lru.put(3, "c", bytes: 40)         // 120 > 100: evicts 1
        #expect(lru.get(1) == nil)
        #expect(lru.totalBytes == 80)
        lru.put(4, "huge", bytes: 101)
        #expect(lru.get(4) == nil)
        #expect(lru.totalBytes == 80)
        lru.put(2, "b2", bytes: 10)        // replace updates the size
        #expect(lru.totalBytes == 50)
        #expect(lru.get(2) == "b2")
    }

    @Test func randomOperationsMatchAReferenceModel() {
        var generator = SystemRandomNumberGenerator()
        var lru = MemoryLRU<Int, Int>(maxEntries: 8, maxBytes: 50)
        var reference: [(key: Int, value: Int, bytes: Int)] = []  // most recent last
        for step in 0..<5000 {
            let key = Int.random(in: 0..<16, using: &generator)
            if Bool.random(using: &generator) {
                let bytes = Int.random(in: 1...20, using: &generator)
                lru.put(key, step, bytes: bytes)
                reference.removeAll { $0.key == key }
                reference.append((key, step, bytes))
                while reference.count > 8 || reference.reduce(0, { $0 + $1.bytes }) > 50 { reference.removeFirst() }
            } else {
                let expected = reference.first { $0.key == key }
                #expect(lru.get(key) == expected?.value)
                if let index = reference.firstIndex(where: { $0.key == key }) {
                    reference.append(reference.remove(at: index))
                }
            }
            #expect(lru.count == reference.count)
        }
    }

    @Test func cacheMemoryOnlyIsBoundedToo() {
        let cache = CandidateCache(configuration: CacheConfiguration(diskEnabled: false, memoryEntries: 2))
        for index in 0..<3 { cache.store(makeKey(index), makeResult(index)) }
        #expect(cache.lookup(makeKey(0)) == nil)
        #expect(cache.lookup(makeKey(2)) == makeResult(2, createdAt: cache.lookup(makeKey(2))?.createdAt ?? Date()))
        #expect(cache.path == nil)
        #expect(cache.stats().memoryEntries == 2)
    }
}
