import HotlineMetrics

/// The call sheets of the workbook: each sheet's title and columns in one list (title, format, value), in English
/// for now; a translation replaces the strings here.
extension XLSXReportRenderer {
    /// Queue load of any row with call figures: the columns of the text report's load tables, in full.
    static func load<Row>(_ figures: @escaping @Sendable (Row) -> CallFigures) -> [SheetColumn<Row>] {
        [
            SheetColumn("Offered", .count) { .count(figures($0).offered) },
            SheetColumn("Answered", .count) { .count(figures($0).answered) },
            SheetColumn("Abandoned", .count) { .count(figures($0).abandoned) },
            SheetColumn("Short abandons", .count) { .count(figures($0).shortAbandoned) },
            SheetColumn("Service level", .percent) { .number(figures($0).serviceLevel) },
            SheetColumn("Abandonment", .percent) { .number(figures($0).abandonmentRate) },
            SheetColumn("ASA", .seconds) { .number(figures($0).asaSeconds) },
            SheetColumn("Wait p90", .seconds) { .count(figures($0).waitP90Seconds) },
            SheetColumn("AHT", .seconds) { .number(figures($0).ahtSeconds) },
            SheetColumn("CSAT", .score) { .number(figures($0).csatMean) },
        ]
    }

    /// Groups (categories, queues): volume, share and quality.
    static func group<Row>(
        _ figures: @escaping @Sendable (Row) -> CallFigures, share: @escaping @Sendable (Row) -> Double?
    )
        -> [SheetColumn<Row>]
    {
        [
            SheetColumn("Offered", .count) { .count(figures($0).offered) },
            SheetColumn("Share", .percent) { .number(share($0)) },
            SheetColumn("Service level", .percent) { .number(figures($0).serviceLevel) },
            SheetColumn("Abandonment", .percent) { .number(figures($0).abandonmentRate) },
            SheetColumn("ASA", .seconds) { .number(figures($0).asaSeconds) },
            SheetColumn("AHT", .seconds) { .number(figures($0).ahtSeconds) },
            SheetColumn("CSAT", .score) { .number(figures($0).csatMean) },
            SheetColumn("Satisfied", .percent) { .number(figures($0).csatSatisfied) },
            SheetColumn("Repeat calls", .percent) { .number(figures($0).repeatCallRate) },
        ]
    }

    static let intervals = SheetSpec<IntervalRow>(
        title: "Intervals",
        columns: [SheetColumn("Start", .clock) { .clock($0.start) }] + load { $0.figures }
            + [SheetColumn("Peak waiting", .count) { .count($0.peakWaiting) }])

    static let days = SheetSpec<DayRow>(
        title: "Days",
        columns: [
            SheetColumn("Date", .date) { .date($0.date) }, SheetColumn("Weekday", .text) { .text($0.weekday) },
        ] + load { $0.figures }
            + [
                SheetColumn("Repeat calls", .percent) { .number($0.figures.repeatCallRate) },
                SheetColumn("Peak waiting", .count) { .count($0.peakWaiting) },
            ])

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

    static let categories = SheetSpec<CategoryLine>(
        title: "Categories",
        columns: [
            SheetColumn("Category", .text) { .text($0.category.category) },
            SheetColumn("Name (zh)", .text) { .text($0.category.chineseName) },
            SheetColumn("Subcategory", .text) { line in
                line.subcategory.map { .text($0.name.isEmpty ? "(unspecified)" : $0.name) } ?? .text("(all)")
            },
        ]
            + group(
                { $0.subcategory?.figures ?? $0.category.figures },
                share: { $0.subcategory?.share ?? $0.category.share }))

    static let queues = SheetSpec<GroupRow>(
        title: "Queues",
        columns: [SheetColumn("Queue", .text) { .text($0.name.isEmpty ? "(no queue)" : $0.name) }]
            + group({ $0.figures }, share: { $0.share }))

