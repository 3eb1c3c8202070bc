import HotlineMetrics

/// The call sheets of the workbook: each sheet's title and columns in one list (title, format, value), the titles
/// from the report's ``ReportStrings`` (``ReportStrings/sections``, ``ReportStrings/columns`` and
/// ``ReportStrings/workbook``); the figure columns those of the text and HTML tables (``FigureTables``), in full.
extension XLSXReportRenderer {
    static func intervals(_ s: ReportStrings) -> SheetSpec<IntervalRow> {
        SheetSpec(
            title: s.workbook.intervals,
            columns: [SheetColumn(s.columns.start, .clock) { .clock($0.start) }]
                + FigureTables.intervals.sheetColumns(s))
    }

    static func days(_ s: ReportStrings) -> SheetSpec<DayRow> {
        SheetSpec(
            title: s.sections.days,
            columns: [
                SheetColumn(s.columns.date, .date) { .date($0.date) },
                SheetColumn(s.workbook.weekday, .text) { .text($0.weekday) },
            ] + FigureTables.days.sheetColumns(s))
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
                + FigureTables.group(
                    figures: { $0.subcategory?.figures ?? $0.category.figures },
                    share: { $0.subcategory?.share ?? $0.category.share }
                ).sheetColumns(s))
    }

    static func queues(_ s: ReportStrings) -> SheetSpec<GroupRow> {
        SheetSpec(
            title: s.sections.queues,
            columns: [SheetColumn(s.columns.queue, .text) { .text($0.name.isEmpty ? "(no queue)" : $0.name) }]
                + FigureTables.group(figures: { $0.figures }, share: { $0.share }).sheetColumns(s))
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
        let figures = FigureTables.byDimensionsSheet.reading { (row: TableRow) in row.figures }.sheetColumns(s)
        return SheetSpec(title: s.workbook.table, columns: dimensions + figures)
    }

    /// Column titles of the `--by` dimensions.
    static func dimensionTitles(_ s: ReportStrings) -> [String: String] {
        [
            "date": s.columns.date, "interval": s.workbook.interval, "hour": s.columns.hour,
            "weekday": s.workbook.weekday, "queue": s.columns.queue, "category": s.columns.category,
            "subcategory": s.workbook.subcategory, "agent": s.columns.agent, "ivr_path": s.ivr.path,
            "ivr_node": s.ivr.node,
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
