// JSONRPC: placeholder until its issue lands.
public enum JSONRPCModule { public static let name = "JSONRPC" }
