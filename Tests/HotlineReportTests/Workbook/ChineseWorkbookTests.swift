import Foundation
import HotlineMetrics
import HotlineModel
import Testing

@testable import HotlineReport

/// The workbook in the report's language: sheet names and column titles from ``ReportStrings``, Chinese with
/// `--lang zh-CN`, the English ones as they were.
struct ChineseWorkbookTests {
    let scratch = NSTemporaryDirectory() + "hotline-workbook-zh-\(UUID().uuidString)"

    init() throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    func read(_ language: ReportLanguage) throws -> WorkbookReader {
        try WorkbookReader(
            XLSXReportRenderer(language: language).workbook(
                GoldenReport.make(), scratchFolder: scratch, name: "report.xlsx"))
    }

    /// The titles of a sheet's first row, left to right.
    func headerRow(_ book: WorkbookReader, _ name: String) throws -> [String] {
        let sheet = try book.sheet(name)
        let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map { String($0) }
        let columns = letters + letters.map { "A" + $0 }
        var titles: [String] = []
        for column in columns {
            guard let title = book.string(book.cell("\(column)1", in: sheet)) else { break }
            titles.append(title)
        }
        return titles
    }

    @Test func aChineseWorkbookNamesItsSheetsInChinese() throws {
        let book = try read(.chinese)
        #expect(
            book.sheetNames == [
                "核心指标", "时段", "业务分类", "队列", "分组统计", "坐席", "人力需求", "工单：按业务分类", "工单：按优先级", "SLA 超时率",
                "数据质量",
            ])
    }

    @Test func aChineseHeaderRowIsChinese() throws {
        let book = try read(.chinese)
        #expect(
            try headerRow(book, "时段") == [
                "开始", "呼入量", "接通量", "放弃量", "短时放弃", "服务水平", "放弃率", "平均应答速度", "等待时长 P90", "平均处理时长", "满意度",
                "排队峰值",
            ])
        #expect(try headerRow(book, "核心指标") == ["指标", "本期", "上期", "变化", "目标", "说明"])
        #expect(!book.sharedStrings.contains("Service level"))
        #expect(!book.sharedStrings.contains("Offered"))
    }

    @Test func everyChineseSheetHasChineseColumnTitles() throws {
        let book = try read(.chinese)
        for name in book.sheetNames {
            let titles = try headerRow(book, name)
            #expect(!titles.isEmpty, "\(name)")
            for title in titles {
                #expect(title.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(name): \(title)")
            }
        }
    }

    @Test func theEnglishWorkbookKeepsItsTitles() throws {
        let book = try read(.english)
        #expect(book.sheetNames.first == "Headline")
        #expect(
            try headerRow(book, "Intervals") == [
                "Start", "Offered", "Answered", "Abandoned", "Short abandons", "Service level", "Abandonment", "ASA",
                "Wait p90", "AHT", "CSAT", "Peak waiting",
            ])
        #expect(try headerRow(book, "Headline") == ["Figure", "This period", "Previous", "Change", "Target", "Note"])
    }

    /// Every sheet name of both languages is one Excel takes as it is: no character replaced, none cut.
    @Test(arguments: [ReportLanguage.english, .chinese])
    func sheetNamesNeedNoRepair(language: ReportLanguage) {
        let s = ReportStrings.of(language)
        let names = [
            s.sections.headline, s.sections.needsAttention, s.workbook.intervals, s.sections.days,
            s.workbook.categories, s.sections.queues, s.workbook.table, s.sections.agents, s.sections.staffing,
            s.sections.ticketsByDay, s.sections.ticketsByCategory, s.sections.ticketsByPriority,
            s.sections.slaBreaches, s.sections.dataQuality,
        ]
        for name in names {
            #expect(SheetName.valid(name) == name)
            #expect(name.unicodeScalars.count <= 31)
        }
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
    }
}
