import Testing

@Test func placeholder_Gateway() { #expect(Bool(true)) }
