import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// The same calls with menus written as calls-csv, as a queue_log (DID and IVRAPPEND) and as FreeSWITCH XML CDRs
/// give the same IVR figures and the same queue figures.
extension RoundTripTests {
    struct IVRSpec {
        /// When the caller entered the menus, seconds after the day's start.
        var entered: Int64
        var nodes: [String]
        var ivr: Int64
        var outcome: CallOutcome
        var queue = ""
        var wait: Int64 = 0
        var talk: Int64 = 0
    }

    /// Queued calls, a self-served call, calls that hung up in the menus (one at an inner node), a call with no menus.
    static let ivrSpecs: [IVRSpec] = [
        IVRSpec(
            entered: 100, nodes: ["主菜单", "账单"], ivr: 20, outcome: .answered, queue: "billing", wait: 10, talk: 100),
        IVRSpec(entered: 400, nodes: ["主菜单", "账单", "余额查询"], ivr: 45, outcome: .selfServed),
        IVRSpec(entered: 700, nodes: ["主菜单"], ivr: 12, outcome: .ivrAbandoned),
        IVRSpec(entered: 900, nodes: ["主菜单", "支付"], ivr: 31, outcome: .abandoned, queue: "payments", wait: 40),
        IVRSpec(entered: 1300, nodes: ["主菜单", "账单"], ivr: 25, outcome: .ivrAbandoned),
        IVRSpec(entered: 1600, nodes: ["主菜单", "支付"], ivr: 8, outcome: .answered, queue: "payments", wait: 5, talk: 60),
        IVRSpec(entered: 2000, nodes: [], ivr: 0, outcome: .answered, queue: "billing", wait: 3, talk: 30),
        IVRSpec(entered: 2400, nodes: ["主菜单", "账单", "余额查询"], ivr: 61, outcome: .selfServed),
    ]
    static let ivrDay: Int64 = 1_794_758_400 + 36_000

    static var ivrSettings: IVRSettings {
        var settings = IVRSettings()
        settings.selfService = ["余额查询"]
        return settings
    }

