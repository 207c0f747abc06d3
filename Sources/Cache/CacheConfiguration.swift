import DocwrightCore
import FoundationEssentials

/// Limits and location of the cache.
public struct CacheConfiguration: Sendable, Hashable {
    /// Directory holding `cache.sqlite`; nil = `$XDG_CACHE_HOME/docwright`, else `~/.cache/docwright`.
    public var directory: String?
    /// false = memory only (no file is touched).
    public var diskEnabled: Bool
    public var memoryEntries: Int
    public var memoryBytes: Int
    /// Seconds an entry stays valid; 0 or less = forever.
    public var ttl: Double
    /// Bytes of stored results kept on disk; the least recently used go first beyond it.
    public var maxDiskBytes: Int
    /// How long to wait for another process holding the database lock.
    public var busyTimeout: Double

    public init(
        directory: String? = nil, diskEnabled: Bool = true, memoryEntries: Int = 256, memoryBytes: Int = 32 << 20,
        ttl: Double = 7 * 24 * 3600, maxDiskBytes: Int = 256 << 20, busyTimeout: Double = 5
    ) {
        self.directory = directory
        self.diskEnabled = diskEnabled
        self.memoryEntries = memoryEntries
        self.memoryBytes = memoryBytes
        self.ttl = ttl
        self.maxDiskBytes = maxDiskBytes
        self.busyTimeout = busyTimeout
    }

    /// `$XDG_CACHE_HOME/docwright` (absolute paths only, per the XDG spec), else `$HOME/.cache/docwright`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return PathText.appending("docwright", to: xdg)
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return PathText.appending(".cache/docwright", to: home)
        }
        return nil
    }

    /// The directory actually used.
    var resolvedDirectory: String? { directory ?? Self.defaultDirectory() }
}

/// Counts for `docwright cache stats`.
public struct CacheStats: Sendable, Hashable, Codable {
    public struct ModelStats: Sendable, Hashable, Codable {
        public var entries: Int
        public var bytes: Int
        public var hits: Int
        public var misses: Int
        public init(entries: Int = 0, bytes: Int = 0, hits: Int = 0, misses: Int = 0) {
            self.entries = entries
            self.bytes = bytes
            self.hits = hits
            self.misses = misses
        }
    }

    /// Entries and bytes of stored results: on disk, or in memory when memory-only.
    public var entries: Int
    public var bytes: Int
    public var memoryEntries: Int
    public var memoryBytes: Int
    /// Lookups answered / not answered; persisted across processes when the disk cache is on.
    public var hits: Int
    public var misses: Int
    public var perModel: [String: ModelStats]
    /// The database file, nil when memory-only.
    public var path: String?

    public init(entries: Int = 0, bytes: Int = 0, memoryEntries: Int = 0, memoryBytes: Int = 0, hits: Int = 0,
                misses: Int = 0, perModel: [String: ModelStats] = [:], path: String? = nil) {
        self.entries = entries
        self.bytes = bytes
        self.memoryEntries = memoryEntries
        self.memoryBytes = memoryBytes
        self.hits = hits
        self.misses = misses
        self.perModel = perModel
        self.path = path
    }
}
