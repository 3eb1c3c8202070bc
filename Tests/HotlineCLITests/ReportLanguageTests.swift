import ArgumentParser
import Foundation
import HotlineConfig
import HotlineModel
import Testing

@testable import HotlineCLI

/// `--lang`: which codes it takes, and the samples' reports in each language within 100 display columns.
@Suite struct ReportLanguageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Display columns as a terminal counts them, apart from the renderer's own count: two for CJK ideographs,
    /// CJK punctuation and fullwidth forms, one otherwise.
    static func columns(_ line: Substring) -> Int {
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        ]
        return line.unicodeScalars.reduce(0) { n, s in n + (wide.contains { $0.contains(s.value) } ? 2 : 1) }
    }

    @Test(arguments: [("zh", ReportLanguage.chinese), ("zh-CN", .chinese), ("zh-Hans", .chinese), ("en", .english)])
    func langTakesEnglishAndTheChineseCodes(code: String, language: ReportLanguage) throws {
        let parsed = try #require(
            try HotlineCommand.parseAsRoot(["report", "x.csv", "--lang", code]) as? HotlineCommand.Report)
        #expect(parsed.language.language == language)
    }

    @Test func anUnknownLanguageIsRefusedWithTheAcceptedCodes() {
        do {
            _ = try HotlineCommand.parseAsRoot(["report", "x.csv", "--lang", "fr"])
            Issue.record("--lang fr was accepted")
        } catch {
            let message = HotlineCommand.message(for: error)
            #expect(message.contains("'fr'"))
            for code in ["en", "zh-CN", "zh", "zh-Hans"] { #expect(message.contains("'\(code)'")) }
        }
    }

    @Test func theFlagOverridesTheConfigurationsLanguage() throws {
        var config = HotlineConfiguration()
        config.language = .chinese
        let english = try LanguageOptions.parse(["--lang", "en"])
        #expect(english.resolved(config) == .english)
        #expect(try LanguageOptions.parse([]).resolved(config) == .chinese)
        #expect(try LanguageOptions.parse([]).resolved(HotlineConfiguration()) == .english)
    }

    /// The month and the day of the payment outage, as `scripts/make-sample-reports` writes them, in both
    /// languages: no line wider than 100 columns, CJK characters counted as two.
    @Test(arguments: ["en", "zh-CN"])
    func sampleMonthAndDayTextReportsFitOneHundredColumns(code: String) throws {
        let scratch = NSTemporaryDirectory() + "hotline-lang-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let common = [
            "report", Self.root + "/samples", "--config", Self.root + "/samples/hotline.yaml", "--lang", code,
        ]
        let runs = [
            ("month.txt", [String]()),
            ("day.txt", ["--from", "2026-11-10", "--to", "2026-11-10", "--interval", "15m"]),
        ]
        for (name, period) in runs {
            var command = try #require(
                try HotlineCommand.parseAsRoot(common + period + ["--output", scratch + "/" + name])
                    as? HotlineCommand.Report)
            try command.run()
            let text = try String(contentsOfFile: scratch + "/" + name, encoding: .utf8)
            #expect(text.split(separator: "\n").count > 100)
            for line in text.split(separator: "\n") {
                #expect(Self.columns(line) <= 100, "\(name) \(code), \(Self.columns(line)) columns: \(line)")
            }
        }
    }
}
