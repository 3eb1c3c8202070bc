import ArgumentParser
import Foundation
import Testing

@testable import HotlineCLI

/// The command line as a user meets it: help, value names, and one clear line per error (in process).
@Suite struct CommandLineTests {
    func message(_ arguments: [String]) -> String? {
        do {
            _ = try HotlineCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return HotlineCommand.oneLine(for: error)
        }
    }

    @Test func helpShowsWhatEachValueLooksLike() {
        let report = HotlineCommand.helpMessage(for: HotlineCommand.Report.self, columns: 200)
        for shown in [
            "--from <YYYY-MM-DD>", "--to <YYYY-MM-DD>", "--tz <IANA zone>", "-o, --output <file|->",
            "--config <file>", "--interval <15m|30m|60m>", "--format <text|html|json|csv|xlsx>",
            "--sl-seconds <seconds>",
        ] {
            #expect(report.contains(shown), "missing \(shown)")
        }
        let staffing = HotlineCommand.helpMessage(for: HotlineCommand.Staffing.self, columns: 200)
        #expect(staffing.contains("-o, --output <file|->") && staffing.contains("--format <text|csv|json>"))
    }

    @Test func nightlyShowsItsConfigurationAsRequired() {
        let help = HotlineCommand.helpMessage(for: HotlineCommand.Nightly.self, columns: 200)
        #expect(help.contains("USAGE: hotline nightly --config <file> [--lang <en|zh-CN>] [--date <YYYY-MM-DD>]"))
        #expect(message(["nightly"]) == "Missing expected argument '--config <file>'")
    }

    @Test func aTypoOfACommandSuggestsTheNearest() {
        #expect(
            HotlineCommand.unknownSubcommand(in: ["reprt", "samples"])
                == "unknown command 'reprt': did you mean 'report'? (commands: report, nightly, check, staffing, callbacks, export, samples)"
        )
        #expect(HotlineCommand.unknownSubcommand(in: ["stafing"])?.contains("did you mean 'staffing'?") == true)
        #expect(HotlineCommand.unknownSubcommand(in: ["frobnicate"])?.contains("did you mean") == false)
        #expect(HotlineCommand.unknownSubcommand(in: ["report", "x.csv"]) == nil)
        #expect(HotlineCommand.unknownSubcommand(in: ["--help"]) == nil)
    }

    @Test func usageErrorsAreOneLineAndExitTwo() {
        #expect(HotlineCommand.run(["reprt"]) == 2)
        #expect(HotlineCommand.run(["report", "x.csv", "--bogus"]) == 2)
        #expect(HotlineCommand.run(["report", "x.csv", "--tz", "CST"]) == 2)
        let text = message(["report", "x.csv", "--bogus"]) ?? ""
        #expect(!text.contains("\n") && !text.hasPrefix("Error"))
    }

    @Test(arguments: [
        ["report", "x.csv", "--by", "queue,category", "--threads", "1", "-o", "r.html", "--tz", "Asia/Shanghai"],
        ["report", "a.csv", "b.csv", "--from", "2026-11-01", "--to", "2026-11-07", "--format", "json"],
        ["staffing", "x.csv", "--format", "csv"], ["export", "x.csv", "--out", "."], ["check", "x.csv", "--show", "5"],
        ["report", "x.csv", "--threads", "0"], ["samples", "--out", "s", "--seed", "7"],
    ])
    func aSubcommandParsedOnItsOwnIsTheSameAsFromTheRoot(arguments: [String]) throws {
        let root = try? HotlineCommand.parseAsRoot(arguments)
        let direct = HotlineCommand.parsedDirectly(arguments)
        // What the root refuses, the direct parse refuses too (and the root's parse then names the error).
        #expect((root == nil) == (direct == nil))
        guard let root, let direct else { return }
        var (rootFields, directFields) = ("", "")
        dump(root, to: &rootFields)
        dump(direct, to: &directFields)
        #expect(directFields == rootFields)
        #expect(type(of: direct) == type(of: root))
    }

    @Test func helpAndUsageErrorsAreLeftToTheRootsParse() {
        #expect(HotlineCommand.parsedDirectly(["report", "--help"]) == nil)
        #expect(HotlineCommand.parsedDirectly(["report", "x.csv", "--bogus"]) == nil)
        #expect(HotlineCommand.parsedDirectly(["help", "report"]) == nil)
        #expect(HotlineCommand.parsedDirectly(["--version"]) == nil)
    }

    @Test func dashOIsOutput() throws {
        let parsed = try #require(
            try HotlineCommand.parseAsRoot(["report", "x.csv", "-o", "r.html"]) as? HotlineCommand.Report)
        #expect(parsed.output.outputs == ["r.html"])
    }

    @Test func anImpossibleDateSaysWhy() {
        #expect(message(["report", "x.csv", "--from", "2026-11-31"]) == "--from 2026-11-31: November has 30 days.")
        #expect(message(["report", "x.csv", "--to", "2026-02-29"]) == "--to 2026-02-29: February 2026 has 28 days.")
        #expect(message(["nightly", "--config", "x.yaml", "--date", "2026-04-31"]) != nil)
    }

    @Test func aZoneAbbreviationIsRefusedNamingWhatItMayMean() throws {
        let text = try #require(message(["report", "x.csv", "--tz", "CST"]))
        #expect(
            text.hasPrefix(
                "--tz CST is ambiguous: China Standard Time is Asia/Shanghai, US Central is America/Chicago, Cuba is America/Havana;"
            ))
        #expect(try #require(message(["check", "x.csv", "--tz", "PST"])).contains("US Pacific is America/Los_Angeles"))
        #expect(
            try #require(message(["report", "x.csv", "--source-tz", "EST"])).hasPrefix("--source-tz EST is ambiguous"))
        #expect(message(["report", "x.csv", "--tz", "+08:00"]) == nil)
        #expect(message(["report", "x.csv", "--tz", "America/Chicago"]) == nil)
    }

    @Test func aNegativeServiceLevelThresholdSaysWhatIsWrong() {
        #expect(
            message(["report", "x.csv", "--sl-seconds", "-5"])
                == "--sl-seconds -5: must be a whole number of seconds above 0, e.g. 20.")
        #expect(message(["staffing", "x.csv", "--sl-seconds", "0"])?.contains("above 0") == true)
        #expect(message(["report", "x.csv", "--sl-seconds", "7200"])?.contains("at most 3600") == true)
    }

    @Test func aConfigurationFileThatCannotBeReadSaysWhy() throws {
        let missing = try #require(message(["report", "x.csv", "--config", "/nonexistent/hotline.yaml"]))
        #expect(missing == "configuration: /nonexistent/hotline.yaml: cannot read the configuration file: no such file")
        let folder = try #require(message(["report", "x.csv", "--config", NSTemporaryDirectory()]))
        #expect(folder.hasSuffix("it is a directory, not a file"))
    }

    @Test func staffingRefusesHTMLNamingTheFormatsItHas() throws {
        let flag = try #require(message(["staffing", "x.csv", "--format", "html"]))
        #expect(flag.contains("'text', 'csv' or 'json'"))
        let file = try #require(message(["staffing", "x.csv", "--output", "staffing.html"]))
        #expect(file.hasPrefix("staffing writes text, csv or json"))
        #expect(message(["staffing", "x.csv", "-o", "staffing.csv"]) == nil)
    }
}
