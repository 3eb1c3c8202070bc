import Foundation
import HotlineModel

/// A day of the sample hotline's PBX as an Asterisk queue_log with FreePBX's QueueMetrics menu events: `DID` when a
/// call arrives, `INFO|IVRAPPEND|<choice>|<ivr id>|<ivr name>` for each choice in a menu, then the queue events of
/// the calls that went on to a queue (docs/FORMATS.md, "asterisk-queue-log"). Callers who chose in `余额` or `交易记录`
/// and never reached a queue were served by the menus (the sample configuration's `ivr.self_service`); the others
/// hung up there. From its own random stream, so the other samples stay as they are.
enum SampleQueueLog {
    static let name = "queue_log-2026-11-22"
    static let day = CivilDate(year: 2026, month: 11, day: 22)

    /// A route through the menus: its menus (id, name), where it leads (a queue, or nil for the end of the
    /// call), and how often.
    struct Route {
        var menus: [(String, String)]
        var queue: String?
        var weight: Double
    }

    static let routes = [
        Route(menus: [("ivr-1", "主菜单"), ("ivr-2", "支付")], queue: "hotline-cn", weight: 0.30),
        Route(menus: [("ivr-1", "主菜单"), ("ivr-5", "账单")], queue: "hotline-cn", weight: 0.16),
        Route(menus: [("ivr-7", "main"), ("ivr-8", "payment")], queue: "hotline-en", weight: 0.08),
        Route(menus: [("ivr-1", "主菜单"), ("ivr-3", "查询"), ("ivr-4", "余额")], queue: nil, weight: 0.18),
        Route(menus: [("ivr-1", "主菜单"), ("ivr-5", "账单"), ("ivr-6", "交易记录")], queue: nil, weight: 0.10),
        Route(menus: [("ivr-1", "主菜单")], queue: nil, weight: 0.10),
        Route(menus: [("ivr-1", "主菜单"), ("ivr-2", "支付")], queue: nil, weight: 0.08),
    ]

    static func bytes(seed: UInt64) -> [UInt8] {
        var random = SampleRandom(seed: seed ^ 0x7175_6575_655F_6C6F)
        let midnight = Int64(day.dayNumber) * 86_400 - SampleGenerator.offsetSeconds
        var events: [(at: Int64, line: String)] = []
        for n in 0..<120 {
            let route = routes[random.weighted(routes.map(\.weight))]
            let id = "\(midnight + 32_400 + Int64(n) * 270).\(n + 1)"
            var at = midnight + 32_400 + Int64(n) * 270 + Int64(random.int(0..<240))
            func add(_ queue: String, _ agent: String, _ rest: String) {
                events.append((at, "\(at)|\(id)|\(queue)|\(agent)|\(rest)"))
            }
            add("NONE", "NONE", "DID|4008001234")
            for (menu, name) in route.menus {
                // A prompt, then the choice.
                at += Int64(6 + random.int(0..<14))
                add("NONE", "NONE", "INFO|IVRAPPEND|\(1 + random.int(0..<4))|\(menu)|\(name)")
            }
            guard let queue = route.queue else { continue }
            at += Int64(1 + random.int(0..<3))
            add(queue, "NONE", "ENTERQUEUE||1390\(random.int(1_000_000..<10_000_000))|1")
            let wait = Int64(3 + random.int(0..<60))
            at += wait
            if random.chance(0.15) {
                add(queue, "NONE", "ABANDON|1|1|\(wait)")
                continue
            }
            let agent = "Agent/\(1001 + random.int(0..<6))"
            add(queue, agent, "CONNECT|\(wait)|\(id)9|2")
            let talk = Int64(40 + random.int(0..<400))
            at += talk
            add(queue, agent, "\(random.chance(0.6) ? "COMPLETECALLER" : "COMPLETEAGENT")|\(wait)|\(talk)|1")
        }
        let lines = events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        return Array(lines.map(\.element.line).joined(separator: "\n").utf8) + [UInt8(ascii: "\n")]
    }
}
