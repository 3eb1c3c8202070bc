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
        for score in 1...5 { csatCounts[score] += other.csatCounts[score] }
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
