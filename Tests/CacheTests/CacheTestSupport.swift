import DocwrightCore
import Providers
import Foundation
@testable import Cache

let baseEndpoint = ModelEndpoint(name: "local", provider: .llamacpp, baseURL: "http://127.0.0.1:8012/v1",
                                 model: "gemma-3-270m", api: .completions)
let basePlan = PromptPlan(prompt: .completion("def add(a, b):\n    \"\"\"Add.\"\"\"\n"), stops: ["\ndef "], extractCode: false)
let baseParams = SamplingParams(n: 5, temperature: 0.8, topP: nil, maxTokens: 48, stop: ["\ndef "], seed: nil, logprobs: true)

func makeKey(_ index: Int, model: String = "gemma-3-270m") -> CacheKey {
    var endpoint = baseEndpoint
    endpoint.model = model
    return CacheKey(endpoint: endpoint, plan: PromptPlan(prompt: .completion("prompt \(index)"), stops: [], extractCode: false),
                    params: baseParams, rankingPolicy: .meanLogprob, rankingVersion: "test-1", verify: false)
}

func makeResult(_ index: Int, textBytes: Int = 40, model: String = "gemma-3-270m", createdAt: Date = Date()) -> CachedResult {
    let text = "    return \(index)  # " + String(repeating: "x", count: max(0, textBytes - 20)) + "\n"
    let candidate = Candidate(text: text, meanLogprob: -0.25, agreement: 2, finishReason: .stop, verification: .passed,
                              examplesPassed: 2, examplesRun: 2, syntaxOK: true, score: -0.25, method: .meanLogprob)
    return CachedResult(candidates: [candidate], model: model, route: "default", usage: Usage(promptTokens: 10, completionTokens: 20),
                        latency: 0.5, createdAt: createdAt)
}

/// A fresh directory under the system temp dir, removed by the caller.
func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "docwright-cache-test-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func diskCache(_ directory: String, memoryEntries: Int = 64, ttl: Double = 3600, maxDiskBytes: Int = 64 << 20) -> CandidateCache {
    CandidateCache(configuration: CacheConfiguration(directory: directory, memoryEntries: memoryEntries, ttl: ttl,
                                                     maxDiskBytes: maxDiskBytes))
}
