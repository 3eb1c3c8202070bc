import HotlineMetrics

extension ReportStrings {
    /// A headline figure's label in this language: every key has one (the switch is over ``HeadlineKey``).
    func label(of f: HeadlineFigure, _ t: MetricSettings, clock: String = "") -> String {
        switch f.key {
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
