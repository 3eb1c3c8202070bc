import HotlineMetrics

/// The report's figure tables, each one list of columns that every renderer draws (docs/DESIGN.md, "Reports").
enum FigureTables {
    typealias Call = CallFigureColumns
    typealias Ticket = TicketFigureColumns

    /// Queue load by time of day and by day: offered, answered, abandoned, short, SL, abandonment, ASA, wait p90,
    /// AHT, CSAT.
    static let load = loadTable(offeredTextWidth: Call.offered.textWidth)

    private static func loadTable(offeredTextWidth: Int) -> FigureTable<CallFigures> {
        FigureTable(columns: [
            Call.offered.withTextWidth(offeredTextWidth), Call.answered, Call.abandoned, Call.shortAbandoned,
            Call.serviceLevel, Call.abandonment, Call.asa, Call.waitP90, Call.aht, Call.csat,
        ])
    }

    /// The intervals of the day: the load, then the most calls waiting at once.
    static let intervals: FigureTable<IntervalRow> =
        load.reading { $0.figures } + [Call.peakWaiting { $0.peakWaiting }]

    /// The days: the load, repeat calls, the most calls waiting at once. Offered is one column narrower in text
    /// than elsewhere, its title's width, so the table fits 100 columns beside the date and weekday.
    static let days: FigureTable<DayRow> =
        loadTable(offeredTextWidth: 7).reading { $0.figures } + [
            Call.repeatCalls.reading { $0.figures }, Call.peakWaiting { $0.peakWaiting },
        ]

    /// Groups of calls (categories, subcategories, queues): volume, share and quality.
    static func group<Row>(
        figures: @escaping @Sendable (Row) -> CallFigures, share: @escaping @Sendable (Row) -> Double?
    ) -> FigureTable<Row> {
        FigureTable(columns: [
            Call.offered.reading(figures), Call.share(share), Call.serviceLevel.reading(figures),
            Call.abandonment.reading(figures), Call.asa.reading(figures), Call.aht.reading(figures),
            Call.csat.reading(figures), Call.satisfied.reading(figures), Call.repeatCalls.reading(figures),
        ])
    }

    /// The `--by` table: every call figure, in the order of the CSV's columns.
    static let byDimensions = FigureTable<CallFigures>(columns: [
        Call.offered, Call.answered, Call.abandoned, Call.shortAbandoned, Call.timedOut, Call.callback,
        Call.serviceLevel, Call.abandonment, Call.asa, Call.waitP50, Call.waitP90, Call.waitP99, Call.longestWait,
        Call.aht, Call.transferRate, Call.repeatCalls, Call.csat, Call.satisfied, Call.csatResponses,
    ])

    /// The `--by` table as the workbook orders it: the load columns first, as on the interval and day sheets, then
    /// the rest in the CSV's order.
    static let byDimensionsSheet: FigureTable<CallFigures> = {
        let first = Set(load.columns.compactMap(\.csvName))
        return load + byDimensions.columns.filter { !first.contains($0.csvName ?? "") }
    }()

    /// Groups of tickets (categories, subcategories, priorities, the `--by` table with `--tickets`). The first
    /// reply's 90th percentile is in the workbook and the CSV only.
    static let tickets = FigureTable<TicketFigures>(columns: [
        Ticket.created, Ticket.solved, Ticket.backlog, Ticket.firstReplyP50, Ticket.firstReplyP90,
        Ticket.resolutionP50, Ticket.resolutionP90, Ticket.slaBreaches, Ticket.reopened, Ticket.satisfaction,
    ])
}
