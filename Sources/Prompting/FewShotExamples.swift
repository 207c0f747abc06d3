import Languages

/// One tiny worked example per language (its registry entry's), shown to chat models before the
/// real request so they answer with just the body, in a fence, at the right indentation.
struct FewShotExample {
    let signature: String
    let doc: String
    let body: String

    static func forLanguage(_ language: String) -> FewShotExample {
        let example = Languages.named(language)?.example ?? Language.c.example
        return FewShotExample(signature: example.signature, doc: example.doc, body: example.body)
    }
}
