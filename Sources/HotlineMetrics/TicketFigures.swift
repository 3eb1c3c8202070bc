/// The ticket figures of METRICS.md for one row, from a ``TicketAccumulator``. Empty denominators give nil.
public struct TicketFigures: Sendable, Encodable, Equatable {
    public var created: Int
    public var solved: Int
    /// Open at the end of the row's last day; nil where a row has no day end (it is not counted per row).
    public var backlog: Int?
    public var firstReplies: Int
    public var firstReplyP50Minutes: Int?
    public var firstReplyP90Minutes: Int?
    public var resolutions: Int
    public var resolutionP50Minutes: Int?
    public var resolutionP90Minutes: Int?
    public var slaWithTarget: Int
    public var slaBreached: Int
    public var slaBreachRate: Double?
    public var reopened: Int
    public var reopenRate: Double?
    public var satisfactionGood: Int
    public var satisfactionBad: Int
    public var scoreResponses: Int
    public var scoreMean: Double?
    /// Good / (good + bad), counting a 1-5 score at or above the satisfied score as good and one below as bad.
    public var satisfaction: Double?
    public var satisfactionResponses: Int

    public init(_ a: TicketAccumulator, backlog: Int?) {
        created = a.created
        solved = a.solved
        self.backlog = backlog
        firstReplies = a.firstReply.count
        firstReplyP50Minutes = a.firstReply.percentile(50)
        firstReplyP90Minutes = a.firstReply.percentile(90)
        resolutions = a.resolution.count
        resolutionP50Minutes = a.resolution.percentile(50)
        resolutionP90Minutes = a.resolution.percentile(90)
        slaWithTarget = a.slaWithTarget
        slaBreached = a.slaBreached
        slaBreachRate = a.slaWithTarget > 0 ? Double(a.slaBreached) / Double(a.slaWithTarget) : nil
        reopened = a.reopened
        reopenRate = a.reopenKnown > 0 ? Double(a.reopened) / Double(a.reopenKnown) : nil
        satisfactionGood = a.good
        satisfactionBad = a.bad
        scoreResponses = a.scores
        scoreMean = a.scores > 0 ? Double(a.scoreSum) / Double(a.scores) : nil
        let responses = a.good + a.bad + a.scores
        satisfactionResponses = responses
        satisfaction = responses > 0 ? Double(a.good + a.scoresSatisfied) / Double(responses) : nil
    }

    enum CodingKeys: String, CodingKey {
        case created, solved, backlog
        case firstReplies = "first_replies", firstReplyP50Minutes = "first_reply_p50_min"
        case firstReplyP90Minutes = "first_reply_p90_min", resolutions
        case resolutionP50Minutes = "resolution_p50_min", resolutionP90Minutes = "resolution_p90_min"
        case slaWithTarget = "sla_with_target", slaBreached = "sla_breached", slaBreachRate = "sla_breach_rate"
        case reopened, reopenRate = "reopen_rate", satisfactionGood = "satisfaction_good"
        case satisfactionBad = "satisfaction_bad", scoreResponses = "score_responses", scoreMean = "score_mean"
        case satisfaction, satisfactionResponses = "satisfaction_responses"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(created, forKey: .created)
        try c.encode(solved, forKey: .solved)
        try c.encode(backlog, forKey: .backlog)
        try c.encode(firstReplies, forKey: .firstReplies)
        try c.encode(firstReplyP50Minutes, forKey: .firstReplyP50Minutes)
        try c.encode(firstReplyP90Minutes, forKey: .firstReplyP90Minutes)
        try c.encode(resolutions, forKey: .resolutions)
        try c.encode(resolutionP50Minutes, forKey: .resolutionP50Minutes)
        try c.encode(resolutionP90Minutes, forKey: .resolutionP90Minutes)
        try c.encode(slaWithTarget, forKey: .slaWithTarget)
        try c.encode(slaBreached, forKey: .slaBreached)
        try c.encode(slaBreachRate, forKey: .slaBreachRate)
        try c.encode(reopened, forKey: .reopened)
        try c.encode(reopenRate, forKey: .reopenRate)
        try c.encode(satisfactionGood, forKey: .satisfactionGood)
        try c.encode(satisfactionBad, forKey: .satisfactionBad)
        try c.encode(scoreResponses, forKey: .scoreResponses)
        try c.encode(scoreMean, forKey: .scoreMean)
        try c.encode(satisfaction, forKey: .satisfaction)
        try c.encode(satisfactionResponses, forKey: .satisfactionResponses)
    }
}
