/// A record that could not be accepted, with where it is and why.
///
/// `description` renders `file:line: field: reason`, the form every message about a record takes.
public struct Reject: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line of the record's start (or record number where the format has no lines).
    public var line: Int
    /// The field at fault, or `record` when the record as a whole is.
    public var field: String
    public var kind: RejectKind
    /// The specific reason, e.g. `expected 1-5, found 7`.
    public var detail: String
    /// The record as read, with caller numbers masked unless asked otherwise.
    public var raw: String

    public init(file: String, line: Int, field: String, kind: RejectKind, detail: String, raw: String = "") {
        self.file = file
        self.line = line
        self.field = field
        self.kind = kind
        self.detail = detail
        self.raw = raw
    }

    public var description: String { "\(file):\(line): \(field): \(detail)" }
}

/// The reasons a record is rejected; reports count rejects by these.
public enum RejectKind: String, CaseIterable, Sendable, Comparable {
    case missingID = "missing id"
    case fieldCount = "wrong field count"
    case badTime = "bad or missing time"
    case answeredBeforeEnqueued = "answered before enqueued"
    case endedBeforeEnqueued = "ended before enqueued"
    case endedBeforeAnswered = "ended before answered"
    case badDuration = "bad duration"
    case unknownOutcome = "unknown outcome"
    case unknownDirection = "unknown direction"
    case inconsistentOutcome = "outcome contradicts times"
    case scoreOutOfRange = "score out of range"
    case badEncoding = "undecodable bytes"
    case badQuoting = "malformed quoting"
    case recordTooLong = "record too long"
    case incompleteCall = "incomplete call"
    case malformedXML = "malformed XML"
    case unknownStatus = "unknown status"
    case unknownPriority = "unknown priority"
    case badNumber = "bad number"
    case replyBeforeCreated = "reply before created"
    case solvedBeforeCreated = "solved before created"
    case duplicateTicket = "duplicate ticket"
    /// NUL or another C0 control byte (not TAB, LF, CR) inside a field the figures use.
    case controlByte = "control byte"
    /// A JSON record that is not a JSON object (bad syntax, or an array or a number where a ticket should be).
    case malformedJSON = "malformed JSON"
    /// A JSON record nested deeper than ``TicketsJSONReader`` reads.
    case nestingTooDeep = "nesting too deep"

    public static func < (a: RejectKind, b: RejectKind) -> Bool {
        // Declaration order, so summaries list reasons the same way every time.
        guard let i = allCases.firstIndex(of: a), let j = allCases.firstIndex(of: b) else { return false }
        return i < j
    }
}
