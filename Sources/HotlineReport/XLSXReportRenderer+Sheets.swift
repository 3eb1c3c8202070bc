import HotlineMetrics

/// The call sheets of the workbook: each sheet's title and columns in one list (title, format, value), the titles
/// from the report's ``ReportStrings`` (``ReportStrings/sections``, ``ReportStrings/columns`` and
/// ``ReportStrings/workbook``).
extension XLSXReportRenderer {
    /// Queue load of any row with call figures: the columns of the text report's load tables, in full.
    static func load<Row>(_ s: ReportStrings, _ figures: @escaping @Sendable (Row) -> CallFigures) -> [SheetColumn<Row>]
    {
        let c = s.columns
        let w = s.workbook
        return [
            SheetColumn(c.offered, .count) { .count(figures($0).offered) },
            SheetColumn(c.answered, .count) { .count(figures($0).answered) },
            SheetColumn(c.abandoned, .count) { .count(figures($0).abandoned) },
            SheetColumn(w.shortAbandons, .count) { .count(figures($0).shortAbandoned) },
            SheetColumn(w.serviceLevel, .percent) { .number(figures($0).serviceLevel) },
            SheetColumn(w.abandonment, .percent) { .number(figures($0).abandonmentRate) },
            SheetColumn(c.asa, .seconds) { .number(figures($0).asaSeconds) },
            SheetColumn(c.waitP90, .seconds) { .count(figures($0).waitP90Seconds) },
            SheetColumn(c.aht, .seconds) { .number(figures($0).ahtSeconds) },
            SheetColumn(c.csat, .score) { .number(figures($0).csatMean) },
        ]
    }

    /// Groups (categories, queues): volume, share and quality.
    static func group<Row>(
        _ s: ReportStrings, _ figures: @escaping @Sendable (Row) -> CallFigures,
        share: @escaping @Sendable (Row) -> Double?
    )
        -> [SheetColumn<Row>]
    {
        let c = s.columns
        let w = s.workbook
        return [
            SheetColumn(c.offered, .count) { .count(figures($0).offered) },
            SheetColumn(c.share, .percent) { .number(share($0)) },
            SheetColumn(w.serviceLevel, .percent) { .number(figures($0).serviceLevel) },
            SheetColumn(w.abandonment, .percent) { .number(figures($0).abandonmentRate) },
            SheetColumn(c.asa, .seconds) { .number(figures($0).asaSeconds) },
            SheetColumn(c.aht, .seconds) { .number(figures($0).ahtSeconds) },
            SheetColumn(c.csat, .score) { .number(figures($0).csatMean) },
            SheetColumn(c.satisfied, .percent) { .number(figures($0).csatSatisfied) },
            SheetColumn(w.repeatCalls, .percent) { .number(figures($0).repeatCallRate) },
        ]
    }

    static func intervals(_ s: ReportStrings) -> SheetSpec<IntervalRow> {
        SheetSpec(
            title: s.workbook.intervals,
            columns: [SheetColumn(s.columns.start, .clock) { .clock($0.start) }] + load(s) { $0.figures }
                + [SheetColumn(s.columns.peak, .count) { .count($0.peakWaiting) }])
    }

    static func days(_ s: ReportStrings) -> SheetSpec<DayRow> {
        SheetSpec(
            title: s.sections.days,
            columns: [
                SheetColumn(s.columns.date, .date) { .date($0.date) },
                SheetColumn(s.workbook.weekday, .text) { .text($0.weekday) },
            ] + load(s) { $0.figures }
                + [
                    SheetColumn(s.workbook.repeatCalls, .percent) { .number($0.figures.repeatCallRate) },
                    SheetColumn(s.columns.peak, .count) { .count($0.peakWaiting) },
                ])
    }

    /// A category's row, or one of its subcategories' (then `subcategory` is set).
    struct CategoryLine {
        var category: CategoryRow
        var subcategory: GroupRow?
    }

    static func categoryRows(_ r: Report) -> [CategoryLine] {
        r.categories.filter { $0.figures.offered > 0 }.flatMap { c in
            [CategoryLine(category: c)] + c.subcategories.map { CategoryLine(category: c, subcategory: $0) }
        }
    }

    static func categories(_ s: ReportStrings) -> SheetSpec<CategoryLine> {
        SheetSpec(
            title: s.workbook.categories,
            columns: [
                SheetColumn(s.columns.category, .text) { .text($0.category.category) },
                SheetColumn(s.workbook.chineseName, .text) { .text($0.category.chineseName) },
                SheetColumn(s.workbook.subcategory, .text) { line in
                    line.subcategory.map { .text($0.name.isEmpty ? "(unspecified)" : $0.name) } ?? .text("(all)")
                },
            ]
                + group(
                    s, { $0.subcategory?.figures ?? $0.category.figures },
                    share: { $0.subcategory?.share ?? $0.category.share }))
    }

