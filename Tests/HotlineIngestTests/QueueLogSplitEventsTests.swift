import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest
@testable import HotlineSamples

/// What the queue_log reader made of some bytes: calls, rejects, agent events, calls cut short and its summary.
struct QueueLogReading: Equatable {
    var calls: [CallRecord] = []
    var rejects: [Reject] = []
    var agentEvents: [AgentEvent] = []
    var cutShort: [String] = []
    var summary = InputSummary(path: "queue_log")

    /// Reads `bytes` as a raw queue_log, its lines split by the queue_log splitter or, as before it, by the CSV
    /// reader in its `|` dialect; the calls still open at the end are drained as a run's end does.
    static func read(_ bytes: [UInt8], chunk: Int, maxRecord: Int, old: Bool) throws -> QueueLogReading {
        let calendar = LocalCalendar(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, intervalMinutes: 30)
        let limits = CSVReader.Limits(maxRecordBytes: maxRecord, chunkBytes: chunk)
        let context = ReadContext(symbols: SymbolTable(), calendar: calendar, limits: limits)
        let source = MemoryByteSource(bytes, chunkSize: chunk)
        let records: QueueLogReader.Records =
            old
            ? .csv(CSVReader(source: source, limits: limits, dialect: .pipes))
            : .split(QueueLogLineSplitter(source: source, limits: limits))
        let assembler = QueueLogAssembler(context: context)
        let reader = QueueLogReader(
            records: records, layout: .pipes, context: context, assembler: assembler, fileIndex: 0, path: "queue_log")
        var reading = QueueLogReading()
        let describe = { (call: IncompleteCall) in "\(call.callID) \(call.events) \(call.reason)" }
        try reader.read(
            summary: &reading.summary, accept: { reading.calls.append($0) }, reject: { reading.rejects.append($0) },
            cutShort: { reading.cutShort.append(describe($0)) }, agentEvent: { reading.agentEvents.append($0) })
        assembler.drainIncomplete { reading.cutShort.append(describe($0)) }
        return reading
    }
}

@Suite struct QueueLogSplitEventsTests {
    /// A random queue_log line: mostly well-formed events of a few calls, with bad times, short lines, odd bytes.
    static func randomLine(_ random: inout SampleRandom) -> String {
        let times = ["1794794400", "1794794412.5", "1794794712", "", "abc", " 1794794500 ", "2026-11-16 10:00:00"]
        let calls = ["1.1", "1.2", "1.3", "NONE", ""]
        let queues = ["hotline-cn", "NONE", "", "支付", "vip "]
        let agents = ["Agent/1001", "NONE", "", "Agent/1002"]
        let events = [
            "ENTERQUEUE", "CONNECT", "COMPLETECALLER", "COMPLETEAGENT", "ABANDON", "EXITWITHTIMEOUT", "TRANSFER",
            "RINGNOANSWER", "ADDMEMBER", "PAUSE", "UNPAUSE", "INFO", "DID", "QUEUESTART", "WEIRD", "",
        ]
        let data = ["", "12", "300", "13800000001", "+8613800000001", "IVRAPPEND", "menu>1", "a\0b", "1.5", "\u{FF}"]
        func pick(_ values: [String]) -> String { values.randomElement(using: &random) ?? "" }
        var fields = [pick(times), pick(calls), pick(queues), pick(agents), pick(events)]
        for _ in 0..<Int.random(in: 0...5, using: &random) { fields.append(pick(data)) }
        let kept = Int.random(in: 0...9, using: &random) == 0 ? Int.random(in: 1...5, using: &random) : fields.count
        return fields.prefix(kept).joined(separator: "|")
    }

