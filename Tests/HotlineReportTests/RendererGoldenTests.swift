import Foundation
import HotlineMetrics
import Testing

@testable import HotlineReport

@Suite struct RendererGoldenTests {
    let report = GoldenReport.make()

    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+86 hotline", "'+86 hotline"), ("-vip", "'-vip"), ("@queue", "'@queue"),
        ("\tq", "'\tq"), ("=a,b", "\"'=a,b\""), ("vip-cn", "vip-cn"), ("退款", "退款"), ("", ""),
    ])
    func csvTextCellsThatWouldStartAFormulaGetALeadingQuote(field: String, cell: String) {
        #expect(CSVReportRenderer.textCell(field) == cell)
    }

    @Test func textReportMatchesItsGoldenFile() throws {
        try GoldenReport.check(try TextReportRenderer().rendered(report), against: "report.txt")
    }

    @Test func htmlReportMatchesItsGoldenFile() throws {
        try GoldenReport.check(try HTMLReportRenderer().rendered(report), against: "report.html")
    }

    @Test func jsonReportMatchesItsGoldenFile() throws {
        try GoldenReport.check(try JSONReportRenderer().rendered(report), against: "report.json")
    }

    @Test func csvTableMatchesItsGoldenFile() throws {
        try GoldenReport.check(try CSVReportRenderer().rendered(report), against: "report.csv")
    }

    @Test func ticketTableMatchesItsGoldenFile() throws {
        try GoldenReport.check(try CSVReportRenderer(tickets: true).rendered(report), against: "tickets.csv")
    }

    @Test func htmlEscapesEveryInputString() throws {
        let html = try HTMLReportRenderer().rendered(report)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("<i>王芳"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(!html.contains("http://") && !html.contains("https://"))  // nothing fetched over a network
    }

    @Test func textFitsOneHundredColumnsAndCarriesNoControlCharacters() throws {
        let text = try TextReportRenderer().rendered(report)
        for line in text.split(separator: "\n") {
            #expect(TerminalText.width(String(line)) <= 100, "too wide: \(line)")
            #expect(!line.contains("\r"))
        }
    }

    @Test func jsonKeepsNullsAndIsValid() throws {
        let json = try JSONReportRenderer().rendered(report)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let totals = try #require(object?["totals"] as? [String: Any])
        #expect(totals.keys.contains("nps"))
        #expect(totals["nps"] is NSNull)
    }

    @Test func sameReportRendersToTheSameBytes() throws {
        let again = GoldenReport.make()
        let options = RenderOptions(scratchFolder: NSTemporaryDirectory(), name: "report")
        for format in OutputFormat.allCases {
            #expect(try format.bytes(of: report, options: options) == format.bytes(of: again, options: options))
        }
    }
}

@Suite struct DisplayFormatTests {
    @Test func durationsReadAsMinutesUnderAnHourAndHoursAbove() {
        #expect(DisplayFormat.duration(59.4) == "0:59")
        #expect(DisplayFormat.duration(59.5) == "1:00")
        #expect(DisplayFormat.duration(3599) == "59:59")
        #expect(DisplayFormat.duration(3600) == "1h00")
        #expect(DisplayFormat.duration(90_061) == "25h01")
        #expect(DisplayFormat.duration(nil as Double?) == "-")
    }

    @Test func ratesShowOneDecimalAndEmptyIsADash() {
        #expect(DisplayFormat.percent(0.80449) == "80.4%")
        #expect(DisplayFormat.percent(0.80450) == "80.5%")
        #expect(DisplayFormat.percent(1) == "100.0%")
        #expect(DisplayFormat.percent(nil) == "-")
    }

    @Test func countsAreInFullWithSeparators() {
        #expect(DisplayFormat.count(0) == "0")
        #expect(DisplayFormat.count(1234567) == "1,234,567")
        #expect(DisplayFormat.count(-1000) == "-1,000")
    }

