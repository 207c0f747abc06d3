import DocwrightCore
import FoundationEssentials
import Providers

/// An API key and where it came from (the source is safe to show; the value never is).
struct Credential: Sendable, Hashable {
    enum Source: Sendable, Hashable {
        case environment(String)
        case file(String)
    }

    let value: String
    let source: Source

    /// Finds the key for an endpoint: `apiKeyEnv`, else `apiKeyFile`, else the provider's usual
    /// variable (e.g. `OPENAI_API_KEY`) when it is set. A configured source that is empty or
    /// unreadable is an error; so is no key at all for a provider that always needs one.
    static func resolve(for endpoint: ModelEndpoint, provider: any Provider,
                        environment: [String: String], explainer: ErrorExplainer) throws(GatewayError) -> Credential? {
        if let name = endpoint.apiKeyEnv, !name.isEmpty {
            guard let value = environment[name]?.trimmingWhitespace(), !value.isEmpty else {
                throw GatewayError(kind: .missingAPIKey, userMessage:
                    "No API key for \(explainer.label): the environment variable \(name) is not set or empty.")
            }
            return Credential(value: value, source: .environment(name))
        }
        if let path = endpoint.apiKeyFile, !path.isEmpty {
            let expanded = PathText.expandingTilde(path, home: environment["HOME"] ?? ProcessInfo.processInfo.environment["HOME"])
            guard let data = FileManager.default.contents(atPath: expanded),
                let value = String(data: data, encoding: .utf8)?.trimmingWhitespace(),
                !value.isEmpty
            else {
                throw GatewayError(kind: .missingAPIKey, userMessage:
                    "No API key for \(explainer.label): the key file \(path) is missing, unreadable or empty.")
            }
            return Credential(value: value, source: .file(path))
        }
        if let name = provider.defaultKeyVariable,
            let value = environment[name]?.trimmingWhitespace(), !value.isEmpty
        {
            return Credential(value: value, source: .environment(name))
        }
        if provider.requiresKey {
            let hint = provider.defaultKeyVariable.map { "Set the environment variable \($0), or name another with api_key_env." }
                ?? "Name the environment variable holding it with api_key_env."
            throw GatewayError(kind: .missingAPIKey, userMessage: "No API key for \(explainer.label). \(hint)")
        }
        return nil
    }
}
