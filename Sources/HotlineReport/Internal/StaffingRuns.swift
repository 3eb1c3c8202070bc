import HotlineMetrics

/// The slots of a mean day that were short of agents, as runs: what the staffing-by-weekday lines say.
struct StaffingRun {
    var from: String
    var to: String
    /// The most agents fewer than required in the run; 0 when the head count looked enough.
    var largestGap: Int
    /// The lowest service level a slot of the run had.
    var lowestServiceLevel: Double?

    /// Consecutive short slots of `rows` (``StaffingRow/isShort(target:)``).
    static func runs(_ rows: [StaffingRow], target: Double, intervalMinutes: Int) -> [StaffingRun] {
        var found: [StaffingRun] = []
        var current: StaffingRun?
        for (i, row) in rows.enumerated() {
            if row.isShort(target: target) {
                let gap = max(
                    0,
                    Int((Double(row.requiredAgents) - (row.observedAgents ?? Double(row.requiredAgents))).rounded(.up)))
                let end = clock((i + 1) * intervalMinutes)
                if var run = current {
                    run.to = end
                    run.largestGap = max(run.largestGap, gap)
                    run.lowestServiceLevel = [run.lowestServiceLevel, row.observedServiceLevel].compactMap { $0 }.min()
                    current = run
                } else {
                    current = StaffingRun(
                        from: row.start, to: end, largestGap: gap, lowestServiceLevel: row.observedServiceLevel)
                }
            } else if let run = current {
                found.append(run)
                current = nil
            }
        }
        if let current { found.append(current) }
        return found
    }

    /// What a run says: `07:30-22:00 up to 6 agents short, service level down to 58.2%`.
    func text(_ s: ReportStrings) -> String {
        s.notes.staffingRun(from, to, largestGap, lowestServiceLevel.map { DisplayFormat.percent($0) })
    }

    private static func clock(_ minutes: Int) -> String {
        let h = minutes / 60
        let m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
