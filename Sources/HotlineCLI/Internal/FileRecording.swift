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

    /// The rejects, in reading order.
    var rejects: [Reject] {
        events.compactMap { if case .reject(let reject) = $0 { reject } else { nil } }
    }

    /// The records held (calls, rejects and the rest): what its memory grows with.
    var eventCount: Int { events.count }

    /// The local days of the calls offered to a queue, sorted: the days a pass over the file alone has calls on
    /// (``CallAggregates/byDay``, whose calls ending in the IVR are not offered).
    func callDays(calendar: LocalCalendar) -> [Int32] {
        var days = Set<Int32>()
        var last = Int32.min
        for case .call(let call) in events where !call.outcome.endsInIVR {
            let day = calendar.stamp(call.enqueuedAt).day
            if day != last { days.insert(day) }
            last = day
        }
        return days.sorted()
    }

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
