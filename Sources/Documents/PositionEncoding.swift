/// The unit in which a client counts `character` offsets within a line (LSP
/// `PositionEncodingKind`). Lines are always counted the same way; only columns differ.
public enum PositionEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Columns count UTF-8 code units (bytes). Our storage is UTF-8, so this costs nothing.
    case utf8 = "utf-8"
    /// Columns count UTF-16 code units: an emoji outside the BMP counts 2. LSP's default.
    case utf16 = "utf-16"
    /// Columns count Unicode scalars.
    case utf32 = "utf-32"

    /// The name LSP uses for this encoding ("utf-8", "utf-16", "utf-32").
    public var lspName: String { rawValue }

    /// The encoding called `lspName` in LSP, or nil for a name we do not know.
    public init?(lspName: String) {
        self.init(rawValue: lspName)
    }

    public var description: String { rawValue }

    /// Chooses the encoding to announce in `ServerCapabilities.positionEncoding` from the
    /// client's `general.positionEncodings`.
    ///
    /// Order of preference: utf-8 when offered (our storage is UTF-8, so columns map without
    /// scanning the line); otherwise utf-16, which LSP makes mandatory and which is the default
    /// when the client offers nothing; utf-32 only when the client lists it but not utf-16
    /// (utf-16 would still be legal then, but the client said what it would rather have).
    /// Names we do not know are ignored.
    public static func negotiate(clientOffers: [String]?) -> PositionEncoding {
        let offered = Set((clientOffers ?? []).compactMap(PositionEncoding.init(lspName:)))
        if offered.contains(.utf8) { return .utf8 }
        if offered.contains(.utf16) || offered.isEmpty { return .utf16 }
        return offered.contains(.utf32) ? .utf32 : .utf16
    }
}
