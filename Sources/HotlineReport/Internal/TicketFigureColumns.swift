import HotlineMetrics

/// Every column of ticket figures the reports show, each defined once; ``FigureTables`` puts them in tables.
enum TicketFigureColumns {
    typealias Column = FigureColumn<TicketFigures>

    static let created = Column(
        csvName: "created", title: { $0.created }, sheetTitle: { $0.columns.created }, kind: .count, textWidth: 7,
        value: { Double($0.created) })
    static let solved = Column(
        csvName: "solved", title: { $0.solved }, sheetTitle: { $0.columns.solved }, kind: .count, textWidth: 7,
        value: { Double($0.solved) })
    static let backlog = Column(
        csvName: "backlog", title: { $0.backlog }, sheetTitle: { $0.columns.backlog }, kind: .count, textWidth: 7,
        value: { $0.backlog.map(Double.init) })
    static let firstReplyP50 = Column(
        csvName: "first_reply_p50_min", title: { $0.firstReplyP50 }, sheetTitle: { $0.workbook.firstReplyP50 },
        kind: .minutes, textWidth: 6, value: { $0.firstReplyP50Minutes.map(Double.init) })
    static let firstReplyP90 = Column(
        csvName: "first_reply_p90_min", title: nil, sheetTitle: { $0.workbook.firstReplyP90 }, kind: .minutes,
        textWidth: 6, value: { $0.firstReplyP90Minutes.map(Double.init) })
    static let resolutionP50 = Column(
        csvName: "resolution_p50_min", title: { $0.resolutionP50 }, sheetTitle: { $0.workbook.resolutionP50 },
        kind: .minutes, textWidth: 6, value: { $0.resolutionP50Minutes.map(Double.init) })
    static let resolutionP90 = Column(
        csvName: "resolution_p90_min", title: { $0.resolutionP90 }, sheetTitle: { $0.workbook.resolutionP90 },
        kind: .minutes, textWidth: 6, value: { $0.resolutionP90Minutes.map(Double.init) })
    static let slaBreaches = Column(
        csvName: "sla_breach_rate", title: { $0.slaBreaches }, sheetTitle: { $0.figures.slaBreaches }, kind: .rate,
        textWidth: 6, value: { $0.slaBreachRate })
    static let reopened = Column(
        csvName: "reopen_rate", title: { $0.reopened }, sheetTitle: { $0.figures.reopened }, kind: .rate,
        textWidth: 6, value: { $0.reopenRate })
    static let satisfaction = Column(
        csvName: "satisfaction", title: { $0.ticketSatisfied }, sheetTitle: { $0.workbook.satisfaction },
        kind: .rate, textWidth: 6, value: { $0.satisfaction })
}
