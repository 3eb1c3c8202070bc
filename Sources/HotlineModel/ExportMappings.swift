/// How an export's own names and words map onto hotline's: the configuration's `calls_csv`, `asterisk_cdr.contexts`,
/// `tickets` and `ivr` mappings (docs/CONFIG.md). One value, held by the configuration and handed whole to every reader,
/// so a new mapping is one field here and one key in the configuration loader.
public struct ExportMappings: Sendable, Equatable {
    /// calls-csv columns under other names: native column (`call_id`) -> the export's header (`Call ID`).
    public var callsColumns: [String: String] = [:]
    /// Export words for outcomes (`已接听` -> answered) and directions (`呼入` -> inbound), lower-cased.
    public var outcomeWords: [String: CallOutcome] = [:]
    public var directionWords: [String: CallDirection] = [:]
    /// The date order of calls-csv exports; ISO 8601 dates are read whatever it says.
    public var callsDateOrder = DateOrder.ymd
    /// Directions of Asterisk dialplan contexts (lower-cased), over the FreePBX conventions.
    public var cdrContexts: [String: CallDirection] = [:]
    /// Ticket export columns under other names: ticket field (`created_at`) -> the export's header.
    public var ticketColumns: [String: String] = [:]
    /// Ticket XML elements under other names: ticket field -> element name.
    public var ticketElements: [String: String] = [:]
    /// Export words for ticket statuses and priorities, lower-cased.
    public var ticketStatusWords: [String: TicketStatus] = [:]
    public var ticketPriorityWords: [String: TicketPriority] = [:]
    /// The date order of tickets-csv exports.
    public var ticketsDateOrder = DateOrder.ymd
    /// How the PBX formats tell IVR calls (`ivr`).
    public var ivr = IVRSettings()

    public init() {}
}
