import HotlineMetrics
import HotlineModel

/// Cells shared by the text and HTML reports outside the figure tables of ``FigureTables``: agent rows, SLA cells
/// and the notes on targets beside the tables.
enum FigureCells {
    /// `vip: 90.0% in 10 s, abandonment at most 2.0%` for each row whose target is not the default.
    static func ownTargets(_ rows: [(String, ServiceTarget)], default base: ServiceTarget, _ s: ReportStrings)
        -> String?
    {
        let own = rows.filter { $0.1 != base }
        guard !own.isEmpty else { return nil }
        return s.notes.ownTargets(
            own.map { name, t in
                "\(name): "
                    + s.notes.target(
                        DisplayFormat.percent(t.serviceLevelTarget), t.thresholdSeconds,
                        t.abandonmentTarget.map(DisplayFormat.percent))
            }.joined(separator: "; "))
    }

    /// Agent rows: answered, AHT, handle time, transfer rate, CSAT, and with sessions logged in, paused,
    /// occupancy and rings not answered.
    static func agent(_ a: AgentRow, sessions: Bool) -> [String] {
        let f = a.figures
        var cells = [
            a.name, DisplayFormat.count(f.answered), DisplayFormat.duration(f.ahtSeconds),
            DisplayFormat.duration(f.ahtSeconds.map { $0 * Double(f.answered) }), DisplayFormat.percent(f.transferRate),
            DisplayFormat.score(f.csatMean),
        ]
        if sessions {
            cells += [
                DisplayFormat.duration(a.loggedInSeconds), DisplayFormat.duration(a.pausedSeconds),
                DisplayFormat.percent(a.occupancy),
                a.loggedInSeconds == nil ? "-" : DisplayFormat.count(a.ringNoAnswer),
            ]
        }
        return cells
    }

    /// An SLA cell: `3/40 7.5%`.
    static func sla(_ cell: SLACell?) -> String {
        guard let cell else { return "" }
        return "\(cell.breached)/\(cell.withTarget) \(DisplayFormat.percent(cell.breachRate))"
    }

    /// An SLA target in words: `complaint urgent: first reply 30m, resolution 4h00` (`any ticket` without scope).
    static func slaTarget(_ target: SLATargetRow, _ s: ReportStrings) -> String {
        s.tickets.slaTarget(
            target.category.flatMap(CallCategory.init(name:)), target.priority.flatMap(TicketPriority.init(name:)),
            target.firstReplyMinutes.map { DisplayFormat.minutes($0, s) },
            target.resolutionMinutes.map { DisplayFormat.minutes($0, s) })
    }
}
