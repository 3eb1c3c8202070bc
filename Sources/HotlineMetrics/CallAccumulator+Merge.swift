extension CallAccumulator {
    /// Adds the calls of `other` to these.
    public mutating func merge(_ other: CallAccumulator) {
        offered += other.offered
        answered += other.answered
        transferred += other.transferred
        abandoned += other.abandoned
        shortAbandoned += other.shortAbandoned
        timedOut += other.timedOut
        callback += other.callback
        answeredWithinThreshold += other.answeredWithinThreshold
        answeredWaitSum += other.answeredWaitSum
        handleTimeSum += other.handleTimeSum
        if let longest = other.longestWait { longestWait = max(longestWait ?? 0, longest) }
        waits.merge(other.waits)
        csat1 += other.csat1
        csat2 += other.csat2
        csat3 += other.csat3
        csat4 += other.csat4
        csat5 += other.csat5
        npsPromoters += other.npsPromoters
        npsPassives += other.npsPassives
        npsDetractors += other.npsDetractors
        repeatEligible += other.repeatEligible
        repeats += other.repeats
    }

    public func merging(_ other: CallAccumulator) -> CallAccumulator {
        var copy = self
        copy.merge(other)
        return copy
    }
}