    /// The `--by` table: its dimensions, then every figure of the CSV table.
    static func table(_ table: ReportTable) -> SheetSpec<TableRow> {
        let dimensions = table.dimensions.enumerated().map { i, name in
            SheetColumn<TableRow>(dimensionTitles[name] ?? name, dimensionStyles[name] ?? .text) { row in
                let key = i < row.keys.count ? row.keys[i] : ""
                switch dimensionStyles[name] {
                case .date: return .date(key)
                case .clock: return .clock(key)
                case .count: return Int(key).map { .count($0) } ?? .text(key)
                default: return .text(key)
                }
            }
        }
        let figures: [SheetColumn<TableRow>] =
            load { $0.figures }
            + [
                SheetColumn("Timed out", .count) { .count($0.figures.timedOut) },
                SheetColumn("Callbacks", .count) { .count($0.figures.callback) },
                SheetColumn("Wait p50", .seconds) { .count($0.figures.waitP50Seconds) },
                SheetColumn("Wait p99", .seconds) { .count($0.figures.waitP99Seconds) },
                SheetColumn("Longest wait", .seconds) { .number($0.figures.longestWaitSeconds) },
                SheetColumn("Transfers", .percent) { .number($0.figures.transferRate) },
                SheetColumn("Repeat calls", .percent) { .number($0.figures.repeatCallRate) },
                SheetColumn("Satisfied", .percent) { .number($0.figures.csatSatisfied) },
                SheetColumn("CSAT responses", .count) { .count($0.figures.csatResponses) },
            ]
        return SheetSpec(title: "Table", columns: dimensions + figures)
    }

    /// Column titles of the `--by` dimensions.
    static let dimensionTitles = [
        "date": "Date", "interval": "Interval", "hour": "Hour", "weekday": "Weekday", "queue": "Queue",
        "category": "Category", "subcategory": "Subcategory", "agent": "Agent",
    ]
    static let dimensionStyles: [String: CellStyle] = ["date": .date, "interval": .clock, "hour": .count]

    static let agents = SheetSpec<AgentRow>(
        title: "Agents",
        columns: [
            SheetColumn("Agent", .text) { .text($0.name) },
            SheetColumn("Answered", .count) { .count($0.figures.answered) },
            SheetColumn("AHT", .seconds) { .number($0.figures.ahtSeconds) },
            SheetColumn("Handle time", .seconds) { a in
                .number(a.figures.ahtSeconds.map { $0 * Double(a.figures.answered) })
            },
            SheetColumn("Transfers", .percent) { .number($0.figures.transferRate) },
            SheetColumn("CSAT", .score) { .number($0.figures.csatMean) },
            SheetColumn("Logged in", .seconds) { .number($0.loggedInSeconds) },
            SheetColumn("Paused", .seconds) { .number($0.pausedSeconds) },
            SheetColumn("Occupancy", .percent) { .number($0.occupancy) },
            SheetColumn("Rings not answered", .count) { a in a.loggedInSeconds == nil ? .empty : .count(a.ringNoAnswer)
            },
        ])

    static let staffing = SheetSpec<StaffingRow>(
        title: "Staffing",
        columns: [
            SheetColumn("Start", .clock) { .clock($0.start) },
            SheetColumn("Calls per day", .decimal) { .number($0.callsPerDay) },
            SheetColumn("AHT", .seconds) { .number($0.ahtSeconds) },
            SheetColumn("Required agents", .count) { .count($0.requiredAgents) },
            SheetColumn("Observed agents", .decimal) { .number($0.observedAgents) },
            SheetColumn("Service level then", .percent) { .number($0.serviceLevel) },
            SheetColumn("ASA then", .seconds) { .number($0.asaSeconds) },
            SheetColumn("Occupancy then", .percent) { .number($0.occupancy) },
            SheetColumn("Observed service level", .percent) { .number($0.observedServiceLevel) },
        ])
}
