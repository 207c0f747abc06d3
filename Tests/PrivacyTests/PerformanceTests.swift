import TestFixtures
import Foundation
import Privacy
import Testing

@Suite struct PerformanceTests {
    /// A 5,000-line file mixing ordinary code and the corpus: redaction must stay linear and
    /// quick (a few ms in release; the bound here is loose for debug builds on a loaded machine).
    @Test func fiveThousandLinesAreFast() {
        var lines: [String] = []
        let ordinary = NegativeTests.ordinary
        let corpus = SecretCorpus.all.flatMap { $0.text.split(separator: "\n").map(String.init) }
        var index = 0
        while lines.count < 5_000 {
            lines.append(index % 10 == 0 ? corpus[index % corpus.count] : ordinary[index % ordinary.count])
            index += 1
        }
        let text = lines.joined(separator: "\n")
        let redactor = Redactor(extraSecrets: SecretCorpus.envSecrets)
        _ = redactor.redact(text)
        let clock = ContinuousClock()
        var result: Redaction?
        let elapsed = clock.measure { result = redactor.redact(text) }
        print("redacted 5,000 lines (\(text.utf8.count) bytes) in \(elapsed): \(result?.count ?? 0) findings")
        #expect((result?.count ?? 0) > 100)
        #expect(elapsed < .seconds(2))
    }

    /// Inputs built to trip backtracking or quadratic scans finish quickly.
    @Test func adversarialInputsStayLinear() {
        let inputs = [
            String(repeating: "password=", count: 20_000),
            String(repeating: "-----BEGIN ", count: 10_000),
            String(repeating: "eyJaaaaaaaaaaaaa.", count: 10_000),
            String(repeating: "a://b:c@", count: 20_000),
            String(repeating: "token: ", count: 20_000) + "\"",
            String(repeating: "\"password\": \"", count: 10_000),
            String(repeating: "x", count: 200_000),
            String(repeating: "-----END RSA PRIVATE KEY-----\n", count: 2_000),
            String(repeating: "MIIEowIBAAKCAQEAu1SU1LfVLPHCoz\n", count: 5_000) + "-----END RSA PRIVATE KEY-----",
        ]
        let clock = ContinuousClock()
        for input in inputs {
            let elapsed = clock.measure { _ = Redactor().redact(input) }
            print("adversarial \(input.prefix(12))… \(input.utf8.count) bytes: \(elapsed)")
            #expect(elapsed < .seconds(3))
        }
    }
}
