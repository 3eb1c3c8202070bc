import HotlineMetrics

/// The workbook's first sheets and its last: the headline (with the period under it), what needs attention, and
/// data quality. Titles in one list per sheet, as in `+Sheets.swift`.
extension XLSXReportRenderer {
    /// The calls' headline, then the tickets', one figure a row; each row's numbers in its figure's format.
    static func headline(_ r: Report, _ strings: ReportStrings) -> PlannedSheet {
        let calls = r.tickets == nil || r.totals.offered > 0
        let figures = (calls ? r.headline : []) + (r.tickets?.headline ?? [])
        let columns: [SheetColumn<HeadlineFigure>] = [
            SheetColumn("Figure", .text) { .text($0.label) },
            SheetColumn("This period", .count) { .number($0.value, style: style(of: $0.kind)) },
            SheetColumn("Previous", .count) { .number($0.previous, style: style(of: $0.kind)) },
            SheetColumn("Change", .changeRelative) { .number($0.change, style: changeStyle(of: $0.kind)) },
            SheetColumn("Target", .percent) { .number($0.target, style: style(of: $0.kind)) },
            SheetColumn("Note", .text) { f in
                if f.provisional { return .text("provisional: repeat calls may still come") }
                guard let target = f.target, let value = f.value else { return .empty }
                return .text(value >= target ? "target met" : "below target")
            },
        ]
        let p = r.period
        let about: [(String, CellValue)] = [
            (
                "Period",
                .text(DisplayFormat.span(from: p.from, to: p.to, days: p.days, separator: " .. ", strings) ?? "no data")
            ),
            ("Time zone", .text(p.timeZone)),
            ("Interval (minutes)", .count(p.intervalMinutes)),
            ("Service level threshold (seconds)", .count(r.thresholds.serviceLevelSeconds)),
            ("Compared with", p.comparison.map { .text($0 + (p.comparisonPartial.map { "; \($0)" } ?? "")) } ?? .empty),
        ]
        let aboutColumns: [SheetColumn<(String, CellValue)>] = [
            SheetColumn("Report", .text) { .text($0.0) }, SheetColumn("Value", .count) { $0.1 },
        ]
        return PlannedSheet(title: "Headline") { sheet in
            try sheet.table(columns, figures)
            try sheet.table(aboutColumns, about)
        }
    }

    static func style(of kind: FigureKind) -> CellStyle {
        switch kind {
        case .count: .count
        case .rate: .percent
        case .seconds: .seconds
        case .score: .score
        case .minutes: .minutes
        }
    }

    /// Changes as HeadlineFigure measures them: points for rates, a difference for scores, relative otherwise.
    static func changeStyle(of kind: FigureKind) -> CellStyle {
        switch kind {
        case .rate: .changePoints
        case .score: .changeScore
        case .count, .seconds, .minutes: .changeRelative
        }
    }

    /// The exceptions, most calls affected first, in the words of the text and HTML reports and with their figures.
    static func exceptions(_ r: Report, _ strings: ReportStrings) -> SheetSpec<ReportException> {
        SheetSpec(
            title: "Needs attention",
            columns: [
                SheetColumn("Day", .date) { .date($0.day) },
                SheetColumn("From", .clock) { .clock($0.fromClock) },
                SheetColumn("To", .clock) { .clock($0.toClock) },
                SheetColumn("When", .text) { .text(ExceptionWording.when($0, report: r, strings)) },
                SheetColumn("What", .text) { .text(ExceptionWording.what($0, report: r, strings).figure) },
                SheetColumn("Detail", .text) { e in
                    ExceptionWording.what(e, report: r, strings).detail.map { .text($0) } ?? .empty
                },
                SheetColumn("Queue", .text) { e in e.queue.map { .text($0) } ?? .empty },
                SheetColumn("Category", .text) { e in e.category.map { .text($0) } ?? .empty },
                SheetColumn("Subcategory", .text) { e in e.subcategory.map { .text($0) } ?? .empty },
                SheetColumn("Value", .count) { .number($0.value, style: exceptionStyle($0)) },
                SheetColumn("Usual", .count) { .number($0.usual, style: exceptionStyle($0)) },
                SheetColumn("Target", .percent) { .number($0.target, style: exceptionStyle($0)) },
                SheetColumn("Calls affected", .count) { .count($0.callsAffected) },
                SheetColumn("Offered", .count) { .count($0.offered) },
                SheetColumn("Abandoned", .count) { .count($0.abandoned) },
                SheetColumn("Longest wait", .seconds) { .count($0.longestWaitSeconds) },
            ])
    }

    /// Rates as percent, counts (calls offered, a backlog) as counts.
    static func exceptionStyle(_ e: ReportException) -> CellStyle {
        ["service_level", "abandonment_rate", "share", "sla_breach_rate"].contains(e.figure) ? .percent : .count
    }

    /// Every input with what was read from it; under it the rejects by reason and the values no rule matched.
    static func dataQuality(_ r: Report) -> PlannedSheet {
        let q = r.dataQuality
        let inputs: [SheetColumn<InputRow>] = [
            SheetColumn("File", .text) { .text($0.path) },
            SheetColumn("Format", .text) { .text($0.format) },
            SheetColumn("Encoding", .text) { .text($0.encoding) },
            SheetColumn("Records", .count) { .count($0.records) },
            SheetColumn("Accepted", .count) { .count($0.accepted) },
            SheetColumn("Rejected", .count) { .count($0.rejected) },
            SheetColumn("Error", .text) { i in i.error.map { .text($0) } ?? .empty },
            SheetColumn("Notes", .text) { .text($0.notes.joined(separator: "; ")) },
        ]
        let reasons: [SheetColumn<ReasonCount>] = [
            SheetColumn("Rejected by reason", .text) { .text($0.reason) },
            SheetColumn("Records", .count) { .count($0.count) },
        ]
        let rejects: [SheetColumn<String>] = [SheetColumn("First rejects", .text) { .text($0) }]
        let unmatched: [SheetColumn<UnmatchedCount>] = [
            SheetColumn("No rule matched: field", .text) { .text($0.field) },
            SheetColumn("Value", .text) { .text($0.value) },
            SheetColumn("Records", .count) { .count($0.count) },
        ]
        return PlannedSheet(title: "Data quality") { sheet in
            try sheet.table(inputs, q.inputs)
            if !q.rejectsByReason.isEmpty { try sheet.table(reasons, q.rejectsByReason) }
            if !q.firstRejects.isEmpty { try sheet.table(rejects, q.firstRejects) }
            if !q.unmatched.isEmpty { try sheet.table(unmatched, q.unmatched) }
        }
    }
}
