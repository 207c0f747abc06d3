import Languages

/// The LSP language id for a file name, by extension (`train.py` → `python`); nil when unknown.
/// For CLI commands that start from a path (`docwright doctor --file`, `compare FILE:LINE`).
/// The table is the `Languages` registry (supported and recognised languages).
public func languageID(forPath path: String) -> String? {
    Languages.id(forPath: path)
}

/// The language id an editor sent, or the one the file name implies when the editor sent none,
/// `plaintext`, or an id docwright does not know (Neovim without filetype detection, some
/// clients' generic ids).
public func effectiveLanguageID(_ sent: String, path: String?) -> String {
    if Languages.isKnown(sent) { return sent }
    return path.flatMap(languageID(forPath:)) ?? sent
}
