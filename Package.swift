// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6), .enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "docwright",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "docwright", targets: ["docwright"]),
        // The benchmark harnesses (HumanEval, perf) with the loopback server: never in `docwright`.
        .executable(name: "docwright-bench", targets: ["docwright-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // libcurl, loaded with dlopen on the first request (headers from libcurl4-openssl-dev);
        // typed wrappers for the variadic setopt/getinfo. See Sources/CCurl/include/ccurl.h.
        // dlopen with an override variable and an install hint, for CCurl and CSQLite.
        .target(name: "CLibraryLoading"),
        .target(name: "CCurl", dependencies: ["CLibraryLoading"]),
        // The tree-sitter runtime and grammars, loaded with dlopen on first parse (scripts/grammars
        // builds them; nothing is linked). See Sources/CTreeSitter/include/ctreesitter.h.
        .target(name: "CTreeSitter"),
        // Parse trees: incremental parsing, nodes, queries, loading the grammars the Languages registry
        // names (pure data, no dependencies: no cycle). Knows no LSP or model.
        .target(name: "Syntax", dependencies: ["CTreeSitter", "DocwrightCore", "Languages"], swiftSettings: strict),
        // Plain value types that cross module boundaries (task, prompt, sample, candidate, endpoint).
        .target(name: "DocwrightCore", swiftSettings: strict),
        // JSON values: a strict byte parser (depth-limited), Codable bridging, deterministic writing.
        .target(name: "JSON", swiftSettings: strict),
        .target(name: "JSONRPC", dependencies: ["DocwrightCore", "JSON", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .target(name: "LSP", dependencies: ["JSON", "JSONRPC"], swiftSettings: strict),
        .target(name: "Documents", swiftSettings: strict),
        // One registry entry per language: ids, files, comment syntax, tree-sitter queries, stops, few-shot.
        .target(name: "Languages", swiftSettings: strict),
        .target(name: "Intent", dependencies: ["DocwrightCore", "Languages", "Syntax"], swiftSettings: strict),
        .target(name: "Prompting", dependencies: ["DocwrightCore", "Languages", "Syntax"], swiftSettings: strict),
        // The workspace index (outlines of every file, imports resolved) and context selection.
        .target(name: "ProjectContext", dependencies: ["DocwrightCore", "Languages", "Syntax"], swiftSettings: strict),
        // One type per model provider behind one protocol: request shapes, reply parsing,
        // capabilities, defaults, hints. No transport: Config reads it without linking curl.
        .target(name: "Providers", dependencies: ["DocwrightCore", "JSON"], swiftSettings: strict),
        .target(name: "Gateway", dependencies: [
            "DocwrightCore", "CCurl", "JSON", "Providers", .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .target(name: "Ranking", dependencies: ["DocwrightCore", "JSON", "Languages", "Syntax"], swiftSettings: strict),
        // libsqlite3, loaded with dlopen when the cache first opens its file (headers from
        // libsqlite3-dev). See Sources/CSQLite/include/csqlite.h.
        .target(name: "CSQLite", dependencies: ["CLibraryLoading"]),
        .target(name: "Cache", dependencies: [
            "DocwrightCore", "CSQLite",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .target(name: "Config", dependencies: ["DocwrightCore", "Languages", "Providers", "TOMLKit"], swiftSettings: strict),
        // Secret redaction and file exclusion before anything leaves the machine.
        .target(name: "Privacy", dependencies: ["DocwrightCore"], swiftSettings: strict),
        // A scripted HTTP/1.1 server on loopback: the perf harness's targets and the tests' faults.
        .target(name: "LoopbackHTTP", swiftSettings: strict),
        // Data only test targets use (the planted-secret corpus, kept out of Sources/); never linked into docwright.
        .target(name: "TestFixtures", dependencies: ["LoopbackHTTP", "DocwrightCore", "Gateway"], path: "Tests/TestFixtures", swiftSettings: strict),
        // HumanEval and performance harnesses behind `docwright-bench`.
        .target(name: "Bench", dependencies: [
            "DocwrightCore", "Intent", "Prompting", "Gateway", "Ranking", "Config", "Engine", "LoopbackHTTP", "TestFixtures", "Syntax",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // The generation pipeline without LSP: task → route → cache → gateway → post-process → rank.
        .target(name: "Engine", dependencies: [
            "DocwrightCore", "Intent", "Prompting", "Gateway", "Ranking", "Cache", "Config", "Privacy", "Syntax",
            "ProjectContext", "Languages", .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .target(name: "Server", dependencies: [
            "DocwrightCore", "JSON", "JSONRPC", "LSP", "Documents", "Engine", "Config", "Syntax", "ProjectContext",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // Parse / re-parse / grammar memory figures (scripts/bench syntax); not part of docwright.
        // Index and context-selection figures on a generated workspace (scripts/bench context-perf).
        .executableTarget(name: "context-bench", dependencies: ["ProjectContext", "Syntax", "DocwrightCore"],
                          path: "Sources/ContextBench", swiftSettings: strict),
        .executableTarget(name: "syntax-bench", dependencies: ["Syntax", "DocwrightCore"], path: "Sources/SyntaxBench", swiftSettings: strict),
        .executableTarget(name: "docwright", dependencies: [
            "Server", "Engine", "DocwrightCore", "Providers", "Gateway", "Config", "Cache", "Intent", "Ranking", "JSONRPC", "Syntax",
            "ProjectContext", "JSON",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        .executableTarget(name: "docwright-bench", dependencies: [
            "Bench", "DocwrightCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        .testTarget(name: "DocwrightCoreTests", dependencies: ["DocwrightCore"], swiftSettings: strict),
        .testTarget(name: "LSPTests", dependencies: ["LSP", "JSON", "JSONRPC"], swiftSettings: strict),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSON", "JSONRPC", "DocwrightCore"], swiftSettings: strict),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "DocwrightCore"], swiftSettings: strict),
        .testTarget(name: "IntentTests", dependencies: ["Intent", "DocwrightCore", "Syntax", "Languages", "Prompting", "Ranking"], swiftSettings: strict),
        .testTarget(name: "ProjectContextTests", dependencies: ["ProjectContext", "DocwrightCore", "Languages", "Syntax"], swiftSettings: strict),
        .testTarget(name: "PromptingTests", dependencies: ["Prompting", "DocwrightCore", "Syntax"], swiftSettings: strict),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway", "Providers", "DocwrightCore", "Prompting", "JSON", "LoopbackHTTP", "TestFixtures", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .testTarget(name: "RankingTests", dependencies: ["Ranking", "DocwrightCore", "Languages", "Syntax"], swiftSettings: strict),
        .testTarget(name: "CacheTests", dependencies: ["Cache", "DocwrightCore", "Prompting", "Providers", "TestFixtures"], swiftSettings: strict),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "DocwrightCore", "Providers", "Intent"], swiftSettings: strict),
        .testTarget(name: "PrivacyTests", dependencies: ["Privacy", "DocwrightCore", "TestFixtures"], swiftSettings: strict),
        .testTarget(name: "BenchTests", dependencies: ["Bench", "DocwrightCore"], swiftSettings: strict),
        .testTarget(name: "EngineTests", dependencies: [
            "Engine", "DocwrightCore", "Config", "Gateway", "Cache", "TestFixtures", .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Engine", "JSON", "JSONRPC", "LSP", "DocwrightCore", "TestFixtures", "LoopbackHTTP"], swiftSettings: strict),
        .testTarget(name: "SyntaxTests", dependencies: ["Syntax", "DocwrightCore"], swiftSettings: strict),
        .testTarget(name: "LanguagesTests", dependencies: ["Languages", "Syntax"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["DocwrightCore", "TestFixtures", "LoopbackHTTP"], swiftSettings: strict),
    ]
)
