/// The declared name in a signature (`add` in `pub fn add<T>(...)`, `f` in `const f = (x) =>`):
/// Intent names functions in its messages, Prompting spots a model repeating the declaration.
public enum FunctionName {
    private static let keywords: Set<String> = [
        "function", "func", "fn", "def", "fun", "if", "while", "for", "switch", "catch", "return", "async", "await",
        "sub", "lambda", "new",
    ]

    public static func of(_ signature: String) -> String? {
        let characters = Array(signature)
        for index in characters.indices where characters[index] == "(" {
            var cursor = index - 1
            if cursor >= 0, characters[cursor] == "?" || characters[cursor] == "!" { cursor -= 1 }
            if cursor >= 0, characters[cursor] == ">" {
                var depth = 0
                while cursor >= 0 {
                    if characters[cursor] == ">" { depth += 1 }
                    if characters[cursor] == "<" { depth -= 1; if depth == 0 { cursor -= 1; break } }
                    cursor -= 1
                }
            }
            let end = cursor + 1
            while cursor >= 0, isIdentifier(characters[cursor]) { cursor -= 1 }
            guard end > cursor + 1 else { continue }
            let name = String(characters[(cursor + 1)..<end])
            if !keywords.contains(name), let first = name.first, !first.isNumber { return name }
        }
        let words = signature.split { !isIdentifier($0) }.map(String.init)
        if let def = words.firstIndex(where: { $0 == "def" || $0 == "function" }), def + 1 < words.count {
            return words[def + 1] == "self" && def + 2 < words.count ? words[def + 2] : words[def + 1]
        }
        if let equals = signature.firstIndex(of: "=") {
            return signature[..<equals].split { !isIdentifier($0) }.last.map(String.init)
        }
        return nil
    }

    private static func isIdentifier(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "$"
    }
}
