import Testing
@testable import DocwrightCore

@Test func formatsTwoDecimals() {
    #expect(String(format2: -0.4249) == "-0.42")
    #expect(String(format2: 1.005) == "1.01" || String(format2: 1.005) == "1.00")
    #expect(String(format2: -0.05) == "-0.05")
    #expect(String(format2: 3) == "3.00")
}

@Test func finishReasonMapsProviderSpellings() {
    #expect(FinishReason(apiValue: "end_turn") == .stop)
    #expect(FinishReason(apiValue: "max_tokens") == .length)
    #expect(FinishReason(apiValue: nil) == .unknown)
}