    @Test func changesAreInPointsForRatesAndRelativeOtherwise() {
        #expect(DisplayFormat.change(-0.026, kind: .rate, .english) == "-2.6 pp")
        #expect(DisplayFormat.change(0.031, kind: .count, .english) == "+3.1%")
        #expect(DisplayFormat.change(0.05, kind: .score, .english) == "+0.05")
        #expect(DisplayFormat.change(nil, kind: .rate, .english) == "-")
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(TerminalText.width("退款") == 4)
        #expect(TerminalText.padRight("退款", 6) == "退款  ")
        #expect(TerminalText.truncated("账户账户账户", to: 5) == "账户~")
    }

    /// Printable ASCII takes the short way (a column a byte, nothing to neutralise); a control byte among it, or
    /// DEL, still turns into `?`.
    @Test func controlBytesAmongASCIIAreNeutralisedAndPlainASCIIIsLeftAlone() {
        let printable = String(decoding: (0x20..<0x7F).map { UInt8($0) }, as: UTF8.self)
        #expect(TerminalText.sanitized(printable) == printable)
        #expect(TerminalText.width(printable) == 95)
        #expect(TerminalText.sanitized("queue\u{1B}[2J\t\u{7F}") == "queue?[2J??")
        #expect(TerminalText.width("a\tb") == 3)
        #expect(TerminalText.padLeft("q\n1", 5) == "  q?1")
    }

    /// Every printable ASCII byte, each of the five escaped ones alone and among plain text, and control bytes.
    @Test func htmlEscapesTheFiveAndBlanksControlsWhetherTheRestIsPlainOrNot() {
        let plain = String(
            decoding: (0x20..<0x7F).map { UInt8($0) }.filter { !"&<>\"'".utf8.contains($0) }, as: UTF8.self)
        #expect(HTMLWriter<String>.escape(plain) == plain)
        #expect(HTMLWriter<String>.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(HTMLWriter<String>.escape("<") == "&lt;")
        #expect(HTMLWriter<String>.escape("x\u{7F}y\tz\u{1B}") == "x y z ")
        #expect(HTMLWriter<String>.escape("退款 <b>") == "退款 &lt;b&gt;")
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(CSVReportRenderer.escape("plain") == "plain")
        #expect(CSVReportRenderer.escape("a,b") == "\"a,b\"")
        #expect(CSVReportRenderer.escape("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(CSVReportRenderer.escape("two\nlines") == "\"two\nlines\"")
        #expect(CSVReportRenderer.escape("crlf\r\nlines") == "\"crlf\r\nlines\"")  // one Character in Swift
    }
}

@Suite struct InputListingTests {
    func row(_ n: Int, rejected: Int = 0) -> InputRow {
        InputRow(
            path: "f\(n).xml", format: "freeswitch-xml-cdr", encoding: "UTF-8", records: 1 + rejected, accepted: 1,
            rejected: rejected, error: nil, notes: [])
    }

    @Test func aFewFilesAreAllListed() {
        let listing = InputListing((0..<40).map { row($0) })
        #expect(listing.shown.count == 40 && listing.summary(.english) == nil)
    }

    @Test func manyFilesListOnlyThoseWithProblemsAndSumTheRest() {
        var inputs = (0..<1000).map { row($0) }
        inputs[500] = row(500, rejected: 2)
        let listing = InputListing(inputs)
        #expect(listing.shown.map(\.path) == ["f500.xml"])
        #expect(
            listing.summary(.english)
                == "999 more files (999 records, all accepted) not listed; the JSON report lists every file.")
    }
}

@Suite struct ChartScaleTests {
    @Test(arguments: [(1.0, 4.0), (3, 4), (5, 8), (9, 20), (33, 40), (41, 100), (150, 200), (201, 400), (4001, 10000)])
    func axisMaximaKeepTheirQuartersWhole(value: Double, scale: Double) {
        #expect(SVGChart.niceCeiling(value) == scale)
        #expect((scale / 4).rounded() == scale / 4)
    }

    @Test func csvTextCellsCarryNoControlBytes() {
        #expect(CSVReportRenderer.textCell("q\u{1B}[2J\u{07}\u{0}") == "q\u{FFFD}[2J\u{FFFD}\u{FFFD}")
        #expect(CSVReportRenderer.textCell("a\tb") == "a\tb")
    }
}
