import Foundation
import HotlineModel

/// The IVR section of a report (docs/METRICS.md, "IVR"; JSON `ivr`): how callers went through the menus in front
/// of the queues. Built only when the inputs hold IVR calls; the JSON then writes `null`.
public struct IVRSection: Sendable, Encodable {
    public struct Node: Sendable, Encodable {
        /// The node as its path from the root, `主菜单>支付`.
        public var node: String
        public var entries: Int
        /// Calls whose path ends here, by how they left.
        public var selfServed: Int
        public var ivrAbandoned: Int
        public var queued: Int
        /// ivr_abandoned ending here / entries of the node.
        public var dropOff: Double?

        enum CodingKeys: String, CodingKey {
            case node, entries, selfServed = "self_served", ivrAbandoned = "ivr_abandoned", queued
            case dropOff = "drop_off"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(node, forKey: .node)
            try c.encode(entries, forKey: .entries)
            try c.encode(selfServed, forKey: .selfServed)
            try c.encode(ivrAbandoned, forKey: .ivrAbandoned)
            try c.encode(queued, forKey: .queued)
            try c.encode(dropOff, forKey: .dropOff)
        }
    }

    public struct Misroute: Sendable, Encodable {
        public var path: String
        /// Queued calls of the path whose IVR and final categories are both known.
        public var queuedKnown: Int
        public var misrouted: Int
        public var rate: Double?

        enum CodingKeys: String, CodingKey { case path, queuedKnown = "queued_known", misrouted, rate }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(queuedKnown, forKey: .queuedKnown)
            try c.encode(misrouted, forKey: .misrouted)
            try c.encode(rate, forKey: .rate)
        }
    }

    public var entries: Int
    public var selfServed: Int
    public var ivrAbandoned: Int
    public var queued: Int
    public var selfServiceRate: Double?
    public var abandonmentRate: Double?
    public var queuedShare: Double?
    public var timeInIVRMeanSeconds: Double?
    public var timeInIVRP90Seconds: Int?
    /// In tree order: a node, then the nodes under it.
    public var nodes: [Node]
    /// Worst first: most misrouted calls, then the highest rate, then the path.
    public var misroutes: [Misroute]

    enum CodingKeys: String, CodingKey {
        case entries, selfServed = "self_served", ivrAbandoned = "ivr_abandoned", queued
        case selfServiceRate = "self_service_rate", abandonmentRate = "abandonment_rate"
        case queuedShare = "queued_share", timeInIVRMeanSeconds = "time_in_ivr_mean_s"
        case timeInIVRP90Seconds = "time_in_ivr_p90_s", nodes, misroutes
    }

    /// Written out so absent figures are `null`: the JSON keeps one shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entries, forKey: .entries)
        try c.encode(selfServed, forKey: .selfServed)
        try c.encode(ivrAbandoned, forKey: .ivrAbandoned)
        try c.encode(queued, forKey: .queued)
        try c.encode(selfServiceRate, forKey: .selfServiceRate)
        try c.encode(abandonmentRate, forKey: .abandonmentRate)
        try c.encode(queuedShare, forKey: .queuedShare)
        try c.encode(timeInIVRMeanSeconds, forKey: .timeInIVRMeanSeconds)
        try c.encode(timeInIVRP90Seconds, forKey: .timeInIVRP90Seconds)
        try c.encode(nodes, forKey: .nodes)
        try c.encode(misroutes, forKey: .misroutes)
    }

    /// Nil when no IVR call was read.
    public init?(_ a: IVRAccumulator<String>) {
        guard a.entries > 0 else { return nil }
        func rate(_ n: Int, _ d: Int) -> Double? { d > 0 ? Double(n) / Double(d) : nil }
        entries = a.entries
        selfServed = a.selfServed
        ivrAbandoned = a.ivrAbandoned
        queued = a.queued
        selfServiceRate = rate(a.selfServed, a.entries)
        abandonmentRate = rate(a.ivrAbandoned, a.entries)
        queuedShare = rate(a.queued, a.entries)
        timeInIVRMeanSeconds = a.timed > 0 ? Double(a.timeSum) / 1000 / Double(a.timed) : nil
        timeInIVRP90Seconds = a.time.percentile(90)
        // A call visits every prefix of its path and leaves at its last node.
        var byNode: [String: IVRPathCounts] = [:]
        for (path, p) in a.paths {
            let parts = path.split(separator: ">").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            for i in parts.indices {
                let node = parts[...i].joined(separator: ">")
                if i == parts.count - 1 {
                    byNode[node, default: IVRPathCounts()].merge(p)
                } else {
                    byNode[node, default: IVRPathCounts()].entries += p.entries
                }
            }
        }
        nodes = byNode.map { node, n in
            Node(
                node: node, entries: n.entries, selfServed: n.selfServed, ivrAbandoned: n.ivrAbandoned,
                queued: n.queued, dropOff: rate(n.ivrAbandoned, n.entries))
        }.sorted { Self.treeOrder($0.node, $1.node) }
        misroutes = a.paths.filter { $0.value.known > 0 }.map { path, p in
            Misroute(path: path, queuedKnown: p.known, misrouted: p.misrouted, rate: rate(p.misrouted, p.known))
        }.sorted {
            ($0.misrouted, $0.rate ?? 0) != ($1.misrouted, $1.rate ?? 0)
                ? ($0.misrouted, $0.rate ?? 0) > ($1.misrouted, $1.rate ?? 0) : $0.path < $1.path
        }
    }

    /// Parents before children, siblings by name: paths compared node by node.
    static func treeOrder(_ a: String, _ b: String) -> Bool {
        a.split(separator: ">").lexicographicallyPrecedes(b.split(separator: ">"))
    }
}
