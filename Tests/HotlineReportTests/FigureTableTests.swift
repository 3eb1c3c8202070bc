import HotlineMetrics
import HotlineModel
import Testing

@testable import HotlineReport

/// The figure tables (``FigureTables``): one list of columns per table, drawn by every renderer.
@Suite struct FigureTableTests {
    let report = GoldenReport.make()

    /// Titles and cells of one table in every output: text, HTML, CSV, workbook.
    struct Shape: Equatable {
        var text: Int
        var html: Int
        var cells: Int
        var csvNames: Int
        var csvFields: Int
        var sheetColumns: Int
        var columns: Int

        init<Row>(_ table: FigureTable<Row>, _ row: Row, _ s: ReportStrings) {
            text = table.textColumns(s).count
            html = table.htmlTitles(s).count
            cells = table.cells(row, s).count
            csvNames = table.csvNames.count
            csvFields = table.csvFields(row).count
            sheetColumns = table.sheetColumns(s).count
            columns = table.columns.count
        }

        var titlesMatchCells: Bool { text == html && html == cells && csvNames == csvFields && sheetColumns == columns }
    }

    @Test(arguments: ReportLanguage.allCases)
    func everyTableHasAsManyTitlesAsCellsInEveryOutput(language: ReportLanguage) throws {
        let s = ReportStrings.of(language)
        let interval = try #require(report.intervals.first)
        let day = try #require(report.days.first)
        let queue = try #require(report.queues.first)
        let ticket = try #require(report.tickets?.categories.first)
        let shapes = [
            Shape(FigureTables.load, interval.figures, s), Shape(FigureTables.intervals, interval, s),
            Shape(FigureTables.days, day, s),
            Shape(FigureTables.group(figures: { (q: GroupRow) in q.figures }, share: { $0.share }), queue, s),
            Shape(FigureTables.byDimensions, interval.figures, s),
            Shape(FigureTables.byDimensionsSheet, interval.figures, s), Shape(FigureTables.tickets, ticket.figures, s),
        ]
        for shape in shapes { #expect(shape.titlesMatchCells, "\(shape)") }
    }

    @Test func theFlaggedServiceLevelCellIsUnderTheServiceLevelTitle() throws {
        let s = ReportStrings.english
        var row = try #require(report.intervals.first)
        row.figures.serviceLevel = 0.5
        row.figures.abandonmentRate = 0
        let target = ServiceTarget(thresholdSeconds: 20, serviceLevelTarget: 0.8, abandonmentTarget: 0.05)
        let table = FigureTables.intervals
        let cells = table.cells(row, s, target: target)
        let flagged = cells.indices.filter { cells[$0].offTarget }
        #expect(flagged.map { table.htmlTitles(s)[$0] } == [s.columns.serviceLevel])
        #expect(flagged.map { cells[$0].text } == ["50.0%"])
    }

    @Test func theFlaggedAbandonmentCellIsUnderTheAbandonmentTitleInEveryCallTable() throws {
        let s = ReportStrings.english
        let target = ServiceTarget(thresholdSeconds: 20, serviceLevelTarget: 0.8, abandonmentTarget: 0.05)
        var queue = try #require(report.queues.first)
        queue.figures.serviceLevel = 1
        queue.figures.abandonmentRate = 0.5
        let group = FigureTables.group(figures: { (q: GroupRow) in q.figures }, share: { $0.share })
        let cells = group.cells(queue, s, target: target)
        #expect(cells.indices.filter { cells[$0].offTarget }.map { group.htmlTitles(s)[$0] } == [s.columns.abandonment])
        var day = try #require(report.days.first)
        day.figures = queue.figures
        let dayCells = FigureTables.days.cells(day, s, target: target)
        #expect(
            dayCells.indices.filter { dayCells[$0].offTarget }.map { FigureTables.days.htmlTitles(s)[$0] }
                == [s.columns.abandonment])
    }

    @Test func theWorkbookByTableHasTheCSVColumnsWithTheLoadColumnsFirst() {
        let sheet = FigureTables.byDimensionsSheet.csvNames
        #expect(Set(sheet) == Set(FigureTables.byDimensions.csvNames) && sheet.count == Set(sheet).count)
        #expect(Array(sheet.prefix(FigureTables.load.columns.count)) == FigureTables.load.csvNames)
    }

    @Test func theTextAndHTMLTicketTablesLeaveOutTheFirstReplyNinetiethPercentileOnly() {
        let all = FigureTables.tickets.csvNames
        let shown = FigureTables.tickets.reportColumns.compactMap(\.csvName)
        #expect(all.filter { !shown.contains($0) } == ["first_reply_p90_min"])
    }

    @Test(
        arguments: [
            (ReportLanguage.english, 4, "Satisfied = CSAT 4-5."), (.english, 3, "Satisfied = CSAT 3-5."),
            (.english, 5, "Satisfied = CSAT 5."), (.chinese, 5, "满意率 = 满意度 5分的占比"),
        ])
    func theHTMLSatisfactionLegendFollowsTheSatisfiedScore(language: ReportLanguage, score: Int, legend: String)
        throws
    {
        var report = GoldenReport.make()
        report.thresholds.satisfiedScore = score
        let html = try HTMLReportRenderer(language: language).rendered(report)
        #expect(html.contains(legend))
    }

    @Test(arguments: [3, 4, 5])
    func theTextAndHTMLNameTheSameSatisfiedScores(score: Int) throws {
        var report = GoldenReport.make()
        report.thresholds.satisfiedScore = score
        let scores = SatisfiedScores.text(score)
        #expect(try TextReportRenderer().rendered(report).contains("Sat% = CSAT \(scores);"))
        #expect(try HTMLReportRenderer().rendered(report).contains("Satisfied = CSAT \(scores)."))
    }
}