    /// Random queue_logs (line ends of every kind, blank lines, NUL runs, a line now and then over the limit)
    /// read through the splitter and through the CSV reader give the same calls, rejects and summary.
    @Test func randomQueueLogsReadTheSameThroughTheSplitterAndTheTokenizer() throws {
        var random = SampleRandom(seed: 1_794_794_400)
        let ends = ["\n", "\n", "\n", "\r\n", "\r", "\n\n", "\0\0\n"]
        var differing: [String] = []
        for _ in 0..<150 {
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                text += Self.randomLine(&random) + (ends.randomElement(using: &random) ?? "\n")
            }
            if Bool.random(using: &random) { text.removeLast() }
            var bytes = Array(text.utf8)
            if Int.random(in: 0...4, using: &random) == 0 { bytes.append(0xE4) }  // a file cut inside a character
            let chunk = [1, 7, 64, 4096].randomElement(using: &random) ?? 1
            let limit = [40, 60, 1 << 20].randomElement(using: &random) ?? 40
            let new = try QueueLogReading.read(bytes, chunk: chunk, maxRecord: limit, old: false)
            let old = try QueueLogReading.read(bytes, chunk: chunk, maxRecord: limit, old: true)
            if new != old { differing.append(text) }
            #expect(new.summary.records > 0)
        }
        #expect(differing.isEmpty, "\(differing.prefix(2))")
    }

    @Test func aLineOverTheLimitIsRejectedWithItsFileLineAndReasonAndTheNextLineIsRead() throws {
        let text =
            "1794794400|1.1|q|NONE|ENTERQUEUE||13800000001|1\r\n"
            + "1794794401|1.9|q|NONE|INFO|" + String(repeating: "x", count: 80) + "\r\n"
            + "1794794412|1.1|q|Agent/1001|CONNECT|12|1.1b|3\r\n"
            + "1794794712|1.1|q|Agent/1001|COMPLETECALLER|12|300|1"
        let reading = try QueueLogReading.read(Array(text.utf8), chunk: 16, maxRecord: 64, old: false)
        #expect(
            reading.rejects == [
                Reject(
                    file: "queue_log", line: 2, field: "record", kind: .recordTooLong,
                    detail: "longer than 64 bytes; skipped to its end", raw: "")
            ])
        #expect(reading.calls.count == 1 && reading.calls.first?.talk == 300_000)
        #expect(reading.summary.records == 4 && reading.summary.accepted == 3)
    }

    /// The file is transcoded before its lines are split: a GB18030 or UTF-16 queue_log reads as its UTF-8 text
    /// does, its rejects on the same lines.
    @Test(arguments: [7, 1 << 16])
    func aTranscodedQueueLogReadsAsItsUTF8Text(chunk: Int) throws {
        let text =
            "1794794400|1.1|支付队列|NONE|ENTERQUEUE||13800000001|1\r\n"
            + "1794794412|1.1|支付队列|坐席/1001|CONNECT|12|1.1b|3\r\n"
            + "坏时间|1.2|支付队列|NONE|ENTERQUEUE||13800000002|1\r\n"
            + "1794794712|1.1|支付队列|坐席/1001|COMPLETECALLER|12|300|1\r\n"
        let utf8 = try IngestHarness.read(Array(text.utf8), chunk: chunk)
        #expect(utf8.calls.count == 1 && utf8.rejects.map(\.line) == [3])
        #expect(utf8.symbols[utf8.calls[0].queue] == "支付队列")
        let variants: [(String, [UInt8])] = [
            ("GB18030", try EncodingTests.gb18030(text)),
            ("UTF-16LE", EncodingTests.encode(text, .utf16LittleEndian, bom: [0xFF, 0xFE])),
        ]
        for (encoding, bytes) in variants {
            let transcoded = try IngestHarness.read(bytes, chunk: chunk)
            #expect(transcoded.summary.encoding == encoding)
            #expect(transcoded.calls == utf8.calls, "\(encoding)")
            // The same rejects but for the file's path, a folder of its own.
            let shown = { (r: Reject) in "\(r.line) \(r.field) \(r.kind) \(r.detail) \(r.raw)" }
            #expect(transcoded.rejects.map(shown) == utf8.rejects.map(shown), "\(encoding)")
        }
    }
}
