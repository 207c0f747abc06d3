// Prompting: placeholder until its issue lands.
public enum PromptingModule { public static let name = "Prompting" }
