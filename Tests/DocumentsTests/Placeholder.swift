import Testing

@Test func placeholder_Documents() { #expect(Bool(true)) }
