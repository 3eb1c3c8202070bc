import HotlineMetrics
import HotlineModel

/// One exception as the manager reads it: when, and what happened (the same words in text and HTML).
enum ExceptionWording {
    /// `Tue 10:00-12:00`, or with the date when the report covers several days; the day or period alone for
    /// what covers whole days.
    static func when(_ e: ReportException, report: Report) -> String {
        let dayNumber = CivilDate(parsing: e.day)?.dayNumber
        let weekday = dayNumber.map { CivilDate.weekdayNames[CivilDate.weekday(ofDayNumber: $0)] } ?? ""
        let oneDay = report.period.days <= 1
        let date = oneDay ? weekday : "\(weekday) \(e.day.dropFirst(5))"
        switch e.kind {
        case .categoryShare, .queueBelowTarget, .ticketSLABreaches, .backlogJump:
            return oneDay ? "\(weekday) all day" : "whole period"
        case .missingData:
            return oneDay ? "\(weekday) all day" : "\(date) all day"
        default:
            return "\(date) \(e.fromClock)-\(e.toClock)"
        }
    }

    /// What happened against the usual or the target, and (second line) its size.
    static func what(_ e: ReportException, report: Report) -> (figure: String, detail: String?) {
        let t = report.thresholds
        let usual = e.usual.map { ", usual \(DisplayFormat.percent($0))" } ?? ""
        let where_ = e.queue.map { "Queue \(TerminalText.sanitized($0)): service level" } ?? "Service level"
        switch e.kind {
        case .serviceLevel, .queueBelowTarget:
            var detail = "\(DisplayFormat.count(e.callsAffected, "call")) not answered in \(t.serviceLevelSeconds) s"
            if let abandoned = e.abandoned, abandoned > 0 { detail += ", \(DisplayFormat.count(abandoned)) abandoned" }
            if let longest = e.longestWaitSeconds, longest > 0 {
                detail += ", longest wait \(DisplayFormat.duration(longest))"
            }
            return (
                "\(where_) \(DisplayFormat.percent(e.value))\(usual), target \(DisplayFormat.percent(e.target))", detail
            )
        case .abandonment:
            return (
                "Abandonment \(DisplayFormat.percent(e.value))\(usual), limit \(DisplayFormat.percent(e.target))",
                "\(DisplayFormat.count(e.callsAffected)) of \(DisplayFormat.count(e.offered, "call")) abandoned"
            )
        case .volumeHigh, .volumeLow:
            let sign = e.kind == .volumeHigh ? "+" : "-"
            return (
                "\(DisplayFormat.count(e.offered, "call")) offered, usually \(DisplayFormat.count(e.usual)) "
                    + "(\(sign)\(DisplayFormat.count(e.callsAffected)))", nil
            )
        case .categoryShare:
            let name = [e.category, e.subcategory].compactMap { $0 }.map(TerminalText.sanitized).joined(separator: "/")
            return (
                "\(name) \(DisplayFormat.percent(e.value)) of calls, usually \(DisplayFormat.percent(e.usual)) "
                    + "(+\(DisplayFormat.count(e.callsAffected, "call")))", nil
            )
        case .ticketSLABreaches:
            return (
                "Ticket SLA breaches \(DisplayFormat.percent(e.value)), \(DisplayFormat.percent(e.usual)) in the period compared",
                "about \(DisplayFormat.count(e.callsAffected, "ticket")) more breached than at that rate"
            )
        case .backlogJump:
            return (
                "Ticket backlog \(DisplayFormat.count(e.value)), \(DisplayFormat.count(e.usual)) at the end of the period compared",
                nil
            )
        case .missingData:
            return (
                "Only \(DisplayFormat.count(e.offered, "call")) read, usually \(DisplayFormat.count(e.usual))",
                "an export missing or incomplete? The day's figures are not to be trusted."
            )
        }
    }

    /// What "usual" means in a report, for the note over the list.
    static func usualNote(_ report: Report) -> String {
        "usual = same weekday and time, other days"
    }
}
