import ArgumentParser
import Foundation
import Testing

@testable import HotlineCLI

@Suite struct OptionParsingTests {
    /// The message a user would see for these arguments, or nil when they parse.
    func message(_ arguments: [String]) -> String? {
        do {
            _ = try HotlineCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return HotlineCommand.message(for: error)
        }
    }

    @Test func ticketDimensionsParseAndACallDimensionWithTicketsIsRefused() throws {
        #expect(message(["report", "x.csv", "--by", "priority,channel,group,assignee"]) == nil)
        let text = try #require(message(["report", "x.csv", "--tickets", "--by", "date,queue"]))
        #expect(text.contains("--by queue is not a ticket dimension"))
    }

    @Test func threadsDefaultToTheCoresAtMostEightAndZeroIsRefused() throws {
        let parsed = try #require(try HotlineCommand.parseAsRoot(["report", "x.csv"]) as? HotlineCommand.Report)
        #expect(parsed.threadCount == min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8))
        let three = try #require(
            try HotlineCommand.parseAsRoot(["report", "x.csv", "--threads", "3"]) as? HotlineCommand.Report)
        #expect(three.threadCount == 3)
        #expect(try #require(message(["report", "x.csv", "--threads", "0"])).contains("--threads must be 1 or more"))
    }

    @Test func unknownDimensionNamesTheChoices() throws {
        let text = try #require(message(["report", "x.csv", "--by", "date,colour"]))
        #expect(text.contains("unknown dimension 'colour'"))
    }

    @Test func badDatesZonesAndReversedPeriodsAreSentencesThatSayWhatToDo() throws {
        #expect(try #require(message(["report", "x.csv", "--from", "16/11/2026"])).contains("write it as YYYY-MM-DD"))
        #expect(try #require(message(["report", "x.csv", "--tz", "Mars/Olympus"])).contains("name an IANA zone"))
        #expect(
            try #require(message(["report", "x.csv", "--from", "2026-11-20", "--to", "2026-11-01"])).contains(
                "give the earlier day first"))
        #expect(
            try #require(message(["report", "x.csv", "--category", "sales"])).contains("use one of account, payment"))
    }

    @Test func anOutputWhoseFormatCannotBeToldIsRefused() throws {
        #expect(
            try #require(message(["report", "x.csv", "--output", "report.pdf"])).contains("Cannot tell the format"))
        #expect(message(["report", "x.csv", "--output", "report.pdf", "--format", "html"]) == nil)
    }

    @Test func intervalsAreFifteenThirtyOrSixtyMinutes() {
        #expect(message(["report", "x.csv", "--interval", "15m"]) == nil)
        #expect(message(["report", "x.csv", "--interval", "20m"]) != nil)
    }

    @Test func reportNeedsAnInput() throws {
        #expect(try #require(message(["report"])).contains("Name at least one input file"))
    }
}
