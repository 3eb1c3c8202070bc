import HotlineMetrics

/// The workbook's first sheets and its last: the headline (with the period under it), what needs attention, and
/// data quality. Titles in one list per sheet, from the report's strings, as in `+Sheets.swift`.
extension XLSXReportRenderer {
    /// The calls' headline, then the tickets', one figure a row, named as the text and HTML reports name it; each
    /// row's numbers in its figure's format.
    static func headline(_ r: Report, _ strings: ReportStrings) -> PlannedSheet {
        let calls = r.tickets == nil || r.totals.offered > 0
        let figures = (calls ? r.headline : []) + (r.tickets?.headline ?? [])
        let clock = r.tickets?.clock ?? ""
        let c = strings.columns
        let w = strings.workbook
        let columns: [SheetColumn<HeadlineFigure>] = [
            SheetColumn(w.figure, .text) { .text(strings.label(of: $0, r.thresholds, clock: clock)) },
            SheetColumn(c.thisPeriod, .count) { .number($0.value, style: style(of: $0.kind)) },
            SheetColumn(c.previous, .count) { .number($0.previous, style: style(of: $0.kind)) },
            SheetColumn(c.change, .changeRelative) { .number($0.change, style: changeStyle(of: $0.kind)) },
            SheetColumn(w.target, .percent) { .number($0.target, style: style(of: $0.kind)) },
            SheetColumn(w.note, .text) { f in
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
            SheetColumn(w.report, .text) { .text($0.0) }, SheetColumn(c.value, .count) { $0.1 },
        ]
        return PlannedSheet(title: strings.sections.headline) { sheet in
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
        let c = strings.columns
        let w = strings.workbook
        return SheetSpec(
            title: strings.sections.needsAttention,
            columns: [
                SheetColumn(w.day, .date) { .date($0.day) },
                SheetColumn(w.from, .clock) { .clock($0.fromClock) },
                SheetColumn(w.to, .clock) { .clock($0.toClock) },
                SheetColumn(w.when, .text) { .text(ExceptionWording.when($0, report: r, strings)) },
                SheetColumn(w.what, .text) { .text(ExceptionWording.what($0, report: r, strings).figure) },
                SheetColumn(w.detail, .text) { e in
                    ExceptionWording.what(e, report: r, strings).detail.map { .text($0) } ?? .empty
                },
                SheetColumn(c.queue, .text) { e in e.queue.map { .text($0) } ?? .empty },
                SheetColumn(c.category, .text) { e in e.category.map { .text($0) } ?? .empty },
                SheetColumn(w.subcategory, .text) { e in e.subcategory.map { .text($0) } ?? .empty },
                SheetColumn(c.value, .count) { .number($0.value, style: exceptionStyle($0)) },
                SheetColumn(w.usual, .count) { .number($0.usual, style: exceptionStyle($0)) },
                SheetColumn(w.target, .percent) { .number($0.target, style: exceptionStyle($0)) },
                SheetColumn(w.callsAffected, .count) { .count($0.callsAffected) },
                SheetColumn(c.offered, .count) { .count($0.offered) },
                SheetColumn(c.abandoned, .count) { .count($0.abandoned) },
                SheetColumn(w.longestWait, .seconds) { .count($0.longestWaitSeconds) },
            ])
    }

    /// Rates as percent, counts (calls offered, a backlog) as counts.
    static func exceptionStyle(_ e: ReportException) -> CellStyle {
        ["service_level", "abandonment_rate", "share", "sla_breach_rate"].contains(e.figure) ? .percent : .count
    }

    /// Every input with what was read from it; under it the rejects by reason and the values no rule matched.
    static func dataQuality(_ r: Report, _ strings: ReportStrings) -> PlannedSheet {
        let q = r.dataQuality
        let c = strings.columns
        let w = strings.workbook
        let inputs: [SheetColumn<InputRow>] = [
            SheetColumn(c.file, .text) { .text($0.path) },
            SheetColumn(c.format, .text) { .text($0.format) },
            SheetColumn(c.encoding, .text) { .text($0.encoding) },
            SheetColumn(c.records, .count) { .count($0.records) },
            SheetColumn(c.accepted, .count) { .count($0.accepted) },
            SheetColumn(c.rejected, .count) { .count($0.rejected) },
            SheetColumn(w.error, .text) { i in i.error.map { .text($0) } ?? .empty },
            SheetColumn(w.notes, .text) { .text($0.notes.joined(separator: "; ")) },
        ]
        let reasons: [SheetColumn<ReasonCount>] = [
            SheetColumn(w.rejectedByReason, .text) { .text($0.reason) },
            SheetColumn(c.records, .count) { .count($0.count) },
        ]
        let rejects: [SheetColumn<String>] = [SheetColumn(w.firstRejects, .text) { .text($0) }]
        let unmatched: [SheetColumn<UnmatchedCount>] = [
            SheetColumn(w.unmatchedField, .text) { .text($0.field) },
            SheetColumn(c.value, .text) { .text($0.value) },
            SheetColumn(c.records, .count) { .count($0.count) },
        ]
        return PlannedSheet(title: strings.sections.dataQuality) { sheet in
            try sheet.table(inputs, q.inputs)
            if !q.rejectsByReason.isEmpty { try sheet.table(reasons, q.rejectsByReason) }
            if !q.firstRejects.isEmpty { try sheet.table(rejects, q.firstRejects) }
            if !q.unmatched.isEmpty { try sheet.table(unmatched, q.unmatched) }
        }
    }
}
