/// A change in an agent's state, from a queue log: what agent figures (logged-in and paused time, occupancy,
/// rings not answered) are built from.
public struct AgentEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// AGENTLOGIN, AGENTCALLBACKLOGIN, ADDMEMBER.
        case login
        /// AGENTLOGOFF, AGENTCALLBACKLOGOFF, REMOVEMEMBER.
        case logoff
        /// PAUSE, PAUSEALL, with the reason given.
        case pause(reason: Symbol)
        /// UNPAUSE, UNPAUSEALL.
        case unpause
        /// RINGNOANSWER: the agent was rung for a call and did not answer.
        case ringNoAnswer
    }

    public var agent: Symbol
    public var time: Instant
    public var kind: Kind

    public init(agent: Symbol, time: Instant, kind: Kind) {
        self.agent = agent
        self.time = time
        self.kind = kind
    }
}
