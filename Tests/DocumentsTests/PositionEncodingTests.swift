import Documents
import Testing

struct PositionEncodingTests {
    @Test(arguments: [
        (nil, PositionEncoding.utf16),
        ([], .utf16),
        (["utf-16"], .utf16),
        (["utf-8"], .utf8),
        (["utf-16", "utf-8"], .utf8),
        (["utf-32", "utf-8", "utf-16"], .utf8),
        (["utf-32", "utf-16"], .utf16),
        (["utf-32"], .utf32),
        (["utf-7", "UTF-8"], .utf16),
    ] as [([String]?, PositionEncoding)])
    func negotiatePicksUTF8ThenUTF16(offers: [String]?, expected: PositionEncoding) {
        #expect(PositionEncoding.negotiate(clientOffers: offers) == expected)
    }

    @Test(arguments: PositionEncoding.allCases)
    func lspNamesRoundTrip(encoding: PositionEncoding) {
        #expect(PositionEncoding(lspName: encoding.lspName) == encoding)
        #expect(encoding.lspName.hasPrefix("utf-"))
    }

    @Test func unknownNameIsNil() {
        #expect(PositionEncoding(lspName: "utf16") == nil)
    }
}
