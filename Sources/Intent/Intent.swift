// Intent: placeholder until its issue lands.
public enum IntentModule { public static let name = "Intent" }
