import HotlineModel
import Testing

@testable import HotlineConfig

@Suite struct LanguageSettingTests {
    @Test(arguments: ["zh-CN", "zh", "zh-Hans", "ZH_cn"])
    func languageAcceptsTheChineseCodes(code: String) throws {
        #expect(try ConfigLoader.parse("language: \(code)\n", file: "hotline.yaml").language == .chinese)
    }

    @Test func languageDefaultsToNoneSoTheReportsAreEnglish() throws {
        #expect(try ConfigLoader.parse("", file: "hotline.yaml").language == nil)
        #expect(try ConfigLoader.parse("language: en\n", file: "hotline.yaml").language == .english)
    }

    @Test func anUnknownLanguageNamesItsLineAndTheAcceptedCodes() {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("language: fr\n", file: "hotline.yaml") }
        do {
            _ = try ConfigLoader.parse("language: fr\n", file: "hotline.yaml")
        } catch {
            #expect(
                "\(error)"
                    == "hotline.yaml:1: language: unknown language 'fr': use en, or zh-CN (also zh, zh-Hans) for Simplified Chinese"
            )
        }
    }
}
