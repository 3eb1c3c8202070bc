import HotlineModel

extension DaySnapshot {
    /// One local day of several sites, each from its own nightly store, as if one store had read every site's
    /// files: rows side by side (a report merges rows by key), counts added, and the peaks from the sum of the
    /// sites' waiting timelines, since the peak of calls waiting at two sites together is not the sum of their
    /// peaks.
    ///
    /// `exactPeaks` is false when a site's snapshot predates the waiting timeline (format 4): its peaks are then
    /// added slot by slot, an upper bound.
    public static func mergingSites(_ sites: [DaySnapshot], calendar: LocalCalendar, slotsPerDay: Int)
        -> (snapshot: DaySnapshot, exactPeaks: Bool)
    {
        guard var merged = sites.first else { return (DaySnapshot(day: 0), true) }
        guard sites.count > 1 else { return (merged, true) }
        for site in sites.dropFirst() {
            merged.calls += site.calls
            merged.subcategories += site.subcategories
            merged.agents += site.agents
            merged.agentsBySlot = Self.added(merged.agentsBySlot, site.agentsBySlot)
            if let l = site.latestEnqueue { merged.latestEnqueue = max(merged.latestEnqueue ?? l, l) }
            merged.tickets += site.tickets
            merged.ticketsSolvedWithoutTime += site.ticketsSolvedWithoutTime
            merged.ivr.merge(site.ivr)
            merged.journey.merge(site.journey)
        }
        let waiting = sites.filter { !$0.peaks.isEmpty }
        if waiting.allSatisfy({ $0.waiting != nil }) {
            let sum = WaitingTimeline.sum(waiting.compactMap(\.waiting))
            merged.waiting = sum
            merged.peaks = sum.peaks(day: merged.day, calendar: calendar, slotsPerDay: slotsPerDay)
            return (merged, true)
        }
        merged.waiting = nil
        merged.peaks = waiting.map(\.peaks).reduce([], Self.added)
        return (merged, waiting.count <= 1)
    }

    /// Two per-slot lists added element by element; the shorter counts as zeros.
    private static func added(_ a: [Int], _ b: [Int]) -> [Int] {
        (0..<max(a.count, b.count)).map { (($0 < a.count) ? a[$0] : 0) + (($0 < b.count) ? b[$0] : 0) }
    }
}
