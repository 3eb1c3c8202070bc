import HotlineModel

/// Mergeable ticket counts and histograms for one row of a report.
///
/// A ticket adds to the row of the day it was created (created, first reply) and to the row of the day it was
/// solved (solved, resolution, SLA, reopens, satisfaction), which may be different rows.
public struct TicketAccumulator: Sendable, Equatable {
    public var created = 0
    /// Reply times of created tickets with a reply, in minutes.
    public var firstReply = WaitHistogram()
    public var solved = 0
    /// Resolution times of solved tickets, in minutes.
    public var resolution = WaitHistogram()
    public var slaWithTarget = 0
    public var slaBreached = 0
    /// Solved tickets whose reopen count is known, and those reopened at least once.
    public var reopenKnown = 0
    public var reopened = 0
    public var good = 0
    public var bad = 0
    public var scores = 0
    public var scoreSum = 0
    public var scoresSatisfied = 0

    public init() {}

    public mutating func merge(_ o: TicketAccumulator) {
        created += o.created
        firstReply.merge(o.firstReply)
        solved += o.solved
        resolution.merge(o.resolution)
        slaWithTarget += o.slaWithTarget
        slaBreached += o.slaBreached
        reopenKnown += o.reopenKnown
        reopened += o.reopened
        good += o.good
        bad += o.bad
        scores += o.scores
        scoreSum += o.scoreSum
        scoresSatisfied += o.scoresSatisfied
    }

    public var isEmpty: Bool { created == 0 && solved == 0 }
}

/// What one ticket adds, computed once and applied to every row it belongs to.
struct TicketContribution {
    var replyDuration: Milliseconds?
    var resolutionDuration: Milliseconds?
    var hasTarget = false
    var breached = false
    var reopens: Int?
    var satisfaction: TicketSatisfaction?
    var satisfiedScore = 4

    func addCreated(to acc: inout TicketAccumulator) {
        acc.created += 1
        if let replyDuration { acc.firstReply.add(minutesOf: replyDuration) }
    }

    func addSolved(to acc: inout TicketAccumulator) {
        acc.solved += 1
        if let resolutionDuration { acc.resolution.add(minutesOf: resolutionDuration) }
        if hasTarget {
            acc.slaWithTarget += 1
            if breached { acc.slaBreached += 1 }
        }
        if let reopens {
            acc.reopenKnown += 1
            if reopens > 0 { acc.reopened += 1 }
        }
        switch satisfaction {
        case .good: acc.good += 1
        case .bad: acc.bad += 1
        case .score(let s):
            acc.scores += 1
            acc.scoreSum += Int(s)
            if Int(s) >= satisfiedScore { acc.scoresSatisfied += 1 }
        case nil: break
        }
    }
}
