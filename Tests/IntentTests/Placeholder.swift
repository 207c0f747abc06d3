import Testing

@Test func placeholder_Intent() { #expect(Bool(true)) }
