import Testing

@Test func placeholder_Ranking() { #expect(Bool(true)) }
