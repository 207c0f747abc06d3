/// Least-recently-used map bounded by entry count and total bytes (the caller states each
/// value's size). O(1) get/put via a doubly linked list over array slots.
struct MemoryLRU<Key: Hashable, Value> {
    private struct Node {
        var key: Key
        var value: Value
        var bytes: Int
        var previous: Int
        var next: Int
    }

    let maxEntries: Int
    let maxBytes: Int
    private var slots: [Node?] = []
    private var free: [Int] = []
    private var index: [Key: Int] = [:]
    /// Most recently used.
    private var head = -1
    /// Least recently used.
    private var tail = -1
    private(set) var totalBytes = 0

    init(maxEntries: Int, maxBytes: Int) {
        self.maxEntries = max(0, maxEntries)
        self.maxBytes = max(0, maxBytes)
    }

    var count: Int { index.count }

    mutating func get(_ key: Key) -> Value? {
        guard let slot = index[key], let node = slots[slot] else { return nil }
        moveToFront(slot)
        return node.value
    }

    /// Inserts or replaces; evicts least recently used entries beyond the bounds. A value larger
    /// than `maxBytes` is not kept.
    mutating func put(_ key: Key, _ value: Value, bytes: Int) {
        remove(key)
        guard maxEntries > 0, bytes <= maxBytes else { return }
        let node = Node(key: key, value: value, bytes: bytes, previous: -1, next: head)
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
            slots[slot] = node
        } else {
            slot = slots.count
            slots.append(node)
        }
        if head >= 0 { slots[head]?.previous = slot }
        head = slot
        if tail < 0 { tail = slot }
        index[key] = slot
        totalBytes += bytes
        while index.count > maxEntries || totalBytes > maxBytes, tail >= 0, let last = slots[tail] {
            remove(last.key)
        }
    }

    mutating func remove(_ key: Key) {
        guard let slot = index.removeValue(forKey: key), let node = slots[slot] else { return }
        unlink(slot, node)
        totalBytes -= node.bytes
        slots[slot] = nil
        free.append(slot)
    }

    mutating func removeAll() {
        self = MemoryLRU(maxEntries: maxEntries, maxBytes: maxBytes)
    }

    private mutating func moveToFront(_ slot: Int) {
        guard slot != head, let node = slots[slot] else { return }
        unlink(slot, node)
        slots[slot]?.previous = -1
        slots[slot]?.next = head
        if head >= 0 { slots[head]?.previous = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    private mutating func unlink(_ slot: Int, _ node: Node) {
        if node.previous >= 0 { slots[node.previous]?.next = node.next } else if head == slot { head = node.next }
        if node.next >= 0 { slots[node.next]?.previous = node.previous } else if tail == slot { tail = node.previous }
    }
}
