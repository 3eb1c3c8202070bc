import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// How CDR legs become calls: queue legs answered only by a bridged agent, legs of one channel merged by
/// uniqueid, directions from the dialplan context, and the FreePBX and FreeSWITCH CSV layouts.
@Suite struct CDRCallTests {
    typealias H = IngestHarness

    /// An 18-field cdr_csv line (accountcode ... amaflags, uniqueid, userfield), every text field quoted.
    static func leg(
        src: String = "13800000001", dst: String = "500", context: String = "ext-queues",
        channel: String = "SIP/trunk-00000001", dstChannel: String = "", app: String = "Queue",
        data: String = "500,t,,,300", start: String, answer: String = "", seconds: Int, billsec: Int,
        disposition: String = "ANSWERED", uniqueid: String
    ) -> String {
        let end = Self.time(start, plus: seconds)
        let text = [
            "", src, dst, context, "\"Caller\" <\(src)>", channel, dstChannel, app, data, start, answer, end,
        ].map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return
            (text + ["\(seconds)", "\(billsec)", "\"\(disposition)\"", "\"DOCUMENTATION\"", "\"\(uniqueid)\"", "\"\""])
            .joined(separator: ",")
    }

    /// `YYYY-MM-DD HH:MM:SS` plus `seconds` (same day).
    static func time(_ start: String, plus seconds: Int) -> String {
        let parts = start.split(separator: " ")
        let hms = parts[1].split(separator: ":").compactMap { Int($0) }
        let total = hms[0] * 3600 + hms[1] * 60 + hms[2] + seconds
        return String(format: "%@ %02d:%02d:%02d", String(parts[0]), total / 3600, total / 60 % 60, total % 60)
    }

    @Test func aQueueLegAnsweredByQueueWithNoAgentBridgedWaitedUntilTheCallerHungUp() throws {
        // Queue() answers the caller's channel for music on hold: ANSWERED, billsec = the whole wait, no dstchannel.
        let text = Self.leg(
            start: "2026-11-16 10:00:00", answer: "2026-11-16 10:00:00", seconds: 95, billsec: 95, uniqueid: "1.1")
        let h = try H.read(text + "\n")
        let call = try #require(h.calls.first)
        #expect(call.outcome == .abandoned && call.answeredAt == nil)
        #expect(call.wait == 95_000 && call.talk == 0)
        #expect(h.symbols[call.queue] == "500")
        #expect(h.summary.notes.contains { $0.hasPrefix("1 call answered by Queue() with no agent channel bridged") })
    }

    @Test func aQueueLegWithABridgedAgentChannelIsAnswered() throws {
        let text = Self.leg(
            dstChannel: "SIP/201-00000002", start: "2026-11-16 10:00:00", answer: "2026-11-16 10:00:12", seconds: 312,
            billsec: 300, uniqueid: "1.1")
        let call = try #require(try H.read(text + "\n").calls.first)
        #expect(call.outcome == .answered)
        #expect(call.wait == 12_000 && call.talk == 300_000)
    }

    @Test func aLaterLegThatBridgedAnAgentAnswersTheQueueCallWithItsOwnTimes() throws {
        // Asterisk 12+: the queue leg, then the agent's Local leg of the same linkedid, answered 20 s later.
        let queue = Self.leg(
            start: "2026-11-16 10:00:00", answer: "2026-11-16 10:00:00", seconds: 200, billsec: 200, uniqueid: "1.1")
        let agent = Self.leg(
            src: "500", dst: "201", context: "from-queue", channel: "Local/201@from-queue-00000001;2",
            dstChannel: "SIP/201-00000003", app: "Dial", data: "SIP/201", start: "2026-11-16 10:00:05",
            answer: "2026-11-16 10:00:20", seconds: 175, billsec: 160, uniqueid: "1.2")
        let text = [queue, agent].map { $0 + ",\"\",\"1.1\",1" }.joined(separator: "\n")
        let h = try H.read(text)
        #expect(h.calls.count == 1)
        let call = try #require(h.calls.first)
        #expect(call.outcome == .answered && call.wait == 20_000 && call.talk == 160_000)
        #expect(call.endedAt == call.enqueuedAt + 200_000)
    }

