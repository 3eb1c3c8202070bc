import HotlineMetrics

extension ReportStrings {
    /// A headline figure's label in this language, by the metrics' key; a key the catalogue does not know (a figure
    /// added to the metrics stage since) keeps the metrics' English label.
    func label(of f: HeadlineFigure, _ t: MetricSettings, clock: String = "") -> String {
        switch f.key {
        case "offered": figures.offered
        case "answered": figures.answered
        case "service_level": figures.serviceLevel(t.serviceLevelSeconds)
        case "abandonment_rate": figures.abandonment(t.shortAbandonSeconds)
        case "asa_s": figures.asa
        case "wait_p90_s": figures.waitP90
        case "aht_s": figures.aht
        case "csat_mean": figures.csat
        case "csat_satisfied": figures.csatSatisfied(t.satisfiedScore)
        case "repeat_call_rate": figures.repeatCalls(t.repeatWindowHours)
        case "transfer_rate": figures.transferRate
        case "tickets_created": figures.ticketsCreated
        case "tickets_solved": figures.ticketsSolved
        case "resolution_p50_min": figures.resolutionMedian(clock)
        case "resolution_p90_min": figures.resolutionP90
        case "first_reply_p50_min": figures.firstReplyMedian
        case "sla_breach_rate": figures.slaBreaches
        case "backlog": figures.backlog
        case "reopen_rate": figures.reopened
        case "satisfaction": figures.ticketSatisfaction
        default: f.label
        }
    }
}
