import Testing

@Test func placeholder_Prompting() { #expect(Bool(true)) }