    static var ivrCSV: String {
        var lines = [
            "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat,ivr_s"
        ]
        for (i, s) in ivrSpecs.enumerated() {
            let t0 = ivrDay + s.entered
            let path = s.nodes.joined(separator: ">")
            let ivr = s.nodes.isEmpty ? "" : "\(s.ivr)"
            let caller = "1380000\(1000 + i)"
            if s.outcome.endsInIVR {
                lines.append(
                    "V\(i),,,inbound,\(caller),,\(iso(t0)),,\(iso(t0 + s.ivr)),,,,,\(s.outcome.name),\(path),,\(ivr)")
                continue
            }
            let enqueued = t0 + s.ivr
            let answered = s.outcome == .answered
            let end = enqueued + s.wait + (answered ? s.talk : 0)
            lines.append(
                [
                    "V\(i)", s.queue, "", "inbound", caller, answered ? "Agent/1" : "", iso(enqueued),
                    answered ? iso(enqueued + s.wait) : "", iso(end), "\(s.wait)", answered ? "\(s.talk)" : "", "0",
                    "0",
                    s.outcome.name, path, "", ivr,
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// DID on arrival, one IVRAPPEND per menu (the last one when the call leaves the menus), then the queue events.
    static var ivrQueueLog: String {
        var events: [(Int64, String)] = []
        for (i, s) in ivrSpecs.enumerated() {
            let id = "1794790000.\(i)"
            let t0 = ivrDay + s.entered
            func add(_ t: Int64, _ queue: String, _ agent: String, _ rest: String) {
                events.append((t, "\(t)|\(id)|\(queue)|\(agent)|\(rest)"))
            }
            if !s.nodes.isEmpty {
                add(t0, "NONE", "NONE", "DID|4008001234")
                for (k, node) in s.nodes.enumerated() {
                    // Spread over the time in the menus; an IVR-only call's last choice is its end.
                    let at = t0 + s.ivr * Int64(k + 1) / Int64(s.nodes.count + (s.outcome.endsInIVR ? 0 : 1))
                    add(at, "NONE", "NONE", "INFO|IVRAPPEND|\(k + 1)|ivr-\(k + 1)|\(node)")
                }
            }
            guard !s.outcome.endsInIVR else { continue }
            let enqueued = t0 + s.ivr
            add(enqueued, s.queue, "NONE", "ENTERQUEUE||1380000\(1000 + i)|1")
            if s.outcome == .answered {
                add(enqueued + s.wait, s.queue, "Agent/1", "CONNECT|\(s.wait)|b\(i)|1")
                add(enqueued + s.wait + s.talk, s.queue, "Agent/1", "COMPLETECALLER|\(s.wait)|\(s.talk)|1")
            } else {
                add(enqueued + s.wait, s.queue, "NONE", "ABANDON|1|1|\(s.wait)")
            }
        }
        return events.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
            .joined(separator: "\n") + "\n"
    }

    /// One CDR per call: `ivr_path` and the start when the caller entered the menus; mod_callcenter for the queue.
    static var ivrFreeSwitch: String {
        ivrSpecs.enumerated().map { i, s in
            let t0 = ivrDay + s.entered
            let enqueued = t0 + s.ivr
            let answered = s.outcome == .answered
            let end = s.outcome.endsInIVR ? t0 + s.ivr : enqueued + s.wait + (answered ? s.talk : 0)
            var v: [(String, String)] = [
                ("direction", "inbound"), ("uuid", "u\(i)"), ("caller_id_number", "1380000\(1000 + i)"),
                ("start_epoch", "\(t0)"), ("answer_epoch", "\(t0)"), ("end_epoch", "\(end)"),
            ]
            if !s.nodes.isEmpty { v.append(("ivr_path", s.nodes.joined(separator: "%3E"))) }
            if s.outcome == .selfServed { v.append(("ivr_menu_status", "success")) }
            if !s.outcome.endsInIVR {
                v += [("cc_queue", "\(s.queue)%40default"), ("cc_queue_joined_epoch", "\(enqueued)")]
                if answered {
                    v += [
                        ("cc_queue_answered_epoch", "\(enqueued + s.wait)"), ("cc_agent", "Agent%2F1"),
                        ("cc_queue_terminated_epoch", "\(end)"),
                    ]
                } else {
                    v.append(("cc_queue_canceled_epoch", "\(enqueued + s.wait)"))
                }
            }
            let body = v.map { "<\($0.0)>\($0.1)</\($0.0)>" }.joined()
            return "<?xml version=\"1.0\"?>\n<cdr core-uuid=\"c\(i)\"><variables>\(body)</variables></cdr>\n"
        }.joined()
    }

    static func json(_ section: IVRSection?) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(section), as: UTF8.self)
    }

    @Test(arguments: ["queue_log", "freeswitch"])
    func callsWithMenusGiveTheSameIVRFiguresFromCallsCSVAndThePBXFormats(format: String) throws {
        let native = try report(Self.ivrCSV, name: "calls.csv", ivr: Self.ivrSettings)
        let pbx = try report(
            format == "queue_log" ? Self.ivrQueueLog : Self.ivrFreeSwitch, name: format, ivr: Self.ivrSettings)
        let ivr = try #require(native.ivr)
        #expect(ivr.entries == 7 && ivr.selfServed == 2 && ivr.ivrAbandoned == 2 && ivr.queued == 3)
        let nodes = ivr.nodes.map { "\($0.node) \($0.entries) \($0.selfServed) \($0.ivrAbandoned) \($0.queued)" }
        #expect(nodes.contains("主菜单 7 0 1 0"))
        #expect(nodes.contains { $0.hasSuffix("账单 4 0 1 1") })
        #expect(try Self.json(pbx.ivr) == Self.json(native.ivr))
        #expect(native.totals == pbx.totals)
        #expect(native.totals.offered == 4)
        #expect(native.queues.map(\.figures) == pbx.queues.map(\.figures))
    }
}
