// Ranking: placeholder until its issue lands.
public enum RankingModule { public static let name = "Ranking" }
