/// A loaded tree-sitter grammar (`Grammars.language(_:)`).
///
/// `@unchecked Sendable`: the pointer is the grammar's static, immutable tables inside a library
/// that is never unloaded, which tree-sitter reads from any thread.
public struct SyntaxLanguage: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// tree-sitter's name for the grammar (`python`, `tsx`, `c_sharp`).
    public let name: String
    /// The grammar's ABI version (13–15).
    public let abiVersion: Int
    let pointer: OpaquePointer

    init(name: String, abiVersion: Int, pointer: OpaquePointer) {
        self.name = name
        self.abiVersion = abiVersion
        self.pointer = pointer
    }

    public static func == (lhs: SyntaxLanguage, rhs: SyntaxLanguage) -> Bool { lhs.pointer == rhs.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
    public var description: String { name }
}
