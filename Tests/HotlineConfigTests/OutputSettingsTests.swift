import Testing

@testable import HotlineConfig

/// The output settings of the configuration: CSV encoding and the nightly job's formats.
@Suite struct OutputSettingsTests {
    func parse(_ text: String) throws -> HotlineConfiguration { try ConfigLoader.parse(text, file: "hotline.yaml") }

    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func csvBOMAndEncodingAreReadAndUnsetByDefault() throws {
        #expect(try parse("").csvBOM == nil && parse("").csvEncoding == nil)
        let config = try parse("csv:\n  bom: true\n  encoding: GB18030\n")
        #expect(config.csvBOM == true && config.csvEncoding == "gb18030")
    }

    @Test func anUnknownCSVEncodingNamesTheChoices() {
        #expect(
            error("csv:\n  encoding: latin1\n")
                == "hotline.yaml:2: csv.encoding: expected utf-8 or gb18030, found 'latin1'")
    }

    @Test func nightlyFormatsAreAListOfKnownFormatsWithHTML() throws {
        #expect(try parse("").nightly.formats == nil)
        let config = try parse("nightly:\n  formats: [html, text, json, xlsx]\n")
        #expect(config.nightly.formats == ["html", "text", "json", "xlsx"])
        #expect(
            error("nightly:\n  formats: [html, pdf]\n")?.hasSuffix(
                "nightly.formats[2]: expected one of text, html, json, csv, xlsx, found 'pdf'") == true)
        #expect(error("nightly:\n  formats: [text, xlsx]\n")?.contains("html must be among the formats") == true)
        #expect(error("nightly:\n  formats: [html, html]\n")?.contains("html is listed twice") == true)
    }
}
