/// The LSP language id for a file name, by extension (`train.py` → `python`); nil when unknown.
/// For CLI commands that start from a path (`docwright doctor --file`, `compare FILE:LINE`).
public func languageID(forPath path: String) -> String? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if name == "Dockerfile" { return "dockerfile" }
    if name == "Makefile" || name == "makefile" { return "makefile" }
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    let ext = name[name.index(after: dot)...].lowercased()
    return languageIDsByExtension[ext]
}

/// The language id an editor sent, or the one the file name implies when the editor sent none,
/// `plaintext`, or an id docwright does not know (Neovim without filetype detection, some
/// clients' generic ids).
public func effectiveLanguageID(_ sent: String, path: String?) -> String {
    if knownLanguageIDs.contains(sent) { return sent }
    return path.flatMap(languageID(forPath:)) ?? sent
}

private let knownLanguageIDs = Set(languageIDsByExtension.values).union(["dockerfile", "makefile"])

private let languageIDsByExtension: [String: String] = {
    let table: [String: String] = [
        "py": "python", "pyi": "python", "ipynb": "python", "js": "javascript", "mjs": "javascript", "cjs": "javascript",
        "jsx": "javascriptreact", "ts": "typescript", "mts": "typescript", "cts": "typescript", "tsx": "typescriptreact",
        "go": "go", "rs": "rust", "c": "c", "h": "c", "cc": "cpp", "cpp": "cpp", "cxx": "cpp", "hpp": "cpp", "hh": "cpp",
        "java": "java", "kt": "kotlin", "kts": "kotlin", "swift": "swift", "rb": "ruby", "php": "php", "cs": "csharp",
        "lua": "lua", "sh": "shellscript", "bash": "shellscript", "zsh": "shellscript", "ps1": "powershell",
        "r": "r", "jl": "julia", "scala": "scala", "hs": "haskell", "ml": "ocaml", "ex": "elixir", "exs": "elixir",
        "erl": "erlang", "dart": "dart", "vue": "vue", "svelte": "svelte", "html": "html", "css": "css", "scss": "scss",
        "sql": "sql", "zig": "zig", "nim": "nim", "pl": "perl", "m": "objective-c", "mm": "objective-cpp",
    ]
    return table
}()
