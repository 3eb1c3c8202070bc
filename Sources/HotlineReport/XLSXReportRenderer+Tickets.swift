import HotlineMetrics
import HotlineModel

/// The ticket sheets: days with the backlog, categories, priorities, SLA breaches. Titles in one list per sheet, from the
/// report's strings.
extension XLSXReportRenderer {
    static func ticketSheets(_ t: TicketSection, _ s: ReportStrings) -> [PlannedSheet] {
        var sheets: [PlannedSheet] = []
        if t.days.count > 1 { sheets.append(PlannedSheet(ticketDays(s), t.days)) }
        let categories = t.categories.flatMap { c in
            [TicketLine(group: c, subgroup: nil)] + (c.subcategories ?? []).map { TicketLine(group: c, subgroup: $0) }
        }
        if !categories.isEmpty { sheets.append(PlannedSheet(ticketCategories(s), categories)) }
        if !t.priorities.isEmpty { sheets.append(PlannedSheet(ticketPriorities(s), t.priorities)) }
        if !t.sla.isEmpty { sheets.append(PlannedSheet(sla(s), t.sla)) }
        return sheets
    }

    static func ticketDays(_ s: ReportStrings) -> SheetSpec<TicketDayRow> {
        SheetSpec(
            title: s.sections.ticketsByDay,
            columns: [
                SheetColumn(s.columns.date, .date) { .date($0.date) },
                SheetColumn(s.workbook.weekday, .text) { .text($0.weekday) },
                SheetColumn(s.columns.created, .count) { .count($0.created) },
                SheetColumn(s.columns.solved, .count) { .count($0.solved) },
                SheetColumn(s.columns.backlog, .count) { .count($0.backlog) },
            ])
    }

    /// A ticket category's row, or one of its subcategories'.
    struct TicketLine {
        var group: TicketGroupRow
        var subgroup: TicketGroupRow?
    }

    static func ticketCategories(_ s: ReportStrings) -> SheetSpec<TicketLine> {
        SheetSpec(
            title: s.sections.ticketsByCategory,
            columns: [
                SheetColumn(s.columns.category, .text) { .text($0.group.name) },
                SheetColumn(s.workbook.chineseName, .text) {
                    .text(CallCategory(name: $0.group.name)?.chineseName ?? "")
                },
                SheetColumn(s.workbook.subcategory, .text) { .text($0.subgroup?.name ?? "(all)") },
            ] + FigureTables.tickets.reading { $0.subgroup?.figures ?? $0.group.figures }.sheetColumns(s))
    }

    static func ticketPriorities(_ s: ReportStrings) -> SheetSpec<TicketGroupRow> {
        SheetSpec(
            title: s.sections.ticketsByPriority,
            columns: [SheetColumn(s.columns.priority, .text) { .text($0.name) }]
                + FigureTables.tickets.reading { $0.figures }.sheetColumns(s))
    }

    /// The SLA matrix as a list: one row per category and priority with solved tickets that had a target.
    static func sla(_ s: ReportStrings) -> SheetSpec<SLACell> {
        SheetSpec(
            title: s.sections.slaBreaches,
            columns: [
                SheetColumn(s.columns.category, .text) { .text($0.category) },
                SheetColumn(s.columns.priority, .text) { .text($0.priority) },
                SheetColumn(s.workbook.solvedWithTarget, .count) { .count($0.withTarget) },
                SheetColumn(s.workbook.breached, .count) { .count($0.breached) },
                SheetColumn(s.workbook.breachRate, .percent) { .number($0.breachRate) },
            ])
    }
}
