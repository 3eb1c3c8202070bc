/// The language of the text and HTML reports (`--lang`, configuration `language`).
///
/// JSON keys and CSV column names stay English whatever the language: they are for programs.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case english = "en"
    case chinese = "zh-CN"

    /// The codes `--lang` and `language` accept, as the help and errors list them.
    public static let acceptedCodes = ["en", "zh-CN", "zh", "zh-Hans"]

    /// The language a code names: `en`, or Simplified Chinese as `zh`, `zh-CN` or `zh-Hans` (any letter case,
    /// `_` for `-`); nil for any other code.
    public init?(code: String) {
        switch String(code.lowercased().map { $0 == "_" ? "-" : $0 }) {
        case "en": self = .english
        case "zh", "zh-cn", "zh-hans": self = .chinese
        default: return nil
        }
    }

    /// What an unknown code gets told: the accepted codes.
    public static func refusal(of code: String) -> String {
        "unknown language '\(DisplayText.shown(code))': use en, or zh-CN (also zh, zh-Hans) for Simplified Chinese"
    }
}
