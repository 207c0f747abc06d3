import ArgumentParser
import Config
import DocwrightCore
import FoundationEssentials
import Gateway
import Providers

/// `docwright sample`: raw samples with log-probabilities from any endpoint, for people and scripts.
struct Sample: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw samples with log-probabilities from a model endpoint (no ranking, no cache).",
        discussion: "Example: docwright sample --base-url http://127.0.0.1:8012/v1 --model gemma --n 5 prompt.txt")

    @Option(help: "Base URL including the version path, e.g. http://127.0.0.1:8012/v1.")
    var baseURL: String

    @Option(help: "Model id sent to the endpoint.")
    var model: String

    @Option(help: "Provider kind: \(ProviderRegistry.names.joined(separator: ", ")).")
    var provider: String = "openai-compatible"

    @Option(help: "chat, completions or fim.")
    var api: String = "completions"

    @Option(help: "Environment variable holding the API key.")
    var apiKeyEnv: String?

    @Option var n: Int = 5
    @Option var temperature: Double = 0.8
    @Option var maxTokens: Int = 128
    @Option(help: "Stop sequence (repeatable; \\n is understood).")
    var stop: [String] = []
    @Option var seed: Int?
    @Option(help: "Seconds before the request is abandoned.")
    var timeout: Double = 120
    @Option(help: ArgumentHelp("Proxy for this request, like a model's `proxy` key: \"\" connects directly.",
                               discussion: "Without it HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY decide; loopback is reached directly.",
                               valueName: "url"))
    var proxy: String?
    @Option(help: ArgumentHelp("CA bundle (PEM) that verifies the endpoint's TLS certificate, like a model's `ca_file` key.",
                               valueName: "path"))
    var caFile: String?
    @Flag(help: "Print JSON with per-token log-probabilities.")
    var json = false

    @Argument(help: "Prompt file, or - for standard input.")
    var promptFile: String

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap(label: "docwright.sample")
        guard let providerKind = ProviderRegistry.kind(named: provider) else {
            throw ValidationError("unknown provider '\(provider)'")
        }
        guard let style = APIStyle(rawValue: api) else { throw ValidationError("--api must be chat, completions or fim") }
        if let proxy, let problem = ProxySetting.problem(proxy) { throw ValidationError("--proxy \(problem)") }
        let data = promptFile == "-" ? Data(StandardStreams.readAll()) : FileManager.default.contents(atPath: promptFile)
        guard let data else { throw CLIError("cannot read \(promptFile): no such file or not readable") }
        let text = String(decoding: data, as: UTF8.self)
        let stops = stop.map { $0.replacing("\\n", with: "\n") }
        // A relative CA path is the current directory's, as for any other file argument.
        let caPath = caFile.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
        let endpoint = ModelEndpoint(name: model, provider: providerKind, baseURL: baseURL, model: model, api: style, apiKeyEnv: apiKeyEnv,
                                     timeout: timeout, proxy: proxy?.trimmingHorizontalWhitespace(), caFile: caPath)
        let prompt: Prompt = style == .chat ? .chat([ChatMessage(role: .user, content: text)]) : .completion(text)
        let plan = PromptPlan(prompt: prompt, stops: stops, extractCode: false)
        let params = SamplingParams(n: n, temperature: temperature, maxTokens: maxTokens, stop: stops, seed: seed)
        let http = try HTTPClient()
        defer { http.shutdown() }
        let gateway = Gateway(http: http, logger: logger)
        let batch = try await userFacing { try await gateway.sample(endpoint: endpoint, plan: plan, params: params) }
        print(renderSamples(batch, json: json))
    }
}
