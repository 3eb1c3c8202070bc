import ArgumentParser
import HotlineConfig
import HotlineModel

/// The language of the text and HTML reports: `--lang` over the configuration's `language`, English by default.
struct LanguageOptions: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "Language of the text and HTML reports: en, or zh-CN (also zh, zh-Hans) for Simplified Chinese. JSON keys and CSV columns stay English. Default: the configuration's language, else en.",
            valueName: "en|zh-CN"))
    var language: ReportLanguage?

    /// The language to write in: the flag, else the configuration's, else English.
    func resolved(_ config: HotlineConfiguration) -> ReportLanguage { language ?? config.language ?? .english }
}

extension ReportLanguage: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }

    public static var allValueStrings: [String] { acceptedCodes }

    public var defaultValueDescription: String { rawValue }
}
