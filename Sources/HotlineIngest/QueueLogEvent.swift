import HotlineModel

/// One Asterisk queue_log event, from either layout (raw `|` lines or a database-table export).
struct QueueLogEvent {
    enum Kind: UInt8 {
        case enterQueue, connect, complete, transfer, abandon, exit, ringNoAnswer, login, logoff, pause, unpause, system
        case other
        /// `DID|<did>`: the call arrived from a trunk (before any menu).
        case did
        /// `INFO`: an `IVRAPPEND` (a menu choice, ``ivrAppend``) or a system event; told apart by data1.
        case info
        /// `INFO|IVRAPPEND|<choice>|<ivr id>|<ivr name>`: the caller chose in a menu (FreePBX's QueueMetrics
        /// module writes it with queue `NONE` and the caller's uniqueid, before the call's ENTERQUEUE).
        case ivrAppend

        var isAgentSession: Bool { self == .login || self == .logoff || self == .pause || self == .unpause }
    }

    /// What an event name means: its kind and where its hold and talk seconds are among `data1...` (raw layout).
    struct Meaning {
        var kind: Kind
        var holdField: Int?
        var talkField: Int?

        init(name: String) {
            switch name {
            case "ENTERQUEUE": (kind, holdField, talkField) = (.enterQueue, nil, nil)
            case "CONNECT": (kind, holdField, talkField) = (.connect, 1, nil)
            case "COMPLETECALLER", "COMPLETEAGENT": (kind, holdField, talkField) = (.complete, 1, 2)
            case "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER": (kind, holdField, talkField) = (.transfer, 3, 4)
            case "ABANDON": (kind, holdField, talkField) = (.abandon, 3, nil)
            case "EXITWITHTIMEOUT", "EXITEMPTY": (kind, holdField, talkField) = (.exit, 3, nil)
            case "EXITWITHKEY": (kind, holdField, talkField) = (.exit, 4, nil)
            case "RINGNOANSWER", "RINGCANCELED": (kind, holdField, talkField) = (.ringNoAnswer, nil, nil)
            case "AGENTLOGIN", "AGENTCALLBACKLOGIN", "ADDMEMBER": (kind, holdField, talkField) = (.login, nil, nil)
            case "AGENTLOGOFF", "AGENTCALLBACKLOGOFF", "REMOVEMEMBER":
                (kind, holdField, talkField) = (.logoff, nil, nil)
            case "PAUSE", "PAUSEALL": (kind, holdField, talkField) = (.pause, nil, nil)
            case "UNPAUSE", "UNPAUSEALL": (kind, holdField, talkField) = (.unpause, nil, nil)
            case "DID": (kind, holdField, talkField) = (.did, nil, nil)
            case "INFO": (kind, holdField, talkField) = (.info, nil, nil)
            case "QUEUESTART", "CONFIGRELOAD", "ENTERQUEUE_NONE":
                (kind, holdField, talkField) = (.system, nil, nil)
            default: (kind, holdField, talkField) = (.other, nil, nil)
            }
        }
    }

    var time: Instant
    /// The callid as read, where it lies in the reader's buffer: valid only while the event's line is handled.
    /// ENTERQUEUE's is copied by the open call, for messages about calls that never end; the others are not kept.
    /// Not a String: making and freeing one a call, and destroying it with each line, was 5% of reading a queue_log.
    var callIDBytes: UnsafeBufferPointer<UInt8>
    /// FNV-1a of the callid's bytes: open calls are keyed by it.
    var callKey: UInt64
    var queue: Symbol
    var agent: Symbol
    var name: Symbol
    var kind: Kind
    /// ENTERQUEUE: the caller, nil when empty or anonymous.
    var caller: CallerKey?
    /// PAUSE: the reason.
    var reason: Symbol
    /// IVRAPPEND: the menu as a node (its name, else its id), the other of the two (the id when a name was
    /// given), and the choice.
    var ivrNode: Symbol = .none
    var ivrOther: Symbol = .none
    var ivrChoice: Symbol = .none
    /// Seconds in the queue before the event (CONNECT, COMPLETE*, TRANSFER, ABANDON, EXIT*).
    var holdSeconds: Double?
    /// Seconds talking (COMPLETE*, TRANSFER).
    var talkSeconds: Double?
    var location: RecordLocation

    @inline(__always) static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { CallRecord.key(bytes) }

    static func key(_ callID: String) -> UInt64 {
        Array(callID.utf8).withUnsafeBufferPointer { key($0) }
    }
}
