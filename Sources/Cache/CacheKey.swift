import DocwrightCore

/// Identifies one generation request: SHA-256 over a canonical, unambiguous encoding of
/// everything that can change the ranked candidates. Collisions are as unlikely as SHA-256
/// collisions; the material is length-prefixed and tagged, so no two different requests encode
/// the same bytes.
///
/// Included: provider, base URL, model id, API style, FIM template; the prompt (every message or
/// part), the project context a FIM plan carries apart from its prefix (files and preamble), stop
/// sequences and code extraction; every `SamplingParams` field; ranking policy and version;
/// whether verification ran; an optional context string (e.g. a hash of the file the candidates
/// are verified in). Never included: API keys, the *names* of key variables or files, request
/// headers (they may carry credentials), the user's label for the model, timeouts and prices.
public struct CacheKey: Sendable, Hashable, CustomStringConvertible {
    /// Version of this encoding; bump when the material changes.
    public static let formatVersion = "docwright-cache-key-2"

    /// The 32-byte digest. Equality and hashing use only this.
    public let digest: [UInt8]
    /// The model id, kept for per-model statistics (it is also inside the digest).
    public let model: String

    public init(
        endpoint: ModelEndpoint, plan: PromptPlan, params: SamplingParams, rankingPolicy: RankingPolicy,
        rankingVersion: String, verify: Bool, context: String = ""
    ) {
        let material = Self.material(endpoint: endpoint, plan: plan, params: params, rankingPolicy: rankingPolicy,
                                     rankingVersion: rankingVersion, verify: verify, context: context)
        digest = SHA256.hash(material)
        model = endpoint.model
    }

    /// Rebuilds a key read back from storage.
    init(digest: [UInt8], model: String) {
        self.digest = digest
        self.model = model
    }

    public var hex: String { digest.hexString }
    public var description: String { String(hex.prefix(16)) }

    public static func == (a: CacheKey, b: CacheKey) -> Bool { a.digest == b.digest }
    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    /// The exact bytes hashed (exposed to tests to prove what is and is not in the key).
    static func material(
        endpoint: ModelEndpoint, plan: PromptPlan, params: SamplingParams, rankingPolicy: RankingPolicy,
        rankingVersion: String, verify: Bool, context: String
    ) -> [UInt8] {
        var encoder = CanonicalEncoder()
        encoder.field("format", formatVersion)
        encoder.field("provider", endpoint.provider.rawValue)
        encoder.field("base_url", endpoint.baseURL)
        encoder.field("model", endpoint.model)
        encoder.field("api", endpoint.api.rawValue)
        encoder.field("fim_template", endpoint.fimTemplate?.rawValue ?? "")
        switch plan.prompt {
        case .completion(let text):
            encoder.field("prompt.kind", "completion")
            encoder.field("prompt.text", text)
        case .chat(let messages):
            encoder.field("prompt.kind", "chat")
            encoder.field("prompt.count", messages.count)
            for message in messages {
                encoder.field("prompt.role", message.role.rawValue)
                encoder.field("prompt.content", message.content)
            }
        case .fillInMiddle(let prefix, let suffix):
            encoder.field("prompt.kind", "fim")
            encoder.field("prompt.prefix", prefix)
            encoder.field("prompt.suffix", suffix)
        }
        // Completion and chat text already carry the context; FIM plans carry it beside the prefix.
        encoder.field("plan.context_files", plan.contextFiles.count)
        for file in plan.contextFiles {
            encoder.field("plan.context_file.name", file.filename)
            encoder.field("plan.context_file.text", file.text)
        }
        encoder.field("plan.context_preamble", plan.contextPreamble)
        encoder.field("plan.stops", plan.stops)
        encoder.field("plan.extract_code", plan.extractCode)
        encoder.field("params.n", params.n)
        encoder.field("params.temperature", params.temperature)
        encoder.optionalField("params.top_p", params.topP)
        encoder.field("params.max_tokens", params.maxTokens)
        encoder.field("params.stop", params.stop)
        encoder.optionalField("params.seed", params.seed)
        encoder.field("params.logprobs", params.logprobs)
        encoder.field("ranking.policy", rankingPolicy.rawValue)
        encoder.field("ranking.version", rankingVersion)
        encoder.field("ranking.verify", verify)
        encoder.field("context", context)
        return encoder.bytes
    }
}

/// Tag-length-value encoding: every field is its name, a type byte and a big-endian length
/// before the value, so concatenations can never be confused ("ab"+"c" ≠ "a"+"bc").
struct CanonicalEncoder {
    private(set) var bytes: [UInt8] = []

    mutating func field(_ name: String, _ value: String) { put(name, type: 0x53, Array(value.utf8)) }
    mutating func field(_ name: String, _ value: Bool) { put(name, type: 0x42, [value ? 1 : 0]) }
    mutating func field(_ name: String, _ value: Int) { put(name, type: 0x49, bigEndian(UInt64(bitPattern: Int64(value)))) }

    mutating func field(_ name: String, _ value: Double) {
        // One encoding per value: -0 == 0, every NaN the same.
        let canonical = value == 0 ? 0.0 : (value.isNaN ? Double.nan : value)
        put(name, type: 0x44, bigEndian(canonical.isNaN ? 0x7FF8_0000_0000_0000 : canonical.bitPattern))
    }

    mutating func field(_ name: String, _ values: [String]) {
        var inner = CanonicalEncoder()
        for value in values { inner.field("item", value) }
        put(name, type: 0x4C, bigEndian(UInt64(values.count)) + inner.bytes)
    }

    mutating func optionalField(_ name: String, _ value: Double?) {
        if let value { field(name, value) } else { put(name, type: 0x4E, []) }
    }

    mutating func optionalField(_ name: String, _ value: Int?) {
        if let value { field(name, value) } else { put(name, type: 0x4E, []) }
    }

    private mutating func put(_ name: String, type: UInt8, _ value: [UInt8]) {
        let nameBytes = Array(name.utf8)
        bytes += bigEndian(UInt64(nameBytes.count)) + nameBytes
        bytes.append(type)
        bytes += bigEndian(UInt64(value.count)) + value
    }

    private func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }
}
