/// The call figures of one group, as METRICS.md defines them: what every renderer prints.
///
/// A figure whose denominator is empty is nil (null in JSON, empty in CSV, `-` in text and HTML), never 0.
/// Rates are fractions 0...1; times are seconds, unrounded.
public struct CallFigures: Sendable, Equatable, Encodable {
    public var offered: Int
    public var answered: Int
    public var abandoned: Int
    public var shortAbandoned: Int
    public var timedOut: Int
    public var callback: Int
    public var transferred: Int
    public var serviceLevel: Double?
    public var abandonmentRate: Double?
    public var asaSeconds: Double?
    public var waitP50Seconds: Int?
    public var waitP90Seconds: Int?
    public var waitP99Seconds: Int?
    public var longestWaitSeconds: Double?
    public var ahtSeconds: Double?
    public var transferRate: Double?
    public var repeatCallRate: Double?
    public var repeatEligible: Int
    public var csatMean: Double?
    public var csatSatisfied: Double?
    public var csatResponses: Int
    public var csatResponseRate: Double?
    public var nps: Double?
    public var npsResponses: Int

    public init(_ a: CallAccumulator, settings: MetricSettings) {
        func ratio(_ n: Int, _ d: Int) -> Double? { d > 0 ? Double(n) / Double(d) : nil }
        offered = a.offered
        answered = a.answered
        abandoned = a.abandoned
        shortAbandoned = a.shortAbandoned
        timedOut = a.timedOut
        callback = a.callback
        transferred = a.transferred
        let base = a.offered - a.shortAbandoned
        serviceLevel = ratio(a.answeredWithinThreshold, base)
        abandonmentRate = ratio(a.abandoned, base)
        asaSeconds = a.answered > 0 ? Double(a.answeredWaitSum) / Double(a.answered) / 1000 : nil
        waitP50Seconds = a.waits.percentile(50)
        waitP90Seconds = a.waits.percentile(90)
        waitP99Seconds = a.waits.percentile(99)
        longestWaitSeconds = a.longestWait.map { Double($0) / 1000 }
        ahtSeconds = a.answered > 0 ? Double(a.handleTimeSum) / Double(a.answered) / 1000 : nil
        transferRate = ratio(a.transferred, a.answered)
        repeatCallRate = ratio(a.repeats, a.repeatEligible)
        repeatEligible = a.repeatEligible
        let counts = a.csatCounts
        let responses = counts.reduce(0, +)
        csatResponses = responses
        csatMean = responses > 0 ? Double((1...5).reduce(0) { $0 + $1 * counts[$1 - 1] }) / Double(responses) : nil
        let satisfied = (max(1, settings.satisfiedScore)...5).reduce(0) { $0 + counts[$1 - 1] }
        csatSatisfied = ratio(settings.satisfiedScore <= 5 ? satisfied : 0, responses)
        csatResponseRate = ratio(responses, a.answered)
        npsResponses = a.npsPromoters + a.npsPassives + a.npsDetractors
        nps = npsResponses > 0 ? Double(a.npsPromoters - a.npsDetractors) * 100 / Double(npsResponses) : nil
    }

    enum CodingKeys: String, CodingKey {
        case offered, answered, abandoned, shortAbandoned = "short_abandoned", timedOut = "timed_out", callback
        case transferred, serviceLevel = "service_level", abandonmentRate = "abandonment_rate"
        case asaSeconds = "asa_s", waitP50Seconds = "wait_p50_s", waitP90Seconds = "wait_p90_s"
        case waitP99Seconds = "wait_p99_s", longestWaitSeconds = "longest_wait_s", ahtSeconds = "aht_s"
        case transferRate = "transfer_rate", repeatCallRate = "repeat_call_rate", repeatEligible = "repeat_eligible"
        case csatMean = "csat_mean", csatSatisfied = "csat_satisfied", csatResponses = "csat_responses"
        case csatResponseRate = "csat_response_rate", nps, npsResponses = "nps_responses"
    }

    /// Encodes every key, nil as null (the synthesized encoder would drop them).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(offered, forKey: .offered)
        try c.encode(answered, forKey: .answered)
        try c.encode(abandoned, forKey: .abandoned)
        try c.encode(shortAbandoned, forKey: .shortAbandoned)
        try c.encode(timedOut, forKey: .timedOut)
        try c.encode(callback, forKey: .callback)
        try c.encode(transferred, forKey: .transferred)
        try c.encode(serviceLevel, forKey: .serviceLevel)
        try c.encode(abandonmentRate, forKey: .abandonmentRate)
        try c.encode(asaSeconds, forKey: .asaSeconds)
        try c.encode(waitP50Seconds, forKey: .waitP50Seconds)
        try c.encode(waitP90Seconds, forKey: .waitP90Seconds)
        try c.encode(waitP99Seconds, forKey: .waitP99Seconds)
        try c.encode(longestWaitSeconds, forKey: .longestWaitSeconds)
        try c.encode(ahtSeconds, forKey: .ahtSeconds)
        try c.encode(transferRate, forKey: .transferRate)
        try c.encode(repeatCallRate, forKey: .repeatCallRate)
        try c.encode(repeatEligible, forKey: .repeatEligible)
        try c.encode(csatMean, forKey: .csatMean)
        try c.encode(csatSatisfied, forKey: .csatSatisfied)
        try c.encode(csatResponses, forKey: .csatResponses)
        try c.encode(csatResponseRate, forKey: .csatResponseRate)
        try c.encode(nps, forKey: .nps)
        try c.encode(npsResponses, forKey: .npsResponses)
    }
}
