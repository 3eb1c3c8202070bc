import Foundation

/// Agents needed for a service-level target, by Erlang C (METRICS.md, "Staffing").
public enum ErlangC {
    public struct Staffing: Sendable, Equatable {
        /// The fewest agents, more than the traffic, that meet the target; 0 for no calls.
        public var agents: Int
        /// Traffic in erlangs: arrival rate x AHT.
        public var erlangs: Double
        /// Service level those agents give (nil for no calls).
        public var serviceLevel: Double?
        /// Mean speed of answer those agents give, seconds.
        public var asaSeconds: Double?
        /// Traffic / agents.
        public var occupancy: Double?
    }

    /// For `calls` arriving over `intervalSeconds` with handle time `ahtSeconds`, the agents that answer the
    /// `target` fraction within `thresholdSeconds`.
    ///
    /// Erlang B by the stable recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)); Erlang C from it,
    /// P(N, A) = B / (1 - (A/N)(1 - B)); service level 1 - P exp(-(N - A) T / h). The search stops at 100,000 agents.
    public static func staffing(
        calls: Double, intervalSeconds: Double, ahtSeconds: Double, thresholdSeconds: Double, target: Double
    ) -> Staffing {
        guard calls > 0, intervalSeconds > 0, ahtSeconds > 0 else {
            return Staffing(agents: 0, erlangs: 0, serviceLevel: nil, asaSeconds: nil, occupancy: nil)
        }
        let traffic = calls / intervalSeconds * ahtSeconds
        var agents = Int(traffic.rounded(.down)) + 1
        // B(N) for the first candidate, then one recursion step per further agent.
        var erlangB = 1.0
        for k in 1...agents { erlangB = traffic * erlangB / (Double(k) + traffic * erlangB) }
        while true {
            let n = Double(agents)
            let waiting = erlangB / (1 - (traffic / n) * (1 - erlangB))
            let level = 1 - waiting * exp(-(n - traffic) * thresholdSeconds / ahtSeconds)
            if level >= target || agents >= 100_000 {
                return Staffing(
                    agents: agents, erlangs: traffic, serviceLevel: level,
                    asaSeconds: waiting * ahtSeconds / (n - traffic),
                    occupancy: traffic / n)
            }
            agents += 1
            erlangB = traffic * erlangB / (Double(agents) + traffic * erlangB)
        }
    }
}
