import HotlineModel

/// The callers to call back on a day: those who abandoned, timed out or hung up in the IVR that day and were not
/// answered (nor served by the menus) on a later call within the window after their last such attempt.
public struct CallbackList: Sendable {
    /// One inbound call of a known caller, as much of it as the list needs.
    public struct Attempt: Sendable {
        public var caller: CallerKey
        public var enqueuedAt: Instant
        public var endedAt: Instant
        public var wait: Milliseconds
        public var outcome: CallOutcome
        public var category: CallCategory
        public var queue: Symbol
        /// Within the queue and category filters: only such a missed call puts its caller on the list (a served
        /// call counts whatever its queue).
        public var inFilter = true

        public init(_ call: CallRecord, caller: CallerKey) {
            self.caller = caller
            enqueuedAt = call.enqueuedAt
            endedAt = call.endedAt
            wait = call.wait
            outcome = call.outcome
            category = call.category
            queue = call.queue
        }

        /// A try that reached nobody: abandoned (short ones too: the caller still wanted someone), timed out, or
        /// hung up in the menus.
        var isMissed: Bool { outcome == .abandoned || outcome == .timeout || outcome == .ivrAbandoned }
        /// A call that met the caller's need: answered by an agent, or served by the menus.
        var isServed: Bool { outcome == .answered || outcome == .transferred || outcome == .selfServed }
    }

    /// A caller to call back.
    public struct Row: Sendable {
        public var caller: CallerKey
        /// The first and last missed attempts of the day (since the caller was last served).
        public var firstAttempt: Instant
        public var lastAttempt: Instant
        public var attempts: Int
        public var longestWait: Milliseconds
        /// Of the last attempt.
        public var category: CallCategory
        public var queue: Symbol
    }

    /// The callers of local day `day` to call back, by last attempt, earliest first: the team calls back first those
    /// who have waited longest since. A served call counts when it is enqueued after the last missed attempt ended
    /// and at most `window` after it. Callers tied on their last attempt come by key, except two that are not
    /// phone numbers: by `callerText`, as their keys are numbered in the order read, which depends on the files
    /// read with them (the nightly job's list and `hotline callbacks` over the whole inbox read different ones).
    public static func rows(
        _ attempts: [Attempt], day: Int, calendar: LocalCalendar, window: Milliseconds,
        callerText: (CallerKey) -> String
    ) -> [Row] {
        let byCaller = Dictionary(grouping: attempts, by: \.caller)
        var rows: [Row] = []
        for (caller, calls) in byCaller {
            let calls = calls.sorted { $0.enqueuedAt < $1.enqueuedAt }
            let misses = calls.filter {
                $0.isMissed && $0.inFilter && Int(calendar.stamp($0.enqueuedAt).day) == day
            }
            guard let last = misses.last else { continue }
            // Served after the last miss, within the window: no callback needed.
            if calls.contains(where: {
                $0.isServed && $0.enqueuedAt > last.endedAt && $0.enqueuedAt - last.endedAt <= window
            }) {
                continue
            }
            // The misses since the caller was last served before the last one.
            let servedBefore = calls.last { $0.isServed && $0.enqueuedAt < last.enqueuedAt }?.enqueuedAt
            let run = misses.filter { miss in servedBefore.map { miss.enqueuedAt > $0 } ?? true }
            rows.append(
                Row(
                    caller: caller, firstAttempt: run.first?.enqueuedAt ?? last.enqueuedAt,
                    lastAttempt: last.enqueuedAt,
                    attempts: run.count, longestWait: run.map(\.wait).max() ?? last.wait, category: last.category,
                    queue: last.queue))
        }
        return rows.sorted { a, b in
            guard a.lastAttempt == b.lastAttempt else { return a.lastAttempt < b.lastAttempt }
            guard !a.caller.isPhoneNumber && !b.caller.isPhoneNumber else {
                return a.caller.rawValue < b.caller.rawValue
            }
            return callerText(a.caller) < callerText(b.caller)
        }
    }
}
