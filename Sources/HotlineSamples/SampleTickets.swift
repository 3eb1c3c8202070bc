import Foundation
import HotlineModel

/// The ticket side of the sample hotline: calls escalated to the back office, as a Zendesk-style CSV export
/// (tickets created in the first three weeks) and a Zendesk-style XML export (the fourth week), both taken at
/// midnight ending Sunday 2026-11-22.
///
/// Escalations come from answered calls: mostly payment (duplicates, failed payments, refunds) and account
/// (locked accounts, password resets), some billing statements, a third of complaints. The back office works
/// Monday to Friday 09:00-18:00 Shanghai time, so a ticket escalated on Saturday night waits for Monday; the
/// payment outage of Tuesday 2026-11-10 brings a wave of tickets that breaks the SLA for days. A few tickets
/// are reopened, some still open at export time, a few planted rows are bad (a solve before creation, an unknown
/// status and priority, a reply before creation in the XML), and one row's own resolution minutes disagree
/// with its times.
enum SampleTickets {
    struct Ticket {
        var id: Int
        var requester: String
        var requesterID: Int
        var assignee: String
        var group: String
        var subject: String
        var tags: String
        var status: String
        var priority: String
        var via: String
        var type: String
        /// UTC milliseconds.
        var created: Int64
        var firstReply: Int64?
        var solved: Int64?
        var updated: Int64
        var reopens: Int
        var satisfaction: String
        /// The call escalated (for chaser calls), and the caller's phone as the XML export writes it.
        var callID: String
        var phone: String
    }

    /// Midnight ending Sunday 2026-11-22, Shanghai: the exports hold nothing of a day the calls do not cover.
    static let exportTime =
        Int64(SampleGenerator.firstDay.dayNumber + 28) * 86_400_000 - SampleGenerator.offsetSeconds * 1000
    static let offset = SampleGenerator.offsetSeconds * 1000

    /// Escalation chance, group, priority weights (urgent, high, normal, low), tags and subject by subcategory.
    static let escalation:
        [String: (chance: Double, group: String, priority: [Double], tags: String, subject: String)] = [
            "duplicate": (0.12, "Payments 支付组", [0.1, 0.6, 0.3, 0], "重复支付 payment", "重复扣款，请退回多扣款项"),
            "failed": (0.06, "Payments 支付组", [0.05, 0.5, 0.45, 0], "支付失败", "Payment failed but money deducted"),
            "refund": (0.10, "Payments 支付组", [0, 0.2, 0.7, 0.1], "refund 退款", "退款未到账"),
            "delayed": (0.05, "Payments 支付组", [0, 0.1, 0.7, 0.2], "未到账", "Transfer not received"),
            "locked": (0.08, "Accounts 账户组", [0.05, 0.55, 0.4, 0], "账户锁定 account", "账户被锁定无法登录"),
            "password-reset": (
                0.03, "Accounts 账户组", [0, 0.1, 0.6, 0.3], "password reset", "Password reset link expired"
            ),
            "profile": (0.02, "Accounts 账户组", [0, 0, 0.5, 0.5], "实名 profile", "实名认证失败"),
            "statement": (
                0.03, "Billing 账务组", [0, 0, 0.5, 0.5], "对账单 billing", "Statement does not match transactions"
            ),
            "records": (0.01, "Billing 账务组", [0, 0, 0.4, 0.6], "交易记录", "交易记录缺失"),
            "service": (0.25, "Complaints 客诉组", [0.1, 0.4, 0.5, 0], "投诉", "对客服处理结果不满"),
            "escalation": (0.45, "Complaints 客诉组", [0.5, 0.5, 0, 0], "投诉升级 vip", "要求主管处理投诉"),
        ]
    static let priorities = ["urgent", "high", "normal", "low"]
    /// Business minutes to first reply and to resolution, means, by priority.
    static let replyMean: [String: Double] = ["urgent": 12, "high": 35, "normal": 90, "low": 180]
    static let resolveMean: [String: Double] = ["urgent": 150, "high": 420, "normal": 840, "low": 1500]
    static let agents: [String: [String]] = [
        "Payments 支付组": ["Chen Jing 陈静", "Liu Yang 刘洋", "Zhao Lei 赵磊"],
        "Accounts 账户组": ["Sun Li 孙丽", "Zhou Tao 周涛"], "Billing 账务组": ["Wu Min 吴敏"],
        "Complaints 客诉组": ["Xu Hui 徐慧", "Ma Jun 马骏"],
    ]

