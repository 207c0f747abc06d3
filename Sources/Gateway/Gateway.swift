// Gateway: placeholder until its issue lands.
public enum GatewayModule { public static let name = "Gateway" }
