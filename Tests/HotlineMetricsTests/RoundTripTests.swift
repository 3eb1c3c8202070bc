import Foundation
import HotlineIngest
import HotlineModel
import Logging
import Testing

@testable import HotlineMetrics

/// The same calls written as the native CSV and as an Asterisk queue_log give the same queue figures (and, with
/// menus, the same IVR figures: `RoundTripTests+IVR`).
@Suite struct RoundTripTests {
    struct Spec {
        var enqueued: Int64
        var wait: Int64
        var talk: Int64
        var outcome: CallOutcome
        var queue: String
        var caller: String
    }

    /// 300 calls over a day, outcomes and times from a fixed linear congruential sequence.
    static let specs: [Spec] = {
        var state: UInt64 = 2026
        func next(_ n: UInt64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % n)
        }
        let outcomes: [CallOutcome] = [.answered, .answered, .answered, .transferred, .abandoned, .timeout]
        return (0..<300).map { i in
            Spec(
                enqueued: 1_794_758_400 + Int64(i) * 280 + next(200), wait: next(90), talk: 30 + next(600),
                outcome: outcomes[Int(next(6))], queue: ["hotline-cn", "vip", "merchant"][Int(next(3))],
                caller: "1380000\(String(format: "%04d", next(120)))")
        }
    }()

    static func iso(_ seconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }

    static var nativeCSV: String {
        var lines = [
            "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat"
        ]
        for (i, s) in specs.enumerated() {
            let answered = s.outcome == .answered || s.outcome == .transferred
            let end = s.enqueued + s.wait + (answered ? s.talk : 0)
            lines.append(
                [
                    "C\(i)", s.queue, "", "inbound", s.caller, answered ? "Agent/1" : "", iso(s.enqueued),
                    answered ? iso(s.enqueued + s.wait) : "", iso(end), "\(s.wait)", answered ? "\(s.talk)" : "", "0",
                    "0",
                    s.outcome.name, "", "",
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static var queueLog: String {
        var events: [(Int64, String)] = []
        for (i, s) in specs.enumerated() {
            let id = "170000000\(i).\(i)"
            func add(_ t: Int64, _ agent: String, _ rest: String) {
                events.append((t, "\(t)|\(id)|\(s.queue)|\(agent)|\(rest)"))
            }
            add(s.enqueued, "NONE", "ENTERQUEUE||\(s.caller)|1")
            switch s.outcome {
            case .answered:
                add(s.enqueued + s.wait, "Agent/1", "CONNECT|\(s.wait)|b\(i)|1")
                add(s.enqueued + s.wait + s.talk, "Agent/1", "COMPLETECALLER|\(s.wait)|\(s.talk)|1")
            case .transferred:
                add(s.enqueued + s.wait, "Agent/1", "CONNECT|\(s.wait)|b\(i)|1")
                add(s.enqueued + s.wait + s.talk, "Agent/1", "TRANSFER|2000|default|\(s.wait)|\(s.talk)|1")
            case .abandoned:
                add(s.enqueued + s.wait, "NONE", "ABANDON|1|1|\(s.wait)")
            default:
                add(s.enqueued + s.wait, "NONE", "EXITWITHTIMEOUT|1|1|\(s.wait)")
            }
        }
        return events.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
            .joined(separator: "\n") + "\n"
    }

    /// One FreeSWITCH mod_callcenter CDR per call, concatenated in one file.
    static var freeswitch: String {
        specs.enumerated().map { i, s in
            let answered = s.outcome == .answered || s.outcome == .transferred
            var v: [(String, String)] = [
                ("direction", "inbound"), ("caller_id_number", s.caller), ("start_epoch", "\(s.enqueued - 5)"),
                ("end_epoch", "\(s.enqueued + s.wait + (answered ? s.talk : 0))"), ("cc_queue", "\(s.queue)%40default"),
                ("cc_queue_joined_epoch", "\(s.enqueued)"),
            ]
            if answered {
                v += [
                    ("cc_queue_answered_epoch", "\(s.enqueued + s.wait)"), ("cc_agent", "Agent%2F1"),
                    ("cc_queue_terminated_epoch", "\(s.enqueued + s.wait + s.talk)"),
                ]
                if s.outcome == .transferred {
                    v += [("transfer_history", "1794794400%3Ab1%3Abl_xfer%3A2000%2Fdefault%2FXML")]
                }
            } else {
                v += [("cc_queue_canceled_epoch", "\(s.enqueued + s.wait)")]
                if s.outcome == .timeout { v += [("cc_cancel_reason", "TIMEOUT")] }
            }
            let body = v.map { "<\($0.0)>\($0.1)</\($0.0)>" }.joined()
            return "<?xml version=\"1.0\"?>\n<cdr core-uuid=\"c\(i)\"><variables>\(body)</variables></cdr>\n"
        }.joined()
    }

    func report(_ text: String, name: String, ivr: IVRSettings = IVRSettings()) throws -> Report {
        let path = NSTemporaryDirectory() + "hotline-roundtrip-\(UUID().uuidString)-\(name)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let symbols = SymbolTable()
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        let calendar = LocalCalendar(zone: zone, intervalMinutes: 30)
        let context = ReadContext(symbols: symbols, calendar: calendar)
        context.mappings.ivr = ivr
        let ingest = InputIngest(
            context: context,
            classifier: Classifier(rules: .default, symbols: symbols),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        var query = CallQuery()
        query.dimensions = [.queue, .hour]
        let aggregator = CallAggregator(settings: MetricSettings(), query: query, calendar: calendar, symbols: symbols)
        let sink = CollectingSink()
        let summaries = ingest.read([path], into: sink)
        for call in sink.calls { aggregator.add(call) }
        #expect(summaries.allSatisfy { $0.rejected == 0 && $0.error == nil })
        return ReportBuilder(
            aggregates: aggregator.finish(), calendar: calendar, symbols: symbols, inputs: [], firstRejects: [],
            unmatched: []
        ).build()
    }

    @Test(arguments: ["queue_log", "freeswitch"])
    func nativeCSVAndPBXFormatsGiveIdenticalQueueFigures(format: String) throws {
        let native = try report(Self.nativeCSV, name: "calls.csv")
        let asterisk = try report(format == "queue_log" ? Self.queueLog : Self.freeswitch, name: format)
        #expect(native.totals.offered == 300)
        #expect(native.totals == asterisk.totals)
        #expect(native.queues.map(\.name) == asterisk.queues.map(\.name))
        #expect(native.queues.map(\.figures) == asterisk.queues.map(\.figures))
        #expect(native.intervals.map(\.figures) == asterisk.intervals.map(\.figures))
        #expect(native.intervals.map(\.peakWaiting) == asterisk.intervals.map(\.peakWaiting))
        #expect(native.table.rows.map(\.keys) == asterisk.table.rows.map(\.keys))
        #expect(native.table.rows.map(\.figures) == asterisk.table.rows.map(\.figures))
    }

    /// A transfer leg of the same call id, a second line during the call, and a call back at `back` seconds after
    /// the first leg's enqueue, as calls-csv and as a queue_log: the same repeat calls either way.
    static func transferScenario(back: Int64) -> (csv: String, queueLog: String) {
        let t0: Int64 = 1_794_794_400  // 2026-11-16 10:00:00 +08:00
        let caller = "13800000001"
        let csv =
            [
                "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat",
                "1.1,general,,inbound,\(caller),A1,\(iso(t0)),\(iso(t0 + 10)),\(iso(t0 + 120)),10,110,0,0,transferred,,",
                "1.2,general,,inbound,\(caller),,\(iso(t0 + 60)),,\(iso(t0 + 80)),20,,0,0,abandoned,,",
                "1.1,vip,,inbound,\(caller),A2,\(iso(t0 + 121)),\(iso(t0 + 131)),\(iso(t0 + 300)),10,169,0,0,answered,,",
                "1.3,general,,inbound,\(caller),,\(iso(t0 + back)),,\(iso(t0 + back + 30)),30,,0,0,abandoned,,",
            ].joined(separator: "\n") + "\n"
        let log =
            [
                "\(t0)|1.1|general|NONE|ENTERQUEUE||\(caller)|1",
                "\(t0 + 10)|1.1|general|A1|CONNECT|10|b1|1",
                "\(t0 + 60)|1.2|general|NONE|ENTERQUEUE||\(caller)|2",
                "\(t0 + 80)|1.2|general|NONE|ABANDON|1|2|20",
                "\(t0 + 120)|1.1|general|A1|TRANSFER|2000|default|10|110|1",
                "\(t0 + 121)|1.1|vip|NONE|ENTERQUEUE||\(caller)|1",
                "\(t0 + 131)|1.1|vip|A2|CONNECT|10|b2|1",
                "\(t0 + 300)|1.1|vip|A2|COMPLETECALLER|10|169|1",
                "\(t0 + back)|1.3|general|NONE|ENTERQUEUE||\(caller)|1",
                "\(t0 + back + 30)|1.3|general|NONE|ABANDON|1|1|30",
            ].joined(separator: "\n") + "\n"
        return (csv, log)
    }

    @Test(
        arguments: [
            (Int64(400_000), 0), (300, 1), (120 + 72 * 3600, 2), (121 + 72 * 3600, 1), (300 + 72 * 3600, 1),
            (301 + 72 * 3600, 0),
        ] as [(Int64, Int)])
    func aTransferLegAndASecondLineAreNoRepeatInEveryFormat(back: Int64, repeats: Int) throws {
        // The first leg ends at 120 s, the transfer leg (same call id) at 300 s. A call back at 300 s (the second
        // leg's end, not after it) makes only the first leg a repeat; at 120 s + 72 h both; a second later only the
        // second leg, until 300 s + 72 h. The second line (60-80 s, during the first leg) and the transfer leg
        // never count.
        let scenario = Self.transferScenario(back: back)
        for (text, name) in [(scenario.csv, "calls.csv"), (scenario.queueLog, "queue_log")] {
            let totals = try report(text, name: name).totals
            #expect(totals.offered == 4 && totals.answered == 2, "\(name)")
            #expect(totals.repeatEligible == 2, "\(name)")
            #expect(totals.repeatCallRate == Double(repeats) / 2, "\(name)")
        }
    }
}
