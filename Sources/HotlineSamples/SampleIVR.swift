import Foundation
import HotlineModel

/// The menus in front of the sample hotline's queues (docs/METRICS.md, "IVR"): callers who found what they needed
/// there (a balance, their transaction records) and callers who hung up in them, as calls-csv rows without a queue;
/// and the time every queued call spent in the menus. From their own random stream, so the queued calls stay as
/// they are.
enum SampleIVR {
    /// Where self-service ends, and how often.
    static let selfServicePaths: [(String, Double)] = [
        ("主菜单>查询>余额", 0.45), ("主菜单>账单>交易记录", 0.35), ("main>billing>records", 0.12), ("main>balance", 0.08),
    ]
    /// Where callers hang up: most at the top menu and in the payment menu (a long prompt).
    static let hangUpPaths: [(String, Double)] = [
        ("主菜单", 0.38), ("主菜单>支付", 0.30), ("主菜单>账户", 0.12), ("主菜单>账单", 0.08), ("main", 0.07),
        ("main>payment", 0.05),
    ]
    static let selfServedPerDay = 260.0
    static let hungUpPerDay = 110.0

    /// The rows of calls that ended in the menus, by local day number.
    static func rows(firstDay: Int, days: Int, random: inout SampleRandom) -> [Int: [(at: Int64, line: String)]] {
        var byDay: [Int: [(at: Int64, line: String)]] = [:]
        for offset in 0..<days {
            let day = firstDay + offset
            let factor = SampleTraffic.weekdayFactors[CivilDate.weekday(ofDayNumber: day)]
            var n = 0
            for (kind, mean) in [("self_served", selfServedPerDay), ("ivr_abandoned", hungUpPerDay)] {
                for _ in 0..<random.poisson(mean * factor) {
                    n += 1
                    let paths = kind == "self_served" ? selfServicePaths : hangUpPaths
                    let path = paths[random.weighted(paths.map(\.1))].0
                    let hour = random.weighted(SampleTraffic.hourWeights)
                    let startLocal =
                        Int64(day) * 86_400_000 + Int64(hour) * 3_600_000 + Int64(random.int(0..<3_600_000))
                    let start = startLocal - SampleGenerator.offsetSeconds * 1000
                    // Self-service takes a while (listening to a balance); a hang-up comes sooner.
                    let seconds = kind == "self_served" ? 35 + random.int(0..<90) : 4 + random.int(0..<50)
                    let caller = "1370\(random.int(1_000_000..<10_000_000))"
                    let id = "IVR-\(CivilDate(dayNumber: day).description.replacingOccurrences(of: "-", with: ""))-\(n)"
                    let ended = start + Int64(seconds) * 1000
                    let line = [
                        id, "", "", "inbound", caller, "", SampleRow.time(start, .local), "",
                        SampleRow.time(ended, .local),
                        "", "", "", "", kind, path, "", "\(seconds)",
                    ].joined(separator: ",")
                    byDay[day, default: []].append((start, line))
                }
            }
        }
        return byDay
    }

    /// Seconds a queued call spent in the menus before its queue: fixed by its id, so rows stay the same run to run.
    static func secondsBeforeQueue(_ id: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return 8 + Int(hash % 47)
    }
}
