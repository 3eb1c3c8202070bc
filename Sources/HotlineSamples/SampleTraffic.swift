import HotlineModel

/// One generated call, before it is written as a CSV row.
struct SampleCall {
    var id: String
    var queue: String
    var category: CallCategory
    var subcategory: String
    var caller: String
    var agent: String
    /// UTC milliseconds.
    var enqueued: Int64
    var answered: Int64?
    var ended: Int64
    var wait: Int64
    var talk: Int64
    var hold: Int64
    var wrap: Int64
    var outcome: CallOutcome
    var csat: Int?
    /// No label in the category column: the IVR path has to classify the call.
    var labelMissing: Bool
    /// A label no default rule knows.
    var unknownLabel: String?
    var labelVariant: Int
}

/// The traffic model behind the samples: arrivals by slot, load against a staffing plan, waits, patience,
/// outcomes, handle times, CSAT, and callers who call again.
enum SampleTraffic {
    static let queues = ["hotline-cn", "hotline-en", "merchant", "vip"]
    static let queueShares = [0.62, 0.13, 0.17, 0.08]
    /// Relative arrivals per local hour, 00..23: a 24-hour line with a morning and an afternoon peak.
    static let hourWeights = [
        0.22, 0.15, 0.11, 0.09, 0.08, 0.10, 0.20, 0.45, 0.85, 1.25, 1.45, 1.40,
        1.10, 1.05, 1.30, 1.35, 1.25, 1.10, 0.95, 1.00, 1.05, 0.90, 0.60, 0.38,
    ]
    /// Monday first.
    static let weekdayFactors = [1.28, 1.06, 1.0, 1.0, 1.04, 0.78, 0.72]
    static let baseCallsPerDay = 2650.0
    /// Category mix per queue: account, payment, billing, other, complaint.
    static let categoryMix: [String: [Double]] = [
        "hotline-cn": [0.30, 0.34, 0.14, 0.14, 0.08],
        "hotline-en": [0.32, 0.30, 0.14, 0.18, 0.06],
        "merchant": [0.12, 0.40, 0.36, 0.06, 0.06],
        "vip": [0.20, 0.34, 0.18, 0.08, 0.20],
    ]
    static let subcategories: [CallCategory: [(String, Double)]] = [
        .account: [
            ("password-reset", 0.34), ("login", 0.26), ("locked", 0.16), ("registration", 0.12), ("profile", 0.12),
        ],
        .payment: [("failed", 0.32), ("refund", 0.30), ("duplicate", 0.18), ("delayed", 0.20)],
        .billing: [("records", 0.62), ("statement", 0.38)],
        .other: [("promotion", 0.55), ("product", 0.45)],
        .complaint: [("service", 0.78), ("escalation", 0.22)],
    ]
    static let meanTalkSeconds: [CallCategory: Double] = [
        .account: 230, .payment: 330, .billing: 280, .other: 170, .complaint: 520,
    ]
    static let agents: [String: [String]] = [
        "hotline-cn": (1001...1040).map { "A\($0)" }, "hotline-en": (2001...2010).map { "E\($0)" },
        "merchant": (3001...3012).map { "M\($0)" }, "vip": (4001...4006).map { "V\($0)" },
    ]
    /// How many of each queue's agents work the night (00-08), day (08-16) and evening (16-24) shifts, in order.
    static let shifts: [String: [Int]] = [
        "hotline-cn": [6, 20, 14], "hotline-en": [2, 5, 3], "merchant": [2, 6, 4], "vip": [1, 3, 2],
    ]

    /// The agents of `queue` on shift at local hour `hour`.
    static func onShift(_ queue: String, hour: Int) -> ArraySlice<String> {
        let pool = agents[queue] ?? ["A1001"]
        let split = shifts[queue] ?? [pool.count, 0, 0]
        let shift = hour / 8
        let from = split.prefix(shift).reduce(0, +)
        return pool[from..<min(pool.count, from + split[shift])]
    }

