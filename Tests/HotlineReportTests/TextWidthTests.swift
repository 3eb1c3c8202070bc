import Foundation
import HotlineMetrics
import HotlineModel
import Testing

@testable import HotlineReport

/// Display columns of `line` as a terminal shows them: two for East Asian Width W and F (CJK ideographs, kana,
/// Hangul, fullwidth forms, emoji), one otherwise. Written apart from the renderer's own count on purpose.
func displayColumns(_ line: Substring) -> Int {
    let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
    return line.unicodeScalars.reduce(0) { n, s in n + (wide.contains { $0.contains(s.value) } ? 2 : 1) }
}

@Suite struct TextWidthTests {
    /// Seven-digit counts in every figure, long Chinese and English names, a long Chinese path: the worst a real
    /// month of a large call center (or a hostile export) gives the text report.
    static func hostile() -> Report {
        var r = GoldenReport.make()
        func huge(_ f: inout CallFigures) {
            (f.offered, f.answered, f.abandoned, f.shortAbandoned) = (9_876_543, 8_765_432, 1_234_567, 1_111_111)
            (f.timedOut, f.callback, f.transferred, f.csatResponses) = (1_000_000, 1_000_000, 1_000_000, 3_456_789)
            (f.serviceLevel, f.abandonmentRate, f.repeatCallRate, f.csatSatisfied) = (1, 1, 1, 1)
            (f.asaSeconds, f.ahtSeconds, f.longestWaitSeconds, f.waitP90Seconds) = (359_999, 359_999, 999_999, 359_999)
            f.csatMean = 4.99
        }
        huge(&r.totals)
        let long = String(repeating: "商户热线退款投诉升级", count: 6)
        let day = r.days.first
        r.days = (16...22).compactMap { d in
            day.map { row in
                var row = row
                row.date = "2026-11-\(d)"
                huge(&row.figures)
                row.peakWaiting = 1_234_567
                return row
            }
        }
        for i in r.intervals.indices {
            huge(&r.intervals[i].figures)
            r.intervals[i].peakWaiting = 1_234_567
        }
        for i in r.categories.indices {
            huge(&r.categories[i].figures)
            for j in r.categories[i].subcategories.indices {
                huge(&r.categories[i].subcategories[j].figures)
                r.categories[i].subcategories[j].name = long
            }
        }
        for i in r.queues.indices {
            huge(&r.queues[i].figures)
            r.queues[i].name = i % 2 == 0 ? long : String(repeating: "merchant-refund-escalation-", count: 5)
        }
        for i in r.agents.indices {
            huge(&r.agents[i].figures)
            r.agents[i].name = long
            r.agents[i].ringNoAnswer = 1_234_567
            (r.agents[i].loggedInSeconds, r.agents[i].pausedSeconds) = (99_999_999, 99_999_999)
        }
        r.heatmap = r.heatmap.map { $0.map { _ in 1_234_567 } }
        r.filters.queues = [long, long]
        for i in r.waitDistribution.indices { r.waitDistribution[i].calls = 9_876_543 }
        for i in r.dataQuality.inputs.indices {
            r.dataQuality.inputs[i].path = "/srv/导出/" + long + ".csv"
            r.dataQuality.inputs[i].format = "freeswitch-xml-cdr"
            (r.dataQuality.inputs[i].records, r.dataQuality.inputs[i].accepted) = (9_876_543, 8_765_432)
            r.dataQuality.inputs[i].rejected = 1_111_111
        }
        (r.dataQuality.records, r.dataQuality.accepted, r.dataQuality.rejected) = (9_876_543, 8_765_432, 1_111_111)
        r.dataQuality.callsOutsidePeriod = 1_234_567
        for i in r.dataQuality.unmatched.indices { r.dataQuality.unmatched[i].value = long }
        return r
    }

    @Test(arguments: ReportLanguage.allCases)
    func everyLineOfAHostileReportFitsOneHundredColumns(language: ReportLanguage) throws {
        let text = try TextReportRenderer(language: language).rendered(Self.hostile())
        #expect(text.contains(ReportStrings.of(language).sections.days.uppercased()))
        for line in text.split(separator: "\n") {
            #expect(displayColumns(line) <= 100, "\(displayColumns(line)) columns: \(line)")
        }
        // Counts are never cut: a seven-digit figure is shown whole.
        #expect(text.contains("9,876,543") && text.contains("1,234,567"))
        #expect(!text.contains("9,876,5~"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func theGoldenReportFitsOneHundredDisplayColumns(language: ReportLanguage) throws {
        for line in try TextReportRenderer(language: language).rendered(GoldenReport.make()).split(separator: "\n") {
            #expect(displayColumns(line) <= 100, "\(displayColumns(line)) columns: \(line)")
        }
    }

    @Test(arguments: [(4, "Sat% = CSAT 4-5;"), (3, "Sat% = CSAT 3-5;"), (5, "Sat% = CSAT 5;")])
    func theSatisfiedScoreNoteFollowsTheSetting(score: Int, note: String) throws {
        var report = GoldenReport.make()
        report.thresholds.satisfiedScore = score
        #expect(try TextReportRenderer().rendered(report).contains(note))
    }

    @Test func aTableWidensForItsFiguresAndCutsItsLabelsToFit() {
        var table = TextTable([("Queue", 30), ("Offered", 8), ("Answered", 8)])
        table.add([String(repeating: "q", count: 40), "123,456,789", "1"])
        #expect(table.fitted(to: 100) == [30, 11, 8])
        #expect(table.fitted(to: 40) == [19, 11, 8])
        // Never below the first column's minimum; then the widened figures give way.
        #expect(table.fitted(to: 20) == [12, 8, 8])
    }
}

/// A Chinese sentence has no spaces to break at: it wraps between characters instead of being cut.
@Suite struct ChineseWrappingTests {
    @Test func aLongChineseSentenceWrapsWithinTheWidthAndLosesNothing() {
        let sentence =
            "数据来自夜间存储：每天的来电只与前一天至后三天的工单和来电关联，原来电三天之后的催办来电未计入；对原始文件出报表可得完整数字。"
        let text = TextReportRenderer(language: .chinese).wrapped("合并站点：上海、成都。" + sentence)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { displayColumns($0) <= 100 })
        #expect(!text.contains("~"))
        #expect(text.replacingOccurrences(of: "\n      ", with: "").hasSuffix(sentence + "\n"))
        // A continuation never starts with closing punctuation.
        for line in lines.dropFirst() {
            #expect(!"，。；：、）".contains(line.trimmingCharacters(in: .whitespaces).prefix(1)))
        }
    }

    @Test func wordsWithSpacesStillBreakOnlyAtSpaces() {
        let message = "已解决 268 张，其中 268 张有解决时长；312 张有首次响应时长；SLA：有目标的 268 张中超时 74 张；满意度来自 191 条评价。"
        let text = TextReportRenderer(language: .chinese).wrapped(message)
        #expect(text == "  已解决 268 张，其中 268 张有解决时长；312 张有首次响应时长；SLA：有目标的 268 张中超时 74\n      张；满意度来自 191 条评价。\n")
    }
}
