import Testing

@Test func placeholder_Config() { #expect(Bool(true)) }
