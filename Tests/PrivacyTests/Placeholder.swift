import Testing

@Test func placeholderPrivacy() { #expect(Bool(true)) }