    static func queues(_ s: ReportStrings) -> SheetSpec<GroupRow> {
        SheetSpec(
            title: s.sections.queues,
            columns: [SheetColumn(s.columns.queue, .text) { .text($0.name.isEmpty ? "(no queue)" : $0.name) }]
                + group(s, { $0.figures }, share: { $0.share }))
    }

    /// The `--by` table: its dimensions, then every figure of the CSV table.
    static func table(_ table: ReportTable, _ s: ReportStrings) -> SheetSpec<TableRow> {
        let titles = dimensionTitles(s)
        let dimensions = table.dimensions.enumerated().map { i, name in
            SheetColumn<TableRow>(titles[name] ?? name, dimensionStyles[name] ?? .text) { row in
                let key = i < row.keys.count ? row.keys[i] : ""
                switch dimensionStyles[name] {
                case .date: return .date(key)
                case .clock: return .clock(key)
                case .count: return Int(key).map { .count($0) } ?? .text(key)
                default: return .text(key)
                }
            }
        }
        let w = s.workbook
        let figures: [SheetColumn<TableRow>] =
            load(s) { $0.figures }
            + [
                SheetColumn(w.timedOut, .count) { .count($0.figures.timedOut) },
                SheetColumn(w.callbacks, .count) { .count($0.figures.callback) },
                SheetColumn(w.waitP50, .seconds) { .count($0.figures.waitP50Seconds) },
                SheetColumn(w.waitP99, .seconds) { .count($0.figures.waitP99Seconds) },
                SheetColumn(w.longestWait, .seconds) { .number($0.figures.longestWaitSeconds) },
                SheetColumn(w.transfers, .percent) { .number($0.figures.transferRate) },
                SheetColumn(w.repeatCalls, .percent) { .number($0.figures.repeatCallRate) },
                SheetColumn(s.columns.satisfied, .percent) { .number($0.figures.csatSatisfied) },
                SheetColumn(w.csatResponses, .count) { .count($0.figures.csatResponses) },
            ]
        return SheetSpec(title: w.table, columns: dimensions + figures)
    }

    /// Column titles of the `--by` dimensions.
    static func dimensionTitles(_ s: ReportStrings) -> [String: String] {
        [
            "date": s.columns.date, "interval": s.workbook.interval, "hour": s.columns.hour,
            "weekday": s.workbook.weekday, "queue": s.columns.queue, "category": s.columns.category,
            "subcategory": s.workbook.subcategory, "agent": s.columns.agent,
        ]
    }
    static let dimensionStyles: [String: CellStyle] = ["date": .date, "interval": .clock, "hour": .count]

    static func agents(_ s: ReportStrings) -> SheetSpec<AgentRow> {
        let c = s.columns
        let w = s.workbook
        return SheetSpec(
            title: s.sections.agents,
            columns: [
                SheetColumn(c.agent, .text) { .text($0.name) },
                SheetColumn(c.answered, .count) { .count($0.figures.answered) },
                SheetColumn(c.aht, .seconds) { .number($0.figures.ahtSeconds) },
                SheetColumn(c.handleTime, .seconds) { a in
                    .number(a.figures.ahtSeconds.map { $0 * Double(a.figures.answered) })
                },
                SheetColumn(w.transfers, .percent) { .number($0.figures.transferRate) },
                SheetColumn(c.csat, .score) { .number($0.figures.csatMean) },
                SheetColumn(c.loggedIn, .seconds) { .number($0.loggedInSeconds) },
                SheetColumn(c.paused, .seconds) { .number($0.pausedSeconds) },
                SheetColumn(c.occupancy, .percent) { .number($0.occupancy) },
                SheetColumn(w.ringsNotAnswered, .count) { a in
                    a.loggedInSeconds == nil ? .empty : .count(a.ringNoAnswer)
                },
            ])
    }

    static func staffing(_ s: ReportStrings) -> SheetSpec<StaffingRow> {
        let c = s.columns
        let w = s.workbook
        return SheetSpec(
            title: s.sections.staffing,
            columns: [
                SheetColumn(c.start, .clock) { .clock($0.start) },
                SheetColumn(c.callsPerDay, .decimal) { .number($0.callsPerDay) },
                SheetColumn(c.aht, .seconds) { .number($0.ahtSeconds) },
                SheetColumn(w.requiredAgents, .count) { .count($0.requiredAgents) },
                SheetColumn(w.observedAgents, .decimal) { .number($0.observedAgents) },
                SheetColumn(w.serviceLevelThen, .percent) { .number($0.serviceLevel) },
                SheetColumn(w.asaThen, .seconds) { .number($0.asaSeconds) },
                SheetColumn(w.occupancyThen, .percent) { .number($0.occupancy) },
                SheetColumn(w.observedServiceLevel, .percent) { .number($0.observedServiceLevel) },
            ])
    }
}
