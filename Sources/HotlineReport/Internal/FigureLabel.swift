import HotlineMetrics

/// The headline figures the catalogue names, by the metrics' key (``HeadlineFigure/key``): the one place a key is
/// read as a string. Which way a figure is better is the figure's own ``HeadlineFigure/direction``, never looked up.
enum HeadlineName: String, CaseIterable {
    case offered, answered
    case serviceLevel = "service_level"
    case abandonment = "abandonment_rate"
    case asa = "asa_s"
    case waitP90 = "wait_p90_s"
    case aht = "aht_s"
    case csat = "csat_mean"
    case csatSatisfied = "csat_satisfied"
    case repeatCalls = "repeat_call_rate"
    case transferRate = "transfer_rate"
    case ticketsCreated = "tickets_created"
    case ticketsSolved = "tickets_solved"
    case resolutionMedian = "resolution_p50_min"
    case resolutionP90 = "resolution_p90_min"
    case firstReplyMedian = "first_reply_p50_min"
    case slaBreaches = "sla_breach_rate"
    case backlog
    case reopened = "reopen_rate"
    case ticketSatisfaction = "satisfaction"
}

extension ReportStrings {
    /// A headline figure's label in this language; a key the catalogue does not know (a figure added to the metrics
    /// stage since: a test checks every key the metrics build) keeps the metrics' English label.
    func label(of f: HeadlineFigure, _ t: MetricSettings, clock: String = "") -> String {
        guard let name = HeadlineName(rawValue: f.key) else { return f.label }
        return switch name {
        case .offered: figures.offered
        case .answered: figures.answered
        case .serviceLevel: figures.serviceLevel(t.serviceLevelSeconds)
        case .abandonment: figures.abandonment(t.shortAbandonSeconds)
        case .asa: figures.asa
        case .waitP90: figures.waitP90
        case .aht: figures.aht
        case .csat: figures.csat
        case .csatSatisfied: figures.csatSatisfied(t.satisfiedScore)
        case .repeatCalls: figures.repeatCalls(t.repeatWindowHours)
        case .transferRate: figures.transferRate
        case .ticketsCreated: figures.ticketsCreated
        case .ticketsSolved: figures.ticketsSolved
        case .resolutionMedian: figures.resolutionMedian(clock)
        case .resolutionP90: figures.resolutionP90
        case .firstReplyMedian: figures.firstReplyMedian
        case .slaBreaches: figures.slaBreaches
        case .backlog: figures.backlog
        case .reopened: figures.reopened
        case .ticketSatisfaction: figures.ticketSatisfaction
        }
    }
}
