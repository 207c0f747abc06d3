// LSP: placeholder until its issue lands.
public enum LSPModule { public static let name = "LSP" }
