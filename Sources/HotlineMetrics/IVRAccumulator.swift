import HotlineModel

/// The IVR figures of a set of calls (docs/METRICS.md, "IVR"): entries and how they left the menus, an exact
/// histogram of the time in the menus, and counts per whole path. Node figures are derived from the paths when the
/// section is built (a node's entries are those of the paths under it), so a call costs one count on its path.
/// Counts only: it merges like the call accumulators. Paths are keyed by `Key`: symbols while reading, their text
/// in the store.
public struct IVRAccumulator<Key: Hashable & Sendable>: Sendable, Equatable {
    public var entries = 0
    public var selfServed = 0
    public var ivrAbandoned = 0
    public var queued = 0
    /// Time in the menus of the calls that carry it (whole seconds, rounded up, as waits).
    public var time = WaitHistogram()
    public var timeSum: Milliseconds = 0
    public var timed = 0
    /// By whole path.
    public var paths: [Key: IVRPathCounts] = [:]

    public init() {}

    /// Adds an IVR call to the totals (its path's counts are kept by the caller: see ``IVRPathCounts/add(_:)``).
    public mutating func addTotals(_ call: CallRecord) {
        entries += 1
        switch call.outcome {
        case .selfServed: selfServed += 1
        case .ivrAbandoned: ivrAbandoned += 1
        default: queued += 1
        }
        if let t = call.ivrTime {
            time.add(t)
            timeSum += t
            timed += 1
        }
    }

    /// Adds an IVR call whose path is `path` (nil without one).
    public mutating func add(_ call: CallRecord, path: Key?) {
        addTotals(call)
        if let path { paths[path, default: IVRPathCounts()].add(call) }
    }

    /// The same counts with paths under other keys (symbols to their text).
    public func rekeyed<T>(_ key: (Key) -> T) -> IVRAccumulator<T> {
        var out = IVRAccumulator<T>()
        (out.entries, out.selfServed, out.ivrAbandoned, out.queued) = (entries, selfServed, ivrAbandoned, queued)
        (out.time, out.timeSum, out.timed) = (time, timeSum, timed)
        for (path, n) in paths { out.paths[key(path), default: .init()].merge(n) }
        return out
    }

    public mutating func merge(_ other: IVRAccumulator) {
        entries += other.entries
        selfServed += other.selfServed
        ivrAbandoned += other.ivrAbandoned
        queued += other.queued
        time.merge(other.time)
        timeSum += other.timeSum
        timed += other.timed
        for (path, n) in other.paths { paths[path, default: IVRPathCounts()].merge(n) }
    }
}

/// The calls of one IVR path by how they left it, and its queued calls whose IVR and final categories are both
/// known, and those where they differ (misroutes).
public struct IVRPathCounts: Sendable, Equatable {
    public var entries = 0
    public var selfServed = 0
    public var ivrAbandoned = 0
    public var queued = 0
    public var known = 0
    public var misrouted = 0

    public init() {}

    public mutating func add(_ call: CallRecord) {
        entries += 1
        switch call.outcome {
        case .selfServed: selfServed += 1
        case .ivrAbandoned: ivrAbandoned += 1
        default: queued += 1
        }
        // A misroute needs both the menus' category and the agent's label.
        if !call.outcome.endsInIVR, !call.label.isNone, let ivrCategory = call.ivrCategory {
            known += 1
            if ivrCategory != call.category { misrouted += 1 }
        }
    }

    mutating func merge(_ n: IVRPathCounts) {
        entries += n.entries
        selfServed += n.selfServed
        ivrAbandoned += n.ivrAbandoned
        queued += n.queued
        known += n.known
        misrouted += n.misrouted
    }
}
