import HotlineMetrics
import HotlineModel

/// The ticket sheets: days with the backlog, categories, priorities, SLA breaches. Titles in one list per sheet.
extension XLSXReportRenderer {
    static func ticketSheets(_ t: TicketSection) -> [PlannedSheet] {
        var sheets: [PlannedSheet] = []
        if t.days.count > 1 { sheets.append(PlannedSheet(ticketDays, t.days)) }
        let categories = t.categories.flatMap { c in
            [TicketLine(group: c, subgroup: nil)] + (c.subcategories ?? []).map { TicketLine(group: c, subgroup: $0) }
        }
        if !categories.isEmpty { sheets.append(PlannedSheet(ticketCategories, categories)) }
        if !t.priorities.isEmpty { sheets.append(PlannedSheet(ticketPriorities, t.priorities)) }
        if !t.sla.isEmpty { sheets.append(PlannedSheet(sla, t.sla)) }
        return sheets
    }

    static let ticketDays = SheetSpec<TicketDayRow>(
        title: "Tickets by day",
        columns: [
            SheetColumn("Date", .date) { .date($0.date) },
            SheetColumn("Weekday", .text) { .text($0.weekday) },
            SheetColumn("Created", .count) { .count($0.created) },
            SheetColumn("Solved", .count) { .count($0.solved) },
            SheetColumn("Backlog", .count) { .count($0.backlog) },
        ])

    /// The figures of a ticket group row, as the text report's ticket tables show them.
    static func ticketFigures<Row>(_ figures: @escaping @Sendable (Row) -> TicketFigures) -> [SheetColumn<Row>] {
        [
            SheetColumn("Created", .count) { .count(figures($0).created) },
            SheetColumn("Solved", .count) { .count(figures($0).solved) },
            SheetColumn("Backlog", .count) { .count(figures($0).backlog) },
            SheetColumn("First reply p50", .minutes) { .count(figures($0).firstReplyP50Minutes) },
            SheetColumn("First reply p90", .minutes) { .count(figures($0).firstReplyP90Minutes) },
            SheetColumn("Resolution p50", .minutes) { .count(figures($0).resolutionP50Minutes) },
            SheetColumn("Resolution p90", .minutes) { .count(figures($0).resolutionP90Minutes) },
            SheetColumn("SLA breaches", .percent) { .number(figures($0).slaBreachRate) },
            SheetColumn("Reopened", .percent) { .number(figures($0).reopenRate) },
            SheetColumn("Satisfaction", .percent) { .number(figures($0).satisfaction) },
        ]
    }

    /// A ticket category's row, or one of its subcategories'.
    struct TicketLine {
        var group: TicketGroupRow
        var subgroup: TicketGroupRow?
    }

    static let ticketCategories = SheetSpec<TicketLine>(
        title: "Tickets by category",
        columns: [
            SheetColumn("Category", .text) { .text($0.group.name) },
            SheetColumn("Name (zh)", .text) { .text(CallCategory(name: $0.group.name)?.chineseName ?? "") },
            SheetColumn("Subcategory", .text) { .text($0.subgroup?.name ?? "(all)") },
        ] + ticketFigures { $0.subgroup?.figures ?? $0.group.figures })

    static let ticketPriorities = SheetSpec<TicketGroupRow>(
        title: "Tickets by priority",
        columns: [SheetColumn("Priority", .text) { .text($0.name) }] + ticketFigures { $0.figures })

    /// The SLA matrix as a list: one row per category and priority with solved tickets that had a target.
    static let sla = SheetSpec<SLACell>(
        title: "SLA breaches",
        columns: [
            SheetColumn("Category", .text) { .text($0.category) },
            SheetColumn("Priority", .text) { .text($0.priority) },
            SheetColumn("Solved with a target", .count) { .count($0.withTarget) },
            SheetColumn("Breached", .count) { .count($0.breached) },
            SheetColumn("Breach rate", .percent) { .number($0.breachRate) },
        ])
}
