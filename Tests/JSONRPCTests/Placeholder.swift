import Testing

@Test func placeholder_JSONRPC() { #expect(Bool(true)) }
