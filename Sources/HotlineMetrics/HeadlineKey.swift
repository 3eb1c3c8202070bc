/// Which headline figure a ``HeadlineFigure`` is: typed, so a renderer's label or a builder's rule cannot miss a
/// figure by a misspelt string. The raw value is the figure's key in the JSON report.
public enum HeadlineKey: String, CaseIterable, Sendable {
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
