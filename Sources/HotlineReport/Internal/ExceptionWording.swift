import HotlineMetrics
import HotlineModel

/// One exception as the manager reads it: when, and what happened (the same words in text and HTML).
enum ExceptionWording {
    /// `Tue 10:00-12:00`, or with the date when the report covers several days; the day or period alone for
    /// what covers whole days.
    static func when(_ e: ReportException, report: Report, _ s: ReportStrings) -> String {
        let dayNumber = CivilDate(parsing: e.day)?.dayNumber
        let weekday = dayNumber.map { s.weekdays[CivilDate.weekday(ofDayNumber: $0)] } ?? ""
        let oneDay = report.period.days <= 1
        let date = oneDay ? weekday : s.exceptions.dated(weekday, String(e.day.dropFirst(5)))
        switch e.kind {
        case .categoryShare, .ivrDropOff, .queueBelowTarget, .ticketSLABreaches, .backlogJump:
            return oneDay ? "\(weekday) \(s.exceptions.allDay)" : s.exceptions.wholePeriod
        case .missingData:
            return "\(date) \(s.exceptions.allDay)"
        default:
            return "\(date) \(s.clockRange(e.fromClock, e.toClock))"
        }
    }

    /// What happened against the usual or the target, and (second line) its size.
    static func what(_ e: ReportException, report: Report, _ s: ReportStrings) -> (figure: String, detail: String?) {
        let t = report.thresholds
        let w = s.exceptions
        let usual = e.usual.map { DisplayFormat.percent($0) }
        switch e.kind {
        case .queueBelowTarget where e.figure == "abandonment_rate":
            return (
                w.queueAbandonment(
                    TerminalText.sanitized(e.queue ?? ""), DisplayFormat.percent(e.value),
                    DisplayFormat.percent(e.target)),
                w.abandonedBeyond(e.callsAffected, e.abandoned ?? 0)
            )
        case .serviceLevel, .queueBelowTarget:
            return (
                w.serviceLevel(
                    e.queue.map(TerminalText.sanitized), DisplayFormat.percent(e.value), usual,
                    DisplayFormat.percent(e.target)),
                w.notAnswered(
                    e.callsAffected, e.thresholdSeconds ?? t.serviceLevelSeconds, e.abandoned,
                    e.longestWaitSeconds.flatMap { $0 > 0 ? DisplayFormat.duration($0) : nil })
            )
        case .abandonment:
            return (
                w.abandonment(DisplayFormat.percent(e.value), usual, DisplayFormat.percent(e.target)),
                w.abandonedOf(e.callsAffected, e.offered)
            )
        case .volumeHigh, .volumeLow:
            let sign = e.kind == .volumeHigh ? "+" : "-"
            return (w.volume(e.offered, DisplayFormat.count(e.usual), sign, DisplayFormat.count(e.callsAffected)), nil)
        case .categoryShare:
            let category = e.category.map { CallCategory(name: $0).map(s.category) ?? $0 }
            let name = [category, e.subcategory].compactMap { $0 }.map(TerminalText.sanitized).joined(separator: "/")
            return (
                w.categoryShare(name, DisplayFormat.percent(e.value), DisplayFormat.percent(e.usual), e.callsAffected),
                nil
            )
        case .ivrDropOff:
            return (
                w.ivrDropOff(
                    TerminalText.sanitized(e.ivrNode ?? ""), DisplayFormat.percent(e.value),
                    DisplayFormat.percent(e.usual)),
                w.ivrHungUp(e.abandoned ?? 0, e.offered, e.callsAffected)
            )
        case .ticketSLABreaches:
            return (
                w.ticketSLA(DisplayFormat.percent(e.value), DisplayFormat.percent(e.usual)),
                w.ticketSLADetail(e.callsAffected)
            )
        case .backlogJump:
            return (w.backlogJump(DisplayFormat.count(e.value), DisplayFormat.count(e.usual)), nil)
        case .missingData:
            return (w.missingData(e.offered, DisplayFormat.count(e.usual)), w.missingDetail)
        }
    }
}