    @Test func rowsSharingAUniqueidWithoutLinkedidAreOneCall() throws {
        // ForkCDR / Dial retries: NO ANSWER, then BUSY to a Local channel, then Busy(), all uniqueid 1.7.
        let rows = [
            Self.leg(
                dst: "201", context: "from-trunk", dstChannel: "SIP/201-01", app: "Dial", data: "SIP/201,20",
                start: "2026-11-16 10:00:00", seconds: 20, billsec: 0, disposition: "NO ANSWER", uniqueid: "1.7"),
            Self.leg(
                dst: "201", context: "from-trunk", dstChannel: "Local/202@from-internal-02;1", app: "Dial",
                data: "Local/202", start: "2026-11-16 10:00:20", seconds: 5, billsec: 0, disposition: "BUSY",
                uniqueid: "1.7"),
            Self.leg(
                dst: "201", context: "from-trunk", app: "Busy", data: "20", start: "2026-11-16 10:00:25",
                answer: "2026-11-16 10:00:25", seconds: 3, billsec: 0, disposition: "NO ANSWER", uniqueid: "1.7"),
        ]
        let h = try H.read(rows.joined(separator: "\n") + "\n")
        #expect(h.summary.records == 3 && h.summary.accepted == 3)
        #expect(h.calls.count == 1)
        let call = try #require(h.calls.first)
        #expect(call.outcome == .abandoned && call.wait == 28_000)
        #expect(h.summary.notes.contains("2 legs merged into their calls by uniqueid"))
    }

    @Test func thirtyIssabelQueueCallsOfWhichThreeReachedAnAgent() throws {
        // 33 Queue legs of queue 500, 32 ANSWERED by Queue(), 3 with an agent bridged; 3 calls written twice.
        var rows: [String] = []
        for i in 0..<30 {
            let start = Self.time("2026-11-16 09:00:00", plus: i * 300)
            let agent = i < 3
            let seconds = agent ? 180 : (i < 9 ? 3 : 40 + i)  // six short abandons, 21 longer ones
            let row = Self.leg(
                context: i % 3 == 0 ? "from-internal" : "from-trunk", dstChannel: agent ? "SIP/20\(i)-0000000\(i)" : "",
                start: start, answer: i == 29 ? "" : start, seconds: seconds, billsec: i == 29 ? 0 : seconds,
                disposition: i == 29 ? "NO ANSWER" : "ANSWERED", uniqueid: "17000000\(i).\(i)")
            rows.append(row)
            if i >= 10 && i < 13 { rows.append(row) }  // the PBX wrote these twice
        }
        let h = try H.read(rows.joined(separator: "\n") + "\n")
        #expect(h.summary.records == 33)
        #expect(h.calls.count == 30)
        #expect(h.calls.allSatisfy { h.symbols[$0.queue] == "500" })
        #expect(h.calls.filter(\.isAnswered).count == 3)
        let abandoned = h.calls.filter { $0.outcome == .abandoned }
        #expect(abandoned.count == 27 && abandoned.filter { $0.wait < 5000 }.count == 6)
    }

    @Test func directionsComeFromTheDialplanContextWhenNoQueueWasReached() throws {
        func read(_ context: String, dst: String, configure: (ReadContext) -> Void = { _ in }) throws -> IngestHarness {
            let row = Self.leg(
                dst: dst, context: context, dstChannel: "SIP/201-1", app: "Dial", data: "SIP/201",
                start: "2026-11-16 10:00:00", answer: "2026-11-16 10:00:04", seconds: 64, billsec: 60, uniqueid: "1.1")
            return try H.read(Array((row + "\n").utf8), configure: configure)
        }
        let inside = try read("from-internal", dst: "201")
        #expect(inside.calls.isEmpty && inside.summary.internalCalls == 1)
        let outbound = try read("from-internal", dst: "013800000002")
        #expect(outbound.calls.isEmpty && outbound.summary.outbound == 1)
        #expect(try read("macro-dial-one", dst: "202").summary.internalCalls == 1)
        for inbound in ["from-trunk", "from-pstn", "from-did-direct", "ivr-3", "stadion-pstn"] {
            let h = try read(inbound, dst: "201")
            #expect(h.calls.count == 1 && h.symbols[h.calls[0].queue] == inbound)
        }
        // The configuration overrides the conventions.
        let configured = try read("stadion-pstn", dst: "201") { $0.mappings.cdrContexts = ["stadion-pstn": .internal] }
        #expect(configured.calls.isEmpty && configured.summary.internalCalls == 1)
    }

