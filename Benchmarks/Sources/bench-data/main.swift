// Writes a large native calls-csv for benchmarks: `bench-data ROWS CALLERS OUT.csv`.
//
// A month from 2026-10-01 (Asia/Shanghai, +08:00), rows in time order, four queues, the default taxonomy's
// labels in Chinese and English, ~2.5M distinct callers for 10M rows, CSAT on a third of answered calls.
// Bytes are formatted by hand: the point is to make 1.6 GB in seconds, not minutes.
import Foundation

var state: UInt64 = 0x2026_1125
@inline(__always) func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}
@inline(__always) func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

var args = CommandLine.arguments
// Other layouts of the same traffic: `bench-data queue-log CALLS OUT` and `bench-data freeswitch CALLS DIR`.
if args.count == 4, args[1] == "queue-log" || args[1] == "freeswitch", let calls = Int(args[2]) {
    writePBX(mode: args[1], calls: calls, target: args[3])
    exit(0)
}
// A Zendesk-style ticket export: `bench-data tickets COUNT OUT.csv`.
if args.count == 4, args[1] == "tickets", let count = Int(args[2]) {
    writeTickets(count: count, target: args[3])
    exit(0)
}
guard args.count == 4, let rows = Int(args[1]), let callers = Int(args[2]) else {
    FileHandle.standardError.write(
        Data(
            "usage: bench-data ROWS CALLERS OUT.csv | queue-log CALLS OUT | freeswitch CALLS DIR | tickets COUNT OUT.csv\n"
                .utf8))
    exit(2)
}
let queues = ["hotline-cn", "hotline-cn", "hotline-cn", "hotline-en", "merchant", "vip"].map { Array($0.utf8) }
let labels = [
    "密码重置", "登录失败", "账户锁定", "注册问题", "支付失败", "退款", "重复支付", "到账延迟", "交易记录查询", "账单",
    "活动咨询", "产品更新", "投诉", "投诉升级", "password reset", "refund request", "payment failed", "transaction records",
    "快递查询",
].map { Array($0.utf8) }
let ivr = ["主菜单>账户>密码", "主菜单>支付>退款", "main>payment>refund", "main>billing>records", "主菜单>其他>活动"].map { Array($0.utf8) }
let outcomes = ["answered", "abandoned", "timeout", "transferred", "callback"].map { Array($0.utf8) }

guard
    let out = FileHandle(forWritingAtPath: args[3])
        ?? {
            FileManager.default.createFile(atPath: args[3], contents: nil)
            return FileHandle(forWritingAtPath: args[3])
        }()
else { exit(1) }

var buffer: [UInt8] = []
buffer.reserveCapacity(1 << 22)
@inline(__always) func put(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }
@inline(__always) func put(_ s: StaticString) {
    s.withUTF8Buffer { buffer.append(contentsOf: $0) }
}
@inline(__always) func putInt(_ v: Int, width: Int = 0) {
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    )
    var n = v
    var count = 0
    withUnsafeMutableBytes(of: &digits) { d in
        repeat {
            d[count] = UInt8(48 + n % 10)
            n /= 10
            count += 1
        } while n > 0
        while count < width {
            d[count] = 48
            count += 1
        }
        for k in stride(from: count - 1, through: 0, by: -1) { buffer.append(d[k]) }
    }
}
/// Local (+08:00) time of second `t` since 2026-10-01T00:00 local.
@inline(__always) func putTime(_ t: Int) {
    let day = 1 + t / 86400
    let s = t % 86400
    put("2026-10-")
    putInt(day, width: 2)
    buffer.append(UInt8(ascii: "T"))
    putInt(s / 3600, width: 2)
    buffer.append(UInt8(ascii: ":"))
    putInt(s % 3600 / 60, width: 2)
    buffer.append(UInt8(ascii: ":"))
    putInt(s % 60, width: 2)
    put("+08:00")
}

