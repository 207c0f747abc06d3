import ArgumentParser
import Cache
import Config
import Engine
import FoundationEssentials
import Logging

/// `docwright cache stats|clear|path`.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "Inspect or clear the candidate cache.",
        subcommands: [Stats.self, Clear.self, Path.self], defaultSubcommand: Stats.self)

    static func open() -> CandidateCache {
        let config = ConfigStore()
        config.reload()
        return CandidateCache(configuration: CacheConfiguration(config.current.cache), logger: .init(label: "docwright.cache"))
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entries, bytes, hits and misses, per model.")
        func run() async throws {
            let cache = CacheCommand.open()
            let stats = cache.stats()
            print(try jsonString(stats))
        }
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete every cached entry.")
        func run() async throws {
            try CacheCommand.open().clear()
            print("cache cleared")
        }
    }

    struct Path: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the cache database path.")
        func run() async throws {
            print(CacheCommand.open().path ?? "(memory only)")
        }
    }
}
