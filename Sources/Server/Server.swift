// Server: placeholder until its issue lands.
public enum ServerModule { public static let name = "Server" }
