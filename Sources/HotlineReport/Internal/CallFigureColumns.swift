import HotlineMetrics

/// Every column of call figures the reports show, each defined once; ``FigureTables`` puts them in tables.
enum CallFigureColumns {
    typealias Column = FigureColumn<CallFigures>

    static let offered = Column(
        csvName: "offered", title: { $0.offered }, sheetTitle: { $0.columns.offered }, kind: .count, textWidth: 8,
        value: { Double($0.offered) })
    static let answered = Column(
        csvName: "answered", title: { $0.answered }, sheetTitle: { $0.columns.answered }, kind: .count, textWidth: 7,
        value: { Double($0.answered) })
    static let abandoned = Column(
        csvName: "abandoned", title: { $0.abandoned }, sheetTitle: { $0.columns.abandoned }, kind: .count,
        textWidth: 6, value: { Double($0.abandoned) })
    static let shortAbandoned = Column(
        csvName: "short_abandoned", title: { $0.shortAbandoned }, sheetTitle: { $0.workbook.shortAbandons },
        kind: .count, textWidth: 5, value: { Double($0.shortAbandoned) })
    static let timedOut = Column(
        csvName: "timed_out", title: nil, sheetTitle: { $0.workbook.timedOut }, kind: .count, textWidth: 6,
        value: { Double($0.timedOut) })
    static let callback = Column(
        csvName: "callback", title: nil, sheetTitle: { $0.workbook.callbacks }, kind: .count, textWidth: 6,
        value: { Double($0.callback) })
    static let serviceLevel = Column(
        csvName: "service_level", title: { $0.serviceLevel }, sheetTitle: { $0.workbook.serviceLevel }, kind: .rate,
        textWidth: 6, role: .serviceLevel, value: { $0.serviceLevel })
    static let abandonment = Column(
        csvName: "abandonment_rate", title: { $0.abandonment }, sheetTitle: { $0.workbook.abandonment }, kind: .rate,
        textWidth: 6, role: .abandonment, value: { $0.abandonmentRate })
    static let asa = Column(
        csvName: "asa_s", title: { $0.asa }, sheetTitle: { $0.columns.asa }, kind: .seconds, textWidth: 5,
        value: { $0.asaSeconds })
    static let waitP50 = Column(
        csvName: "wait_p50_s", title: nil, sheetTitle: { $0.workbook.waitP50 }, kind: .seconds, textWidth: 5,
        value: { $0.waitP50Seconds.map(Double.init) })
    static let waitP90 = Column(
        csvName: "wait_p90_s", title: { $0.waitP90 }, sheetTitle: { $0.columns.waitP90 }, kind: .seconds,
        textWidth: 5, value: { $0.waitP90Seconds.map(Double.init) })
    static let waitP99 = Column(
        csvName: "wait_p99_s", title: nil, sheetTitle: { $0.workbook.waitP99 }, kind: .seconds, textWidth: 5,
        value: { $0.waitP99Seconds.map(Double.init) })
    static let longestWait = Column(
        csvName: "longest_wait_s", title: nil, sheetTitle: { $0.workbook.longestWait }, kind: .seconds,
        textWidth: 5, value: { $0.longestWaitSeconds })
    static let aht = Column(
        csvName: "aht_s", title: { $0.aht }, sheetTitle: { $0.columns.aht }, kind: .seconds, textWidth: 6,
        value: { $0.ahtSeconds })
    static let transferRate = Column(
        csvName: "transfer_rate", title: nil, sheetTitle: { $0.workbook.transfers }, kind: .rate, textWidth: 6,
        value: { $0.transferRate })
    static let repeatCalls = Column(
        csvName: "repeat_call_rate", title: { $0.repeatCalls }, sheetTitle: { $0.workbook.repeatCalls },
        kind: .rate, textWidth: 6, value: { $0.repeatCallRate })
    static let csat = Column(
        csvName: "csat_mean", title: { $0.csat }, sheetTitle: { $0.columns.csat }, kind: .score, textWidth: 4,
        value: { $0.csatMean })
    /// The share of CSAT responses at or above the satisfied score; its legend names that score
    /// (``SatisfiedScores``).
    static let satisfied = Column(
        csvName: "csat_satisfied", title: { $0.satisfied }, sheetTitle: { $0.columns.satisfied }, kind: .rate,
        textWidth: 6, value: { $0.csatSatisfied })
    static let csatResponses = Column(
        csvName: "csat_responses", title: nil, sheetTitle: { $0.workbook.csatResponses }, kind: .count,
        textWidth: 6, value: { Double($0.csatResponses) })

    /// A group's share of the calls offered (categories, queues): not a figure of the group's calls alone.
    static func share<Row>(_ share: @escaping @Sendable (Row) -> Double?) -> FigureColumn<Row> {
        FigureColumn(
            csvName: nil, title: { $0.share }, sheetTitle: { $0.columns.share }, kind: .rate, textWidth: 6,
            value: share)
    }

    /// The most calls waiting at once in an interval or a day.
    static func peakWaiting<Row>(_ peak: @escaping @Sendable (Row) -> Int) -> FigureColumn<Row> {
        FigureColumn(
            csvName: nil, title: { $0.peak }, sheetTitle: { $0.columns.peak }, kind: .count, textWidth: 4,
            value: { Double(peak($0)) })
    }
}
