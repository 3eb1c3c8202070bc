import Foundation
import HotlineModel
import Logging
import Testing

@testable import HotlineIngest

/// Whether a run's files hold a ticket export (the journey keeps calls only then): a plain XML CDR is told apart
/// from its first 4 KB, anything else is probed as it is read.
struct TicketExportProbeTests {
    let cdr = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/freeswitch/answered.cdr.xml").path

    func scratch(_ name: String, _ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "hotline-probe-\(UUID().uuidString)-" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func ingest() -> InputIngest {
        let symbols = SymbolTable()
        return InputIngest(
            context: ReadContext(symbols: symbols, calendar: LocalCalendar(zone: .gmt, intervalMinutes: 30)),
            classifier: Classifier(rules: .default, symbols: symbols),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    @Test func aFreeSwitchCDRIsPlainlyNoTicketExport() {
        #expect(InputIngest.plainlyXMLCDR(cdr))
        #expect(!ingest().holdsTicketExport([cdr]))
    }

    @Test func ticketXMLWithACDRLikeElementAfterItsTicketIsProbedAndFound() throws {
        let tickets = try scratch(
            "tickets.xml",
            "<?xml version=\"1.0\"?>\n<tickets><ticket><nice-id>1</nice-id><cdr_id>9</cdr_id>"
                + "<created-at>2026-11-16T01:00:00Z</created-at><status-id>1</status-id></ticket></tickets>\n")
        defer { try? FileManager.default.removeItem(atPath: tickets) }
        #expect(!InputIngest.plainlyXMLCDR(tickets))
        #expect(ingest().holdsTicketExport([cdr, tickets]))
    }

    @Test func aCSVNamingACDRInItsTextIsNotTakenForOne() throws {
        let csv = try scratch("tickets.csv", "Id,Subject,Status,Created at\n1,<cdr> missing,open,2026-11-16 09:00\n")
        defer { try? FileManager.default.removeItem(atPath: csv) }
        #expect(!InputIngest.plainlyXMLCDR(csv))
    }
}
