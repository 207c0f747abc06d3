import Testing

@Test func placeholder_Cache() { #expect(Bool(true)) }
