import HotlineModel

/// What an agent's state changes add up to in a period: logged-in and paused time, rings not answered.
public struct AgentActivity: Sendable, Equatable {
    public var loggedIn: Milliseconds = 0
    public var paused: Milliseconds = 0
    public var ringNoAnswer = 0
    /// Paused time by the reason given with PAUSE.
    public var pausedByReason: [Symbol: Milliseconds] = [:]

    public init() {}

    /// Replays one agent's events in time order. Logged-in time runs from a login to the next logoff, paused time
    /// from a pause to the next unpause while logged in; a session still open when the data ends closes at
    /// `dataEnd`. Both are clipped to `period`.
    static func replay(_ events: [AgentEvent], period: Range<Int64>, dataEnd: Instant) -> AgentActivity {
        var activity = AgentActivity()
        var loggedInSince: Instant?
        var pausedSince: Instant?
        var pauseReason = Symbol.none
        func overlap(_ from: Instant, _ to: Instant) -> Milliseconds {
            max(0, min(to.milliseconds, period.upperBound) - max(from.milliseconds, period.lowerBound))
        }
        func endPause(at t: Instant) {
            guard let since = pausedSince else { return }
            let length = overlap(since, t)
            activity.paused += length
            activity.pausedByReason[pauseReason, default: 0] += length
            pausedSince = nil
        }
        for event in events.sorted(by: { $0.time < $1.time }) {
            switch event.kind {
            case .login:
                if loggedInSince == nil { loggedInSince = event.time }
            case .logoff:
                endPause(at: event.time)
                if let since = loggedInSince { activity.loggedIn += overlap(since, event.time) }
                loggedInSince = nil
            case .pause(let reason):
                if loggedInSince != nil && pausedSince == nil {
                    pausedSince = event.time
                    pauseReason = reason
                }
            case .unpause:
                endPause(at: event.time)
            case .ringNoAnswer:
                if period.contains(event.time.milliseconds) { activity.ringNoAnswer += 1 }
            }
        }
        let end = max(dataEnd, events.map(\.time).max() ?? dataEnd)
        endPause(at: end)
        if let since = loggedInSince { activity.loggedIn += overlap(since, end) }
        return activity
    }
}
