import HotlineModel

/// One Asterisk queue_log event, from either layout (raw `|` lines or a database-table export).
struct QueueLogEvent {
    enum Kind: Equatable {
        case enterQueue, connect, complete, transfer, abandon, exit, ringNoAnswer, agentSession, system, other
    }

    var time: Instant
    /// The callid as written, and a hash of it for look-ups.
    var callID: String
    var callKey: UInt64
    var queue: Symbol
    var agent: Symbol
    var name: String
    var kind: Kind
    /// ENTERQUEUE: the caller id.
    var caller: String
    /// data1 as written (PAUSE: the reason).
    var firstData: String
    /// Seconds in the queue before the event (CONNECT, COMPLETE*, TRANSFER, ABANDON, EXIT*).
    var holdSeconds: Double?
    /// Seconds talking (COMPLETE*, TRANSFER).
    var talkSeconds: Double?
    var location: RecordLocation

    static func kind(of name: String) -> Kind {
        switch name {
        case "ENTERQUEUE": .enterQueue
        case "CONNECT": .connect
        case "COMPLETECALLER", "COMPLETEAGENT": .complete
        case "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER": .transfer
        case "ABANDON": .abandon
        case "EXITWITHTIMEOUT", "EXITEMPTY", "EXITWITHKEY": .exit
        case "RINGNOANSWER", "RINGCANCELED": .ringNoAnswer
        case "AGENTLOGIN", "AGENTLOGOFF", "AGENTCALLBACKLOGIN", "AGENTCALLBACKLOGOFF", "ADDMEMBER", "REMOVEMEMBER",
            "PAUSE", "UNPAUSE", "PAUSEALL", "UNPAUSEALL":
            .agentSession
        case "QUEUESTART", "CONFIGRELOAD", "DID", "INFO", "ENTERQUEUE_NONE":
            .system
        default: .other
        }
    }

    /// Where the hold and talk seconds sit among `data1...` in the raw layout, by event.
    static func durations(name: String, data: [String]) -> (hold: Double?, talk: Double?) {
        func field(_ n: Int) -> Double? { n <= data.count ? Double(data[n - 1]) : nil }
        switch name {
        case "CONNECT": return (field(1), nil)
        case "COMPLETECALLER", "COMPLETEAGENT": return (field(1), field(2))
        case "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER": return (field(3), field(4))
        case "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY": return (field(3), nil)
        case "EXITWITHKEY": return (field(4), nil)
        default: return (nil, nil)
        }
    }

    /// FNV-1a of a callid: open calls are keyed by it.
    static func key(_ callID: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in callID.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return hash
    }
}
