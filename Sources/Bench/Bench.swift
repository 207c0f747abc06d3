public enum BenchModule {}