    static func generate(random: inout SampleRandom) -> [SampleCall] {
        let firstDay = SampleGenerator.firstDay.dayNumber
        let slotMillis: Int64 = 1_800_000
        let start = Int64(firstDay) * 86_400_000 - SampleGenerator.offsetSeconds * 1000
        let end = start + Int64(SampleGenerator.days) * 86_400_000
        var pending: [SampleCall] = []
        var serial = 0
        func nextID(_ at: Int64) -> String {
            serial += 1
            let day = CivilDate(
                dayNumber: Int((at + SampleGenerator.offsetSeconds * 1000).floorDivided(by: 86_400_000)))
            let digits = String(serial)
            return "HL-\(day.year)\(day.month < 10 ? "0" : "")\(day.month)\(day.day < 10 ? "0" : "")\(day.day)-"
                + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        }
        for dayOffset in 0..<SampleGenerator.days {
            let weekday = dayOffset % 7
            for slot in 0..<48 {
                let expected = expectedArrivals(dayOffset: dayOffset, weekday: weekday, slot: slot)
                var n = random.poisson(expected)
                if isOutage(dayOffset: dayOffset, slot: slot) { n += random.poisson(expected * 1.3) }
                for _ in 0..<n {
                    let at = start + Int64(dayOffset * 48 + slot) * slotMillis + Int64(random.int(0..<1800)) * 1000
                    let queue = queues[random.weighted(queueShares)]
                    var category = CallCategory.allCases[random.weighted(categoryMix[queue] ?? [1])]
                    var subcategory = pick(category, &random)
                    if isOutage(dayOffset: dayOffset, slot: slot) && random.chance(0.55) {
                        category = .payment
                        subcategory = "failed"
                    }
                    let caller = random.chance(0.03) ? "anonymous" : callerNumber(random.int(0..<200_000))
                    pending.append(
                        makeCall(
                            id: "", queue: queue, category: category, subcategory: subcategory, caller: caller, at: at,
                            random: &random))
                }
            }
        }
        // Callers who call again: retries after abandoning, and repeats after an answered call.
        var calls: [SampleCall] = []
        var index = 0
        while index < pending.count {
            var call = pending[index]
            index += 1
            call.id = nextID(call.enqueued)
            calls.append(call)
            guard call.caller != "anonymous" else { continue }
            var again: Int64?
            if call.outcome == .abandoned && random.chance(0.45) {
                again = call.ended + Int64((90 + random.exponential(mean: 600)) * 1000)
            } else if call.answered != nil {
                let p: Double = call.category == .complaint ? 0.16 : call.category == .payment ? 0.11 : 0.07
                if random.chance(p) {
                    again = call.ended + Int64(min(random.exponential(mean: 20 * 3600), 5 * 86400) * 1000)
                }
            }
            if let again, again < end {
                pending.append(
                    makeCall(
                        id: "", queue: call.queue, category: call.category, subcategory: call.subcategory,
                        caller: call.caller, at: again, random: &random))
            }
        }
        return calls
    }

    static func pick(_ category: CallCategory, _ random: inout SampleRandom) -> String {
        let options = subcategories[category] ?? []
        return options[random.weighted(options.map(\.1))].0
    }

    static func callerNumber(_ index: Int) -> String {
        let prefixes = ["138", "139", "186", "135", "177", "150"]
        let body = (index * 7919 + 104_729) % 100_000_000  // 7919 is prime to 10^8: distinct indexes, distinct numbers
        let digits = String(body)
        return prefixes[index % prefixes.count] + String(repeating: "0", count: 8 - digits.count) + digits
    }

    static func isOutage(dayOffset: Int, slot: Int) -> Bool { dayOffset == 15 && slot >= 20 && slot < 23 }

    /// Mean arrivals in a half-hour slot, from the hour curve interpolated to the slot's middle.
    static func expectedArrivals(dayOffset: Int, weekday: Int, slot: Int) -> Double {
        let total = hourWeights.reduce(0, +)
        let hour = Double(slot) / 2 + 0.25
        let h0 = Int(hour) % 24
        let h1 = (h0 + 1) % 24
        let t = hour - Double(Int(hour))
        let weight = hourWeights[h0] * (1 - t * 0.5) + hourWeights[h1] * t * 0.5
        return baseCallsPerDay * weekdayFactors[weekday] * weight / total / 2
    }

