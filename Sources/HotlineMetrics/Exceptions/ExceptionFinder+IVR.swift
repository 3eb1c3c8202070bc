import HotlineModel

extension ExceptionFinder {
    /// IVR nodes where far more callers hung up than usual (docs/METRICS.md, "Exceptions"): the period's days
    /// pooled against the other days with IVR data, as for share jumps (a one-day period: the same weekday where
    /// there is one). Nodes with few entries, now or usually, are left out: their rates are noise.
    func ivrDropOffJumps(_ period: ClosedRange<Int32>) -> [ReportException] {
        let ivr = aggregates.profiles.ivr
        let dataDays = ivr.days.filter { usualWindow?.contains($0) ?? false }
        let inPeriod = dataDays.filter { period.contains($0) }
        guard !inPeriod.isEmpty else { return [] }
        var others = dataDays.filter { !period.contains($0) }
        if inPeriod.count == 1, let day = inPeriod.first {
            let same = sameWeekday(as: day, among: others)
            if !same.isEmpty { others = same }
        }
        guard !others.isEmpty else { return [] }
        var nodes = IVRNodes(symbols: symbols)
        func counts(_ days: [Int32]) -> [Symbol: IVRDayCounts.Count] {
            var byNode: [Symbol: IVRDayCounts.Count] = [:]
            for day in days {
                for (path, n) in ivr.paths(on: day) {
                    // A call enters every node of its path and hangs up, if it does, at the last.
                    let visited = nodes.nodes(of: path)
                    for node in visited { byNode[node, default: .init()].entries += n.entries }
                    if let last = visited.last { byNode[last, default: .init()].abandoned += n.abandoned }
                }
            }
            return byNode
        }
        let now = counts(inPeriod)
        let before = counts(others)
        let minimum = settings.ivrMinNodeEntries
        let start = ExceptionFinder.local(period.lowerBound, secondOfDay: 0, calendar: calendar)
        let end = ExceptionFinder.local(period.upperBound, secondOfDay: 86_400, calendar: calendar)
        var found: [ReportException] = []
        for (node, n) in now where !node.isNone && Int(n.entries) >= minimum {
            guard let usualN = before[node], Int(usualN.entries) >= minimum else { continue }
            let dropOff = Double(n.abandoned) / Double(n.entries)
            let usual = Double(usualN.abandoned) / Double(usualN.entries)
            guard dropOff - usual >= settings.ivrDropOffJump, dropOff >= usual * 1.5 else { continue }
            found.append(
                ReportException(
                    kind: .ivrDropOff, from: start.iso, to: end.iso,
                    day: CivilDate(dayNumber: Int(period.lowerBound)).description, fromClock: start.clock,
                    toClock: end.clock, ivrNode: symbols[node], figure: "drop_off", value: dropOff, usual: usual,
                    usualDays: others.count,
                    callsAffected: Int((Double(n.abandoned) - usual * Double(n.entries)).rounded()),
                    offered: Int(n.entries), abandoned: Int(n.abandoned)))
        }
        return found
    }
}
