/// A sample after `Prompting`'s post-processing (stop trimming, code extraction, re-indentation):
/// `text` is what would be inserted; `keptUTF8Range` is the byte range of the original
/// `sample.text` that `text` came from, so `Ranking` averages exactly those tokens' log-probabilities.
public struct ProcessedSample: Sendable, Hashable, Codable {
    public var sample: Sample
    public var text: String
    public var keptUTF8Range: Range<Int>
    public init(sample: Sample, text: String, keptUTF8Range: Range<Int>) {
        self.sample = sample
        self.text = text
        self.keptUTF8Range = keptUTF8Range
    }
}