    @Test func aQueueDialledFromAnExtensionIsOfferedToThatQueue() throws {
        let row = Self.leg(
            context: "from-internal", dstChannel: "SIP/201-2", start: "2026-11-16 10:00:00",
            answer: "2026-11-16 10:00:07", seconds: 67, billsec: 60, uniqueid: "1.1")
        let h = try H.read(row + "\n")
        #expect(h.calls.count == 1 && h.symbols[h.calls[0].queue] == "500" && h.calls[0].isAnswered)
    }

    static let freePBXHeader =
        "calldate,clid,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,amaflags,accountcode,uniqueid,userfield"

    @Test(arguments: [nil, InputFormat.asteriskCDR])
    func freePBXsCSVDownloadIsReadWithItsOneTime(format: InputFormat?) throws {
        let text =
            [
                Self.freePBXHeader,
                "2026-11-16 10:00:00,\"Alice\" <13800000001>,13800000001,500,ext-queues,SIP/trunk-01,SIP/201-02,Queue,\"500,t,,,300\",312,300,ANSWERED,3,,1763258400.1,",
                "2026-11-16 10:05:00,\"Bob\" <13800000002>,13800000002,500,ext-queues,SIP/trunk-03,,Queue,\"500,t,,,300\",40,40,ANSWERED,3,,1763258700.3,",
            ].joined(separator: "\r\n") + "\r\n"
        let h = try H.read(Array(text.utf8), format: format)
        #expect(h.summary.format == .asteriskCDR)
        #expect(h.summary.records == 2 && h.rejects.isEmpty)
        let answered = try #require(h.calls.first)
        // start = calldate, end = start + duration, answer = end - billsec.
        #expect(answered.enqueuedAt == Instant(seconds: 1_794_794_400))
        #expect(answered.endedAt == answered.enqueuedAt + 312_000)
        #expect(answered.outcome == .answered && answered.wait == 12_000 && answered.talk == 300_000)
        #expect(h.calls.last?.outcome == .abandoned && h.calls.last?.wait == 40_000)
    }

    /// A line of FreeSWITCH mod_cdr_csv's default template.
    static func freeswitch(
        number: String, destination: String, context: String, start: String, answer: String, end: String,
        duration: Int, billsec: Int, cause: String, uuid: String
    ) -> String {
        [
            "\"Caller\"", "\"\(number)\"", "\"\(destination)\"", "\"\(context)\"", "\"\(start)\"", "\"\(answer)\"",
            "\"\(end)\"", "\"\(duration)\"", "\"\(billsec)\"", "\"\(cause)\"", "\"\(uuid)\"", "\"\"", "\"\"",
            "\"PCMU\"", "\"PCMU\"",
        ].joined(separator: ",")
    }

    @Test func freeSWITCHsModCdrCsvDefaultTemplateIsRecognisedAndRead() throws {
        let text =
            [
                Self.freeswitch(
                    number: "13800000001", destination: "4008001234", context: "public", start: "2026-11-16 10:00:00",
                    answer: "2026-11-16 10:00:09", end: "2026-11-16 10:03:09", duration: 189, billsec: 180,
                    cause: "NORMAL_CLEARING", uuid: "a1b2c3d4-0000-4000-8000-00000000000a"),
                Self.freeswitch(
                    number: "13800000002", destination: "4008001234", context: "public", start: "2026-11-16 10:01:00",
                    answer: "", end: "2026-11-16 10:01:30", duration: 30, billsec: 0, cause: "ORIGINATOR_CANCEL",
                    uuid: "a1b2c3d4-0000-4000-8000-00000000000b"),
                Self.freeswitch(
                    number: "1001", destination: "1002", context: "default", start: "2026-11-16 10:02:00",
                    answer: "2026-11-16 10:02:03", end: "2026-11-16 10:04:03", duration: 123, billsec: 120,
                    cause: "NORMAL_CLEARING", uuid: "a1b2c3d4-0000-4000-8000-00000000000c"),
            ].joined(separator: "\n") + "\n"
        let h = try H.read(text)
        #expect(h.summary.format == .freeswitchCDRCSV)
        #expect(h.summary.records == 3 && h.summary.accepted == 3 && h.rejects.isEmpty)
        #expect(h.calls.map(\.outcome) == [.answered, .abandoned])
        #expect(h.calls.first?.wait == 9_000 && h.calls.first?.talk == 180_000)
        #expect(h.summary.internalCalls == 1)
    }
}
