import Foundation
import HotlineModel

/// The IVR figures of a set of calls (docs/METRICS.md, "IVR"): entries and how they left the menus, an exact
/// histogram of the time in the menus, counts per menu node and per path for misroutes. Counts only, so it merges
/// like the call accumulators. Nodes and paths are keyed by `Key`: symbols while reading, their text in the store.
public struct IVRAccumulator<Key: Hashable & Sendable>: Sendable, Equatable {
    public var entries = 0
    public var selfServed = 0
    public var ivrAbandoned = 0
    public var queued = 0
    /// Time in the menus of the calls that carry it (whole seconds, rounded up, as waits).
    public var time = WaitHistogram()
    public var timeSum: Milliseconds = 0
    public var timed = 0
    /// By node, a path prefix (`主菜单>支付`).
    public var nodes: [Key: IVRNodeCounts] = [:]
    /// By whole path.
    public var paths: [Key: IVRPathCounts] = [:]

    public init() {}

    /// Adds an IVR call whose path (`path`, nil without one) visits `nodes` (its prefixes, shortest first).
    public mutating func add(_ call: CallRecord, nodes visited: [Key], path: Key?) {
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
        for node in visited { nodes[node, default: IVRNodeCounts()].entries += 1 }
        if let last = visited.last {
            switch call.outcome {
            case .selfServed: nodes[last, default: IVRNodeCounts()].selfServed += 1
            case .ivrAbandoned: nodes[last, default: IVRNodeCounts()].ivrAbandoned += 1
            default: nodes[last, default: IVRNodeCounts()].queued += 1
            }
        }
        // A misroute needs both the menus' category and the agent's label.
        if !call.outcome.endsInIVR, let path, !call.label.isNone, let ivrCategory = call.ivrCategory {
            paths[path, default: IVRPathCounts()].known += 1
            if ivrCategory != call.category { paths[path, default: IVRPathCounts()].misrouted += 1 }
        }
    }

    /// The same counts with nodes and paths under other keys (symbols to their text).
    public func rekeyed<T>(_ key: (Key) -> T) -> IVRAccumulator<T> {
        var out = IVRAccumulator<T>()
        (out.entries, out.selfServed, out.ivrAbandoned, out.queued) = (entries, selfServed, ivrAbandoned, queued)
        (out.time, out.timeSum, out.timed) = (time, timeSum, timed)
        for (node, n) in nodes { out.nodes[key(node), default: .init()].add(n) }
        for (path, n) in paths { out.paths[key(path), default: .init()].add(n) }
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
        for (node, n) in other.nodes { nodes[node, default: IVRNodeCounts()].add(n) }
        for (path, n) in other.paths { paths[path, default: IVRPathCounts()].add(n) }
    }
}

/// The nodes a path visits: every prefix of `主菜单>支付>支付失败`, interned and remembered per path.
struct IVRNodeIndex {
    private var prefixes: [Symbol: [Symbol]] = [:]

    mutating func nodes(of path: Symbol, symbols: SymbolTable) -> [Symbol] {
        if path.isNone { return [] }
        if let known = prefixes[path] { return known }
        let parts = symbols[path].split(separator: ">", omittingEmptySubsequences: true).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var found: [Symbol] = []
        for i in parts.indices where !parts[i].isEmpty {
            found.append(symbols.intern(parts[...i].joined(separator: ">")))
        }
        prefixes[path] = found
        return found
    }
}

/// Calls visiting a node (a prefix of their path), and those whose path ends there, by how they left.
public struct IVRNodeCounts: Sendable, Equatable {
    public init() {}
    public var entries = 0
    public var selfServed = 0
    public var ivrAbandoned = 0
    public var queued = 0

    mutating func add(_ n: IVRNodeCounts) {
        entries += n.entries
        selfServed += n.selfServed
        ivrAbandoned += n.ivrAbandoned
        queued += n.queued
    }
}

/// Queued calls of a path whose IVR and final categories are both known, and those where they differ.
public struct IVRPathCounts: Sendable, Equatable {
    public init() {}
    public var known = 0
    public var misrouted = 0

    mutating func add(_ n: IVRPathCounts) {
        known += n.known
        misrouted += n.misrouted
    }
}
