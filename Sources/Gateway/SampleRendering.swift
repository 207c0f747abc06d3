import DocwrightCore
import FoundationEssentials

/// Formats a batch for `docwright sample`: readable text with each sample's mean token
/// log-probability, or JSON with every token's log-probability (for scripts). Samples stay in
/// the order the model returned them; ranking is not the gateway's job.
public func renderSamples(_ batch: SampleBatch, json: Bool) -> String {
    json ? renderJSON(batch) : renderText(batch)
}

/// Mean of a sample's token log-probabilities, nil when it has none.
func meanLogprob(of sample: Sample) -> Double? {
    let values = (sample.tokens ?? []).compactMap(\.logprob)
    return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
}

private func renderText(_ batch: SampleBatch) -> String {
    let how = batch.strategy == .n ? "one request" : "parallel requests"
    var lines = [
        "model \(batch.model) · \(batch.samples.count) sample\(batch.samples.count == 1 ? "" : "s") (\(how)) · "
            + "\(String(format2: batch.latency)) s · \(batch.usage.promptTokens) prompt + \(batch.usage.completionTokens) completion tokens",
    ]
    for (position, sample) in batch.samples.enumerated() {
        let mean = meanLogprob(of: sample).map { "mean logprob \(String(format2: $0))" } ?? "no logprobs"
        let tokens = sample.tokens.map { " · \($0.count) tokens" } ?? ""
        lines.append("─── sample \(position + 1)/\(batch.samples.count) · \(mean)\(tokens) · \(sample.finishReason.rawValue)")
        lines.append(sample.text)
    }
    return lines.joined(separator: "\n") + "\n"
}

private struct RenderedBatch: Encodable {
    struct Token: Encodable {
        var token: String
        var logprob: Double?
        var offset: Int?
    }

    struct Item: Encodable {
        var index: Int
        var text: String
        var finishReason: String
        var meanLogprob: Double?
        var tokens: [Token]?
    }

    var model: String
    var strategy: String
    var latencySeconds: Double
    var promptTokens: Int
    var completionTokens: Int
    var samples: [Item]
}

private func renderJSON(_ batch: SampleBatch) -> String {
    let rendered = RenderedBatch(
        model: batch.model, strategy: batch.strategy.rawValue, latencySeconds: batch.latency,
        promptTokens: batch.usage.promptTokens, completionTokens: batch.usage.completionTokens,
        samples: batch.samples.enumerated().map { position, sample in
            RenderedBatch.Item(
                index: position, text: sample.text, finishReason: sample.finishReason.rawValue,
                meanLogprob: meanLogprob(of: sample),
                tokens: sample.tokens?.map { RenderedBatch.Token(token: $0.token, logprob: $0.logprob, offset: $0.textOffset) })
        })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    guard let data = try? encoder.encode(rendered) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
}
