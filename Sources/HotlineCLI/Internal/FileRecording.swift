import HotlineIngest
import HotlineModel

/// What reading one file gave, kept in reading order to be given again to any number of sinks: the nightly job
/// reads each file of the night once and aggregates the days around it from the recording.
///
/// Only files whose reading does not depend on the other files read with them can be recorded
/// (``canStandAlone(_:)``): a queue log completes calls from the next rotated log, a ticket export drops the
/// tickets an earlier export already gave.
final class FileRecording: IngestSink {
    enum Event {
        case call(CallRecord)
        case ticket(TicketRecord)
        case agentEvent(AgentEvent)
        case reject(Reject)
    }

    private(set) var events: [Event] = []
    /// The file's summary, once read.
    var summary: InputSummary

    init(path: String) { summary = InputSummary(path: path) }

    /// Whether a file of this format reads the same alone as among other files.
    static func canStandAlone(_ format: InputFormat?) -> Bool {
        switch format {
        case .callsCSV, .asteriskCDR, .freeswitchXMLCDR, .freeswitchCDRCSV: true
        case .asteriskQueueLog, .ticketsCSV, .ticketsXML, .ticketsJSON, nil: false
        }
    }

    func call(_ call: CallRecord) { events.append(.call(call)) }
    func ticket(_ ticket: TicketRecord) { events.append(.ticket(ticket)) }
    func agentEvent(_ event: AgentEvent) { events.append(.agentEvent(event)) }
    func reject(_ reject: Reject) { events.append(.reject(reject)) }

    /// Gives the file's records to `sink` in the order they were read.
    func replay(into sink: any IngestSink) {
        for event in events {
            switch event {
            case .call(let call): sink.call(call)
            case .ticket(let ticket): sink.ticket(ticket)
            case .agentEvent(let event): sink.agentEvent(event)
            case .reject(let reject): sink.reject(reject)
            }
        }
    }
}
