import HotlineMetrics
import HotlineModel

/// The figures every table row shows, formatted, in column order: shared by the text and HTML reports so the two
/// always show the same columns.
enum FigureCells {
    /// Queue-load rows: offered, answered, abandoned, short, SL, abandonment, ASA, wait p90, AHT, CSAT.
    static func load(_ f: CallFigures) -> [String] {
        [
            DisplayFormat.count(f.offered), DisplayFormat.count(f.answered), DisplayFormat.count(f.abandoned),
            DisplayFormat.count(f.shortAbandoned), DisplayFormat.percent(f.serviceLevel),
            DisplayFormat.percent(f.abandonmentRate), DisplayFormat.duration(f.asaSeconds),
            DisplayFormat.duration(f.waitP90Seconds), DisplayFormat.duration(f.ahtSeconds),
            DisplayFormat.score(f.csatMean),
        ]
    }

    /// Text cells with a `!` after a service level below its target and an abandonment rate above its target
    /// (the abandonment cell follows the service level's in every table); the HTML colours the cells instead.
    static func marked(
        _ cells: [String], _ f: CallFigures, _ target: ServiceTarget, serviceLevelAt i: Int, marked: inout Bool
    ) -> [String] {
        var cells = cells
        if target.misses(serviceLevel: f.serviceLevel) {
            cells[i] += "!"
            marked = true
        }
        if i + 1 < cells.count, target.misses(abandonmentRate: f.abandonmentRate) {
            cells[i + 1] += "!"
            marked = true
        }
        return cells
    }

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

    /// Group rows (categories, queues): offered, share, SL, abandonment, ASA, AHT, CSAT, satisfied, repeat.
    static func group(_ f: CallFigures, share: Double?) -> [String] {
        [
            DisplayFormat.count(f.offered), DisplayFormat.percent(share), DisplayFormat.percent(f.serviceLevel),
            DisplayFormat.percent(f.abandonmentRate), DisplayFormat.duration(f.asaSeconds),
            DisplayFormat.duration(f.ahtSeconds), DisplayFormat.score(f.csatMean),
            DisplayFormat.percent(f.csatSatisfied),
            DisplayFormat.percent(f.repeatCallRate),
        ]
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

    /// Ticket group rows: created, solved, backlog, first reply p50, resolution p50 and p90, SLA breaches,
    /// reopened, satisfaction.
    static func ticket(_ f: TicketFigures, _ s: ReportStrings) -> [String] {
        [
            DisplayFormat.count(f.created), DisplayFormat.count(f.solved), f.backlog.map(DisplayFormat.count) ?? "-",
            DisplayFormat.minutes(f.firstReplyP50Minutes, s), DisplayFormat.minutes(f.resolutionP50Minutes, s),
            DisplayFormat.minutes(f.resolutionP90Minutes, s), DisplayFormat.percent(f.slaBreachRate),
            DisplayFormat.percent(f.reopenRate), DisplayFormat.percent(f.satisfaction),
        ]
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
