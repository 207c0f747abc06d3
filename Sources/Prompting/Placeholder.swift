public enum PromptingPlaceholder {}
