/// The input formats `hotline` knows, by the names `--input-format` and the reports use.
public enum InputFormat: String, CaseIterable, Sendable {
    case callsCSV = "calls-csv"
    case asteriskQueueLog = "asterisk-queue-log"
    case asteriskCDR = "asterisk-cdr"
    case freeswitchXMLCDR = "freeswitch-xml-cdr"
    case freeswitchCDRCSV = "freeswitch-cdr-csv"
    case ticketsCSV = "tickets-csv"
    case ticketsXML = "tickets-xml"
    case ticketsJSON = "tickets-json"

    /// A help-desk ticket export rather than a call log.
    public var isTickets: Bool { self == .ticketsCSV || self == .ticketsXML || self == .ticketsJSON }

    /// What a file of this format that gave no record holds, for the one-line error (the ticket readers say more).
    public var nothingFound: String {
        switch self {
        case .callsCSV: "a header row and no call rows"
        case .asteriskQueueLog: "no queue_log event"
        case .asteriskCDR, .freeswitchCDRCSV: "no CDR line"
        case .freeswitchXMLCDR: "no <cdr> element"
        case .ticketsCSV: "a header row and no ticket rows"
        case .ticketsXML: "no <ticket> element"
        case .ticketsJSON: "no ticket object"
        }
    }
}
