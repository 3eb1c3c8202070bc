import Foundation
import HotlineMetrics
import Testing

@testable import HotlineReport

/// The .xlsx workbook, read back through its XML parts: sheets, number formats, empty figures, frozen headers,
/// text that is never a formula, and the same bytes for the same report.
struct WorkbookTests {
    let scratch = NSTemporaryDirectory() + "hotline-workbook-\(UUID().uuidString)"

    init() throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    func workbook(_ report: Report) throws -> [UInt8] {
        try XLSXReportRenderer().workbook(report, scratchFolder: scratch, name: "report.xlsx")
    }

    func read(_ report: Report = GoldenReport.make()) throws -> WorkbookReader {
        try WorkbookReader(workbook(report))
    }

    @Test func theHeadlineComesFirstThenOneSheetPerTableWithRows() throws {
        let book = try read()
        #expect(
            book.sheetNames == [
                "Headline", "Intervals", "Categories", "Queues", "Table", "Agents", "Staffing", "Tickets by category",
                "Tickets by priority", "SLA breaches", "Data quality",
            ])
    }

    @Test func aPercentIsANumberWithThePercentFormat() throws {
        let report = GoldenReport.make()
        let book = try read(report)
        let sheet = try book.sheet("Intervals")
        let column = try #require(book.column(titled: "Service level", in: sheet))
        let row = try #require(report.intervals.firstIndex { $0.figures.serviceLevel != nil })
        let cell = try #require(book.cell("\(column)\(row + 2)", in: sheet))
        #expect(cell.type == nil)
        let value = try #require(cell.value.flatMap(Double.init))
        #expect((0...1).contains(value))
        #expect(book.numberFormat(ofStyle: cell.style) == "0.0%")
    }

    @Test func aDurationIsAFractionOfADayFormattedAsHoursMinutesSeconds() throws {
        let report = GoldenReport.make()
        let book = try read(report)
        let sheet = try book.sheet("Intervals")
        let column = try #require(book.column(titled: "ASA", in: sheet))
        let row = try #require(report.intervals.firstIndex { $0.figures.asaSeconds != nil })
        let cell = try #require(book.cell("\(column)\(row + 2)", in: sheet))
        #expect(cell.type == nil)
        let asa = try #require(report.intervals[row].figures.asaSeconds)
        #expect(abs((cell.value.flatMap(Double.init) ?? -1) - asa / 86_400) < 1e-12)
        #expect(book.numberFormat(ofStyle: cell.style) == "[h]:mm:ss")
    }

    @Test func countsHaveSeparatorsAndAFigureThatDoesNotExistIsAnEmptyCell() throws {
        let report = GoldenReport.make()
        let book = try read(report)
        let sheet = try book.sheet("Intervals")
        let offered = try #require(book.column(titled: "Offered", in: sheet))
        #expect(book.numberFormat(ofStyle: try #require(book.cell("\(offered)2", in: sheet)).style) == "#,##0")
        // An interval with no call has no service level: no cell at all, not 0.
        let quiet = try #require(report.intervals.firstIndex { $0.figures.serviceLevel == nil })
        let level = try #require(book.column(titled: "Service level", in: sheet))
        #expect(book.cell("\(level)\(quiet + 2)", in: sheet) == nil)
        #expect(book.cell("\(offered)\(quiet + 2)", in: sheet)?.value == "0")
    }

    @Test func theHeaderRowIsFrozenAndFiltered() throws {
        let book = try read()
        for name in book.sheetNames {
            let sheet = try book.sheet(name)
            #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
            #expect(sheet.contains("<autoFilter ref=\"A1:"))
            #expect(sheet.contains("<col "), "column widths of \(name)")
        }
    }

    @Test func theHeadlineShowsEachFigureInItsOwnFormat() throws {
        let report = GoldenReport.make()
        let book = try read(report)
        let sheet = try book.sheet("Headline")
        for (i, figure) in report.headline.enumerated() where figure.value != nil {
            let cell = try #require(book.cell("B\(i + 2)", in: sheet))
            let expected =
                switch figure.kind {
                case .rate: "0.0%"
                case .seconds: "[h]:mm:ss"
                case .count: "#,##0"
                case .score: "0.00"
                case .minutes: "[h]:mm"
                }
            #expect(book.numberFormat(ofStyle: cell.style) == expected, "\(figure.key)")
        }
    }

    @Test(arguments: ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\",\"y\")"])
    func textThatLooksLikeAFormulaIsAStringCell(name: String) throws {
        var report = GoldenReport.make()
        report.agents[0].name = name
        let book = try read(report)
        let sheet = try book.sheet("Agents")
        let cell = try #require(book.cell("A2", in: sheet))
        #expect(cell.type == "s")
        #expect(!cell.hasFormula)
        #expect(book.string(cell) == name)
    }

    @Test func theSameReportIsTheSameBytesAndStampedWithItsLastDay() throws {
        let first = try workbook(GoldenReport.make())
        let second = try workbook(GoldenReport.make())
        #expect(first == second)
        let zip = try ZipArchive(first)
        let core = try zip.text("docProps/core.xml")
        #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-16T00:00:00Z</dcterms:created>"#))
        // Every entry dated 1980-01-01 00:00 (DOS date 0x0021, time 0).
        for name in zip.names { #expect(zip.stamps[name]?.date == 0x21 && zip.stamps[name]?.time == 0, "\(name)") }
    }

    @Test func chineseTextAndLineBreaksStayText() throws {
        let book = try read()
        #expect(book.sharedStrings.contains("账户"))
        #expect(book.sharedStrings.contains("退款"))
        // A CR is written as OOXML's escape, which Excel reads back as the CR.
        #expect(book.sharedStrings.contains("line_x000D_\nbreak"))
    }

    @Test func aFolderThatCannotBeWrittenIsAnErrorNamingTheOutputAndLeavesNothing() throws {
        let missing = scratch + "/no-such-folder"
        #expect {
            try XLSXReportRenderer().workbook(GoldenReport.make(), scratchFolder: missing, name: "out/report.xlsx")
        } throws: { error in
            "\(error)".hasPrefix("cannot write out/report.xlsx: ")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)
    }

    @Test func writingLeavesNoScratchFileBehind() throws {
        _ = try workbook(GoldenReport.make())
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)
    }

    @Test(arguments: [
        ("Headline", "Headline"), ("a[b]:c*d?e/f\\g", "a b  c d e f g"), ("'quoted'", "quoted"), ("", "Sheet"),
        ("Tickets by category and subcategory", "Tickets by category and subcate"),
    ])
    func sheetNamesAreWhatExcelAccepts(title: String, name: String) {
        #expect(SheetName.valid(title) == name)
        #expect(SheetName.valid(title).count <= 31)
    }
}
