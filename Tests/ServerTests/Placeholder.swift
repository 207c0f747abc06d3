import Testing

@Test func placeholder_Server() { #expect(Bool(true)) }
