public enum PrivacyModule {}
