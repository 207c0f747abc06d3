// Config: placeholder until its issue lands.
public enum ConfigModule { public static let name = "Config" }