    /// Load against the staffing plan: the plan follows a smoothed curve with one weekday factor, so sharp peaks
    /// (and Mondays) run hot; nights have a minimum crew and run cool.
    static func utilisation(dayOffset: Int, slot: Int, queue: String) -> Double {
        let weekday = dayOffset % 7
        let expected = expectedArrivals(dayOffset: dayOffset, weekday: weekday, slot: slot)
        var smoothed = 0.0
        for k in -3...3 { smoothed += expectedArrivals(dayOffset: dayOffset, weekday: 2, slot: (slot + k + 48) % 48) }
        let plan = max(smoothed / 7 * (weekday >= 5 ? 0.8 : 1.08), baseCallsPerDay * 0.006)
        var rho = 0.64 * expected / plan
        if isOutage(dayOffset: dayOffset, slot: slot) { rho *= 1.5 }
        switch queue {
        case "vip": rho *= 0.7
        case "merchant": rho *= 0.92
        default: break
        }
        return rho
    }

    static func makeCall(
        id: String, queue: String, category: CallCategory, subcategory: String, caller: String, at: Int64,
        random: inout SampleRandom
    ) -> SampleCall {
        let slotInDay = Int(((at + SampleGenerator.offsetSeconds * 1000) % 86_400_000) / 1_800_000)
        let dayOffset =
            Int((at + SampleGenerator.offsetSeconds * 1000) / 86_400_000) - SampleGenerator.firstDay.dayNumber
        let rho = min(1.0, utilisation(dayOffset: max(0, dayOffset), slot: slotInDay, queue: queue))
        let millis = queue == "vip"
        var enqueued = at
        if millis { enqueued += Int64(random.int(0..<1000)) }
        func seconds(_ s: Double) -> Int64 { millis ? Int64((s * 1000).rounded()) : Int64(s.rounded()) * 1000 }
        let waits = random.chance(min(0.97, rho * rho * rho))
        var wait =
            waits ? seconds(random.exponential(mean: 10 + 40 * rho / (1.08 - rho))) : seconds(Double(random.int(0..<7)))
        let patience = seconds(3 + random.exponential(mean: queue == "vip" ? 240 : 130))
        var outcome = CallOutcome.answered
        if random.chance(0.02) {
            outcome = .abandoned
            wait = seconds(Double(random.int(1..<5)))
        } else if wait > patience {
            outcome = .abandoned
            wait = patience
        } else if wait > 600_000 {
            outcome = .timeout
            wait = 600_000
        } else if queue == "vip" && wait > 120_000 && random.chance(0.4) {
            outcome = .callback
            wait = 120_000
        } else if random.chance(category == .complaint ? 0.22 : 0.05) {
            outcome = .transferred
        }
        var call = SampleCall(
            id: id, queue: queue, category: category, subcategory: subcategory, caller: caller, agent: "",
            enqueued: enqueued, answered: nil, ended: enqueued + wait, wait: wait, talk: 0, hold: 0, wrap: 0,
            outcome: outcome, csat: nil, labelMissing: random.chance(0.05), unknownLabel: nil,
            labelVariant: random.int(0..<2))
        if random.chance(0.004) { call.unknownLabel = ["快递查询", "app crash", "物流咨询"][random.int(0..<3)] }
        if outcome == .answered || outcome == .transferred {
            let hour = Int((enqueued + wait + SampleGenerator.offsetSeconds * 1000) % 86_400_000 / 3_600_000)
            let pool = onShift(queue, hour: hour)
            call.agent = pool[pool.startIndex + random.int(0..<pool.count)]
            let mean = meanTalkSeconds[category] ?? 240
            call.talk = seconds(mean * 0.35 + random.exponential(mean: mean * 0.65))
            call.hold = random.chance(0.3) ? seconds(random.exponential(mean: 45)) : 0
            call.wrap = seconds(15 + random.exponential(mean: 25))
            call.answered = enqueued + wait
            call.ended = enqueued + wait + call.talk + call.hold
            if random.chance(1.0 / 3.0) {
                var weights = [0.05, 0.06, 0.12, 0.30, 0.47]
                if wait > 60_000 { weights = [0.14, 0.14, 0.22, 0.28, 0.22] }
                if category == .complaint { weights = [0.22, 0.20, 0.24, 0.20, 0.14] }
                call.csat = random.weighted(weights) + 1
            }
        }
        return call
    }
}