    static func generate(from calls: [SampleCall], random: inout SampleRandom) -> [Ticket] {
        var tickets: [Ticket] = []
        // Tickets from the outage's aftermath pile up: the back office is slower while the backlog is high.
        for call in calls.sorted(by: { ($0.ended, $0.id) < ($1.ended, $1.id) }) {
            guard call.answered != nil, let rule = escalation[call.subcategory] else { continue }
            let outageWave = isOutageDay(call.enqueued) && call.category == .payment
            guard random.chance(outageWave ? rule.chance * 2.5 : rule.chance) else { continue }
            let priority = priorities[random.weighted(rule.priority)]
            let created = call.ended + Int64(random.int(60..<900)) * 1000
            // Escalated after the export was taken: not in it.
            guard created < exportTime else { continue }
            // Busy weeks slow the back office down: the outage week most.
            let slowdown = isOutageWeek(created) ? 2.2 : 1.0
            let replyMinutes = max(1, random.exponential(mean: (replyMean[priority] ?? 60) * slowdown))
            var firstReply: Int64? = addBusiness(created, minutes: replyMinutes)
            let resolveMinutes = replyMinutes + random.exponential(mean: (resolveMean[priority] ?? 600) * slowdown)
            var solved: Int64? = addBusiness(created, minutes: resolveMinutes)
            var reopens = 0
            if let first = solved, random.chance(call.category == .complaint ? 0.12 : 0.05) {
                reopens = 1
                solved = addBusiness(first, minutes: random.exponential(mean: 600))
            }
            var status = "Solved"
            if let s = solved, s > exportTime {
                solved = nil
                status = random.chance(0.6) ? "Open" : "Pending"
            } else if let s = solved, exportTime - s > 4 * 86_400_000 {
                status = "Closed"
            }
            if let r = firstReply, r > exportTime { firstReply = nil }
            var satisfaction = "Unoffered"
            if solved != nil {
                let roll = random.unit()
                let bad = call.category == .complaint ? 0.35 : outageWave ? 0.3 : 0.1
                satisfaction = roll < bad ? "Bad" : roll < 0.7 ? "Good" : roll < 0.85 ? "Offered" : "Unoffered"
            }
            let group = rule.group
            let names = agents[group] ?? ["Agent"]
            // Agents tag the ticket with the call id most of the time (a hash, not a draw: the other tickets stay
            // as they were); the untagged ones stay unlinked in the CSV export, which has no phone column.
            let tagged = call.id.utf8.reduce(0) { $0 &+ Int($1) } % 7 != 0
            let last4 = String(call.caller.suffix(4))
            tickets.append(
                Ticket(
                    id: 40_000 + tickets.count + 1, requester: "Customer \(last4)",
                    requesterID: 700_000 + (Int(last4) ?? 0), assignee: names[random.int(0..<names.count)],
                    group: group, subject: rule.subject,
                    tags: rule.tags + " voice" + (tagged ? " call:\(call.id)" : ""), status: status,
                    priority: priority, via: "Voice", type: call.category == .complaint ? "Problem" : "Incident",
                    created: created, firstReply: firstReply, solved: solved,
                    updated: min(exportTime, max(solved ?? firstReply ?? created, created)), reopens: reopens,
                    satisfaction: satisfaction, callID: call.id, phone: call.caller))
        }
        return tickets
    }

    static func isOutageDay(_ utcMillis: Int64) -> Bool {
        Int((utcMillis + offset).floorDivided(by: 86_400_000)) == SampleGenerator.firstDay.dayNumber + 15
    }

    static func isOutageWeek(_ utcMillis: Int64) -> Bool {
        let day = Int((utcMillis + offset).floorDivided(by: 86_400_000)) - SampleGenerator.firstDay.dayNumber
        return (15...19).contains(day)
    }

    /// `minutes` of working time (Mon-Fri 09:00-18:00 Shanghai) after `start`, as UTC milliseconds.
    static func addBusiness(_ start: Int64, minutes: Double) -> Int64 {
        var remaining = Int64((minutes * 60_000).rounded())
        var t = start
        while true {
            let local = t + offset
            let day = local.floorDivided(by: 86_400_000)
            let open = day * 86_400_000 + 9 * 3_600_000
            let close = day * 86_400_000 + 18 * 3_600_000
            let weekday = CivilDate.weekday(ofDayNumber: Int(day))
            if weekday >= 5 || local >= close {
                t = (day + 1) * 86_400_000 + 9 * 3_600_000 - offset
                continue
            }
            let from = max(local, open)
            if from + remaining <= close { return from + remaining - offset }
            remaining -= close - from
            t = (day + 1) * 86_400_000 + 9 * 3_600_000 - offset
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` in Shanghai time, as Zendesk's CSV writes the account's zone.
    static func local(_ utcMillis: Int64) -> String {
        let local = (utcMillis + offset).floorDivided(by: 1000)
        let day = Int(local.floorDivided(by: 86400))
        let s = Int(local - Int64(day) * 86400)
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(CivilDate(dayNumber: day)) \(pad(s / 3600)):\(pad(s / 60 % 60)):\(pad(s % 60))"
    }

    /// ISO 8601 with `+08:00`, as the XML export writes `type="datetime"` values.
    static func iso(_ utcMillis: Int64) -> String {
        local(utcMillis).replacingOccurrences(of: " ", with: "T") + "+08:00"
    }
}
