import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

@Suite struct FreeSwitchCDRTests {
    typealias H = IngestHarness
    static let folder = H.fixtures + "/freeswitch"
    static let zero = Instant(seconds: 1_794_794_400)

    func read(_ name: String) -> H { H.read(path: Self.folder + "/" + name) }

    @Test func aQueuedCallAnsweredByAnAgentTakesItsTimesFromTheCallCenterVariables() throws {
        let h = read("answered.cdr.xml")
        let call = try #require(h.calls.first)
        #expect(h.summary.format == .freeswitchXMLCDR)
        #expect(call.enqueuedAt == Self.zero)
        #expect(call.wait == 12_000 && call.talk == 300_000 && call.outcome == .answered)
        #expect(h.symbols[call.queue] == "hotline-cn")  // URL-decoded, domain dropped
        #expect(h.symbols[call.agent] == "1002@default")
    }

    @Test func cancelledQueueCallsAreAbandonedOrTimedOutByTheirReason() throws {
        let abandoned = try #require(read("abandoned.cdr.xml").calls.first)
        #expect(abandoned.outcome == .abandoned && abandoned.wait == 45_000)
        let timeout = try #require(read("timeout.cdr.xml").calls.first)
        #expect(timeout.outcome == .timeout && timeout.wait == 300_000)
        #expect(timeout.caller != nil)  // %2B86... decoded to +86...
    }

    @Test func twoConcatenatedDocumentsAreTwoPlainLegs() {
        let h = read("two-legs.cdr.xml")
        #expect(h.summary.records == 2 && h.summary.accepted == 2)
        #expect(h.calls.map(\.outcome) == [.answered, .timeout])
        #expect(h.calls.map(\.wait) == [6_000, 30_000])
        #expect(h.calls.map(\.queue) == [.none, .none])
    }

    @Test func callflowTimesInMicrosecondsStandInForMissingEpochs() throws {
        let call = try #require(read("callflow-times.cdr.xml").calls.first)
        #expect(call.enqueuedAt == Self.zero + 400_000)
        #expect(call.endedAt == Self.zero + 415_000)
        #expect(call.outcome == .abandoned)
    }

    @Test func outboundLegsAreCountedButLeftOut() {
        let h = read("outbound.cdr.xml")
        #expect(h.calls.isEmpty && h.summary.outbound == 1 && h.summary.accepted == 1)
    }

    @Test func aWholeDirectoryIsReadFileByFile() {
        let (h, summaries) = H.read(paths: InputResolver.resolve([Self.folder]).files)
        #expect(summaries.count == 6)
        #expect(h.calls.count == 6)
        #expect(summaries.allSatisfy { $0.error == nil && $0.rejected == 0 })
    }
}

/// Hostile XML: each is refused with a clear message, quickly and without growing memory.
@Suite struct XMLSecurityTests {
    typealias H = IngestHarness

    func read(_ text: String) throws -> H { try H.read(Array(text.utf8), name: "hostile.cdr.xml") }

    static let variables = "<variables><start_epoch>1794794400</start_epoch><end_epoch>1794794460</end_epoch>"

    @Test func anExternalEntityIsNeverResolved() throws {
        let h = try read(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE cdr [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<cdr>\(Self.variables)"
                + "<caller_id_number>&x;</caller_id_number></variables></cdr>\n")
        #expect(h.calls.isEmpty)
        #expect(h.summary.error?.reason.contains("DOCTYPE") == true)
    }

    @Test func billionLaughsIsRefusedBeforeAnyExpansion() throws {
        var dtd = "<!ENTITY lol \"lol\">"
        for level in 1...9 {
            dtd +=
                "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10)
                + "\">"
        }
        let h = try read(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE cdr [\(dtd)]>\n<cdr>\(Self.variables)<x>&lol9;</x></variables></cdr>")
        #expect(h.calls.isEmpty)
        #expect(h.summary.error?.reason.contains("DOCTYPE") == true)
    }

    @Test func aDoctypeAfterFourHundredCDRsCostsNoneOfThem() throws {
        let cdr = "<?xml version=\"1.0\"?>\n<cdr>\(Self.variables)</variables></cdr>\n"
        let h = try read(
            String(repeating: cdr, count: 400) + "<?xml version=\"1.0\"?>\n<!DOCTYPE cdr [<!ENTITY x \"y\">]>\n" + cdr)
        #expect(h.calls.count == 400)
        #expect(h.summary.accepted == 400)
        #expect(
            h.summary.error?.reason
                == "reading stopped: after 400 records, malformed XML: a DOCTYPE declaration (DTDs and entities are not accepted)"
        )
    }

    @Test func aCDRCutShortAfterOthersNamesTheEndOfTheFileNotTheWrapper() throws {
        let cdr = "<cdr>\(Self.variables)</variables></cdr>\n"
        let h = try read(cdr + cdr + "<cdr>\(Self.variables)")
        #expect(h.calls.count == 2)
        let error = h.summary.error?.reason ?? ""
        #expect(error.hasPrefix("reading stopped: after 2 records, malformed XML: line "))
        #expect(!error.contains("hotline-documents"))
    }

    @Test func anUndeclaredEntityIsAnErrorNotAnExpansion() throws {
        let h = try read("<cdr>\(Self.variables)<caller_id_number>&x;</caller_id_number></variables></cdr>")
        #expect(h.calls.isEmpty)
        #expect(h.summary.error?.reason.hasPrefix("not a call log or ticket export: malformed XML: line 1:") == true)
        #expect(h.summary.rejectedByKind == [.malformedXML: 1])
    }

    @Test func tenThousandLevelsOfNestingStopAtTheDepthLimit() throws {
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let h = try read("<cdr>\(Self.variables)</variables>\(deep)</cdr>")
        #expect(h.calls.isEmpty)
        #expect(h.summary.error?.reason.contains("depth") == true)
    }

    @Test func aHundredMegabyteTextNodeStopsAtTheTextLimit() throws {
        let huge = String(repeating: "A", count: 100 << 20)
        let h = try read("<cdr>\(Self.variables)<caller_id_number>\(huge)</caller_id_number></variables></cdr>")
        #expect(h.calls.isEmpty)
        #expect(h.summary.error != nil)
    }

    @Test func brokenXMLIsCountedAsARejectedRecordAndTheFileNamedWithTheLine() throws {
        let good = "<cdr>\(Self.variables)</variables></cdr>\n"
        let h = try read(good + "<cdr>\(Self.variables)<x>unclosed</variables></cdr>\n")
        // libxml2 parses ahead, so in a file this small the good record before the break may not be delivered.
        #expect(h.summary.records == h.summary.accepted + h.summary.rejected)
        #expect(h.summary.rejectedByKind == [.malformedXML: 1])
        #expect(h.summary.error?.reason.contains("line 2:") == true)
    }
}