put(
    "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat\n"
)
let span = 30 * 86400
for i in 0..<rows {
    let enq = i * span / rows
    put("C")
    putInt(i, width: 10)
    buffer.append(44)
    put(queues[below(queues.count)])
    buffer.append(44)
    put(labels[below(labels.count)])
    put(",inbound,1")
    putInt(3_000_000_000 + below(callers) * 7 % 10_000_000_000 % 7_000_000_000, width: 10)
    buffer.append(44)
    let roll = below(100)
    let outcome = roll < 84 ? 0 : roll < 94 ? 1 : roll < 95 ? 2 : roll < 99 ? 3 : 4
    let wait = outcome == 0 || outcome == 3 ? (below(4) == 0 ? below(120) : below(15)) : 1 + below(200)
    let answered = outcome == 0 || outcome == 3
    if answered {
        put("A")
        putInt(1000 + below(80))
    }
    buffer.append(44)
    putTime(enq)
    buffer.append(44)
    let talk = answered ? 60 + below(600) : 0
    if answered { putTime(enq + wait) }
    buffer.append(44)
    putTime(enq + wait + talk)
    buffer.append(44)
    putInt(wait)
    buffer.append(44)
    if answered {
        putInt(talk)
        put(",")
        putInt(below(3) == 0 ? below(60) : 0)
        put(",")
        putInt(10 + below(50))
    } else {
        put(",,")
    }
    buffer.append(44)
    put(outcomes[outcome])
    buffer.append(44)
    put(ivr[below(ivr.count)])
    buffer.append(44)
    if answered && below(3) == 0 { putInt(1 + below(5)) }
    buffer.append(10)
    if buffer.count > (1 << 22) - 512 {
        out.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
out.write(Data(buffer))
try? out.close()

/// A month of calls as an Asterisk queue_log (ENTERQUEUE, CONNECT, COMPLETE*/ABANDON/EXITWITHTIMEOUT, some
/// RINGNOANSWER) or as one FreeSWITCH mod_callcenter CDR file per call.
func writePBX(mode: String, calls: Int, target: String) {
    let base = 1_790_784_000  // 2026-10-01T00:00:00+08:00
    let span = 30 * 86400
    let queues = ["hotline-cn", "hotline-en", "merchant", "vip"]
    if mode == "freeswitch" {
        try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    }
    FileManager.default.createFile(atPath: mode == "queue-log" ? target : "/dev/null", contents: nil)
    let log = mode == "queue-log" ? FileHandle(forWritingAtPath: target) : nil
    var text = ""
    var events: [(Int, String)] = []
    var flushedUpTo = 0
    for i in 0..<calls {
        let t = base + i * span / calls
        let queue = queues[below(queues.count)]
        let caller = "13\(100_000_000 + below(calls / 4 + 1))"
        let roll = below(100)
        let wait = roll < 80 ? below(20) : 1 + below(200)
        let talk = 60 + below(600)
        let agent = "Agent/\(1000 + below(80))"
        let id = "\(t).\(i)"
        if mode == "queue-log" {
            events.append((t, "\(t)|\(id)|\(queue)|NONE|ENTERQUEUE||\(caller)|1"))
            if roll % 7 == 0 { events.append((t + 2, "\(t + 2)|\(id)|\(queue)|\(agent)|RINGNOANSWER|2000")) }
            if roll < 88 {
                events.append((t + wait, "\(t + wait)|\(id)|\(queue)|\(agent)|CONNECT|\(wait)|\(id)b|1"))
                events.append(
                    (t + wait + talk, "\(t + wait + talk)|\(id)|\(queue)|\(agent)|COMPLETECALLER|\(wait)|\(talk)|1"))
            } else if roll < 97 {
                events.append((t + wait, "\(t + wait)|\(id)|\(queue)|NONE|ABANDON|1|1|\(wait)"))
            } else {
                events.append((t + wait, "\(t + wait)|\(id)|\(queue)|NONE|EXITWITHTIMEOUT|1|1|\(wait)"))
            }
            // Write, in time order, the events no later call can precede (calls end within 20 minutes).
            if i % 10_000 == 0 {
                events.sort { $0.0 < $1.0 }
                let cut = events.firstIndex { $0.0 > t - 1200 } ?? events.count
                for e in events[..<cut] { text += e.1 + "\n" }
                events.removeFirst(cut)
                flushedUpTo = t
                log?.write(Data(text.utf8))
                text = ""
            }
        } else {
            var v = [
                ("direction", "inbound"), ("caller_id_number", caller), ("start_epoch", "\(t - 5)"),
                ("end_epoch", "\(t + wait + (roll < 88 ? talk : 0))"), ("cc_queue", "\(queue)%40default"),
                ("cc_queue_joined_epoch", "\(t)"),
            ]
            if roll < 88 {
                v += [
                    ("cc_queue_answered_epoch", "\(t + wait)"),
                    ("cc_agent", agent.replacingOccurrences(of: "/", with: "%2F")),
                    ("cc_queue_terminated_epoch", "\(t + wait + talk)"),
                ]
            } else {
                v += [("cc_queue_canceled_epoch", "\(t + wait)"), ("cc_cancel_reason", roll < 97 ? "" : "TIMEOUT")]
            }
            let body = v.map { "    <\($0.0)>\($0.1)</\($0.0)>" }.joined(separator: "\n")
            let doc =
                "<?xml version=\"1.0\"?>\n<cdr core-uuid=\"bench\" switchname=\"fs1\">\n  <variables>\n    <uuid>\(id)</uuid>\n\(body)\n  </variables>\n</cdr>\n"
            FileManager.default.createFile(atPath: "\(target)/\(id).cdr.xml", contents: Data(doc.utf8))
        }
    }
    if mode == "queue-log" {
        events.sort { $0.0 < $1.0 }
        for e in events { text += e.1 + "\n" }
        log?.write(Data(text.utf8))
        try? log?.close()
        _ = flushedUpTo
    }
}

/// A Zendesk-style CSV export of `count` tickets over a month from 2026-10-01, Shanghai local times without offset
/// (as Zendesk writes them), 90% solved, tags from the default taxonomy, a third rated.
func writeTickets(count: Int, target: String) {
    FileManager.default.createFile(atPath: target, contents: nil)
    guard let out = FileHandle(forWritingAtPath: target) else { exit(1) }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 22)
    func put(_ s: String) { buffer.append(contentsOf: s.utf8) }
    put(
        "Id,Requester,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Solved at,Reopens,Replies,First reply time in minutes,Full resolution time in minutes,Satisfaction Score\n"
    )
    let tags = [
        "重复支付 voice", "支付失败", "refund 退款", "未到账", "账户锁定", "password reset", "对账单", "投诉", "投诉升级 vip", "活动 promo",
    ]
    let groups = ["Payments 支付组", "Accounts 账户组", "Billing 账务组", "Complaints 客诉组"]
    let priorities = ["Urgent", "High", "Normal", "Normal", "Low"]
    let ratings = ["Good", "Good", "Bad", "Offered", "Unoffered", "Unoffered"]
    let start: Int64 = 1_790_784_000  // 2026-10-01 00:00 local, as seconds of the local wall clock
    func stamp(_ wall: Int64) -> String {
        let day = Int(wall / 86400)
        let s = Int(wall % 86400)
        // Civil date from days since 1970 (Howard Hinnant).
        let z = day + 719468
        let era = z / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(p2(m))-\(p2(d)) \(p2(s / 3600)):\(p2(s / 60 % 60)):\(p2(s % 60))"
    }
    for i in 0..<count {
        let created = start + Int64(i) * (31 * 86400) / Int64(max(1, count)) + Int64(below(60))
        let reply = 1 + below(240)
        let resolve = reply + below(4000)
        let solved = below(10) != 0
        let tag = tags[below(tags.count)]
        let group = groups[below(groups.count)]
        let solvedAt = solved ? stamp(created + Int64(resolve) * 60) : ""
        put("\(1_000_000 + i),Customer \(below(10000)),Agent \(below(60)),\(group),Ticket \(i),\(tag),")
        put(solved ? (below(3) == 0 ? "Closed," : "Solved,") : (below(2) == 0 ? "Open," : "Pending,"))
        put("\(priorities[below(priorities.count)]),Voice,Incident,\(stamp(created)),")
        put(
            "\(solved ? solvedAt : stamp(created + Int64(reply) * 60)),\(solvedAt),\(below(20) == 0 ? 1 : 0),2,\(reply),"
        )
        put(solved ? "\(resolve)," : ",")
        put(solved ? "\(ratings[below(ratings.count)])\n" : "Unoffered\n")
        if buffer.count > (1 << 22) - 4096 {
            out.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }
    out.write(Data(buffer))
    try? out.close()
}
