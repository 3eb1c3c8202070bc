/// The CSAT scores that count as satisfied, as the legends under the satisfaction columns name them.
enum SatisfiedScores {
    /// `4-5` for a satisfied score of 4 (the default), `5` alone for 5: the configured `satisfied_score`, never a
    /// fixed `4-5`.
    static func text(_ least: Int) -> String { least >= 5 ? "5" : "\(max(1, least))-5" }
}
