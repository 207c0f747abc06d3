import Testing
@Test func placeholderPrompting() { #expect(Bool(true)) }
