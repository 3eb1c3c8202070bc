import HotlineModel

/// The mergeable tallies behind every call figure of METRICS.md, for one group of calls.
///
/// Only counts, sums, a maximum and an exact histogram: two accumulators merge into the one their calls would
/// have made together, so a month is the merge of its days and shards merge into the whole.
public struct CallAccumulator: Sendable, Equatable {
    public var offered = 0
    public var answered = 0
    public var transferred = 0
    public var abandoned = 0
    public var shortAbandoned = 0
    public var timedOut = 0
    public var callback = 0
    public var answeredWithinThreshold = 0
    public var answeredWaitSum: Milliseconds = 0
    public var handleTimeSum: Milliseconds = 0
    public var longestWait: Milliseconds?
    public var waits = WaitHistogram()
    /// Counts of CSAT scores 1...5: five fields rather than an array, so an accumulator holds no heap storage
    /// but its histogram.
    public var csat1 = 0
    public var csat2 = 0
    public var csat3 = 0
    public var csat4 = 0
    public var csat5 = 0
    public var npsPromoters = 0
    public var npsPassives = 0
    public var npsDetractors = 0
    /// Answered calls with a known caller: the repeat-call denominator.
    public var repeatEligible = 0
    public var repeats = 0

    public init() {}

    /// Adds one inbound call held to the default service-level threshold.
    @inline(__always) public mutating func add(_ call: CallRecord, settings: MetricSettings) {
        add(call, threshold: settings.serviceLevelMillis, settings: settings)
    }

    /// Adds one inbound call answered in service when it waited at most `threshold` (its queue's or category's).
    @inline(__always) public mutating func add(_ call: CallRecord, threshold: Milliseconds, settings: MetricSettings) {
        offered += 1
        longestWait = max(longestWait ?? 0, call.wait)
        switch call.outcome {
        case .answered, .transferred:
            answered += 1
            if call.outcome == .transferred { transferred += 1 }
            answeredWaitSum += call.wait
            handleTimeSum += call.handleTime
            waits.add(call.wait)
            if call.wait <= threshold { answeredWithinThreshold += 1 }
            if call.caller != nil { repeatEligible += 1 }
        case .abandoned:
            if call.wait < settings.shortAbandonMillis { shortAbandoned += 1 } else { abandoned += 1 }
        case .timeout:
            timedOut += 1
        case .callback:
            callback += 1
        case .selfServed, .ivrAbandoned:
            // Never offered to a queue: the aggregator keeps them out (docs/METRICS.md, "IVR").
            break
        }
        if let csat = call.csat {
            switch csat {
            case 1: csat1 += 1
            case 2: csat2 += 1
            case 3: csat3 += 1
            case 4: csat4 += 1
            default: csat5 += 1
            }
        }
        if let nps = call.nps {
            if nps >= 9 {
                npsPromoters += 1
            } else if nps >= 7 {
                npsPassives += 1
            } else {
                npsDetractors += 1
            }
        }
    }

    /// Counts of CSAT scores, index 0 for score 1.
    public var csatCounts: [Int] { [csat1, csat2, csat3, csat4, csat5] }
}
