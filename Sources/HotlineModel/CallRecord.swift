/// One inbound or outbound call, whatever format it was read from.
///
/// Strings that repeat (queue, agent, labels) are interned as ``Symbol``s of the run's ``SymbolTable``, and the
/// caller as a ``CallerKey``, so the hot path never allocates a `String` per record.
public struct CallRecord: Equatable, Sendable {
    /// Where the record came from, for rejects and data quality.
    public var location: RecordLocation
    /// The source's call id, hashed (``CallRecord/key(_:)``); 0 when the source has none. Legs of one call (a
    /// transfer into another queue) share it, so one never makes the other a repeat call.
    public var callKey: UInt64
    public var queue: Symbol
    /// The raw category label of the source (`category` column), before classification.
    public var label: Symbol
    public var ivrPath: Symbol
    /// Time spent in the IVR menus, when the source gives it (`ivr_s`).
    public var ivrTime: Milliseconds?
    /// The category the IVR path alone gives, set by the classifier; nil without a path or when no rule matches
    /// it (a misroute compares it with the final category).
    public var ivrCategory: CallCategory?
    /// Set by the classifier.
    public var category: CallCategory
    /// Set by the classifier; ``Symbol/none`` when no subcategory is known.
    public var subcategory: Symbol
    public var direction: CallDirection
    /// The caller, or nil when empty or anonymous.
    public var caller: CallerKey?
    public var agent: Symbol
    public var enqueuedAt: Instant
    public var answeredAt: Instant?
    public var endedAt: Instant
    public var wait: Milliseconds
    public var talk: Milliseconds
    public var hold: Milliseconds
    public var wrap: Milliseconds
    public var outcome: CallOutcome
    /// Satisfaction score 1-5, when the caller answered the survey.
    public var csat: Int8?
    /// Net-promoter score 0-10, when the source carries one.
    public var nps: Int8?

    public init(
        location: RecordLocation, callKey: UInt64 = 0, queue: Symbol = .none, label: Symbol = .none,
        ivrPath: Symbol = .none, ivrTime: Milliseconds? = nil,
        category: CallCategory = .other, subcategory: Symbol = .none, direction: CallDirection = .inbound,
        caller: CallerKey? = nil, agent: Symbol = .none, enqueuedAt: Instant, answeredAt: Instant? = nil,
        endedAt: Instant, wait: Milliseconds = 0, talk: Milliseconds = 0, hold: Milliseconds = 0,
        wrap: Milliseconds = 0, outcome: CallOutcome, csat: Int8? = nil, nps: Int8? = nil
    ) {
        self.location = location
        self.callKey = callKey
        self.queue = queue
        self.label = label
        self.ivrPath = ivrPath
        self.ivrTime = ivrTime
        self.ivrCategory = nil
        self.category = category
        self.subcategory = subcategory
        self.direction = direction
        self.caller = caller
        self.agent = agent
        self.enqueuedAt = enqueuedAt
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.wait = wait
        self.talk = talk
        self.hold = hold
        self.wrap = wrap
        self.outcome = outcome
        self.csat = csat
        self.nps = nps
    }

    /// Talk + hold + after-call work.
    @inlinable @inline(__always) public var handleTime: Milliseconds { talk + hold + wrap }

    /// The key of a call id: FNV-1a over its bytes, never 0 (0 is "no call id").
    @inlinable public static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return hash == 0 ? 1 : hash
    }

    /// The key of a call id given as text; 0 for an empty one.
    public static func key(_ callID: String) -> UInt64 {
        callID.isEmpty ? 0 : Array(callID.utf8).withUnsafeBufferPointer { key($0) }
    }

    /// True when the call reached an agent (answered or transferred).
    @inlinable @inline(__always) public var isAnswered: Bool { outcome == .answered || outcome == .transferred }

    /// An IVR call (docs/METRICS.md, "IVR"): it went through the menus (a path) or ended in them.
    @inlinable @inline(__always) public var isIVRCall: Bool { !ivrPath.isNone || outcome.endsInIVR }
}

/// How a queued call left the queue, or how a call that never reached a queue left the IVR.
public enum CallOutcome: UInt8, CaseIterable, Sendable {
    case answered, abandoned, timeout, transferred, callback
    /// Its need met by the menus (a balance, transaction records): never offered to a queue.
    case selfServed
    /// Hung up in the menus: never offered to a queue.
    case ivrAbandoned

    public var name: String {
        switch self {
        case .answered: "answered"
        case .abandoned: "abandoned"
        case .timeout: "timeout"
        case .transferred: "transferred"
        case .callback: "callback"
        case .selfServed: "self_served"
        case .ivrAbandoned: "ivr_abandoned"
        }
    }

    /// The call ended in the IVR and was never offered to a queue: it stays out of every queue figure.
    @inlinable @inline(__always) public var endsInIVR: Bool { self == .selfServed || self == .ivrAbandoned }
}

public enum CallDirection: UInt8, Sendable, Equatable {
    /// From a customer to the hotline: the calls the queue figures count.
    case inbound
    /// From the hotline out (callbacks, outbound campaigns): counted in data quality, left out of queue figures.
    case outbound
    /// Extension to extension inside the PBX: counted in data quality, left out of queue figures.
    case `internal`
}

/// The file and 1-based line (or record number) a record starts at.
public struct RecordLocation: Hashable, Sendable {
    /// Index into the run's list of input files.
    public var file: Int32
    public var line: Int32

    public init(file: Int32, line: Int32) {
        self.file = file
        self.line = line
    }
}
