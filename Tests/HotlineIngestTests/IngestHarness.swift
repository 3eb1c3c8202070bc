import Foundation
import HotlineModel
import Logging

@testable import HotlineIngest

/// Reads bytes as an input file through the whole ingest stage and keeps what came out.
struct IngestHarness {
    var calls: [CallRecord] = []
    var tickets: [TicketRecord] = []
    var rejects: [Reject] = []
    var summary = InputSummary(path: "")
    let symbols = SymbolTable()

    static let header =
        "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat"

    /// A well-formed answered row with fields replaced by name.
    static func row(_ changes: [String: String] = [:]) -> String {
        var fields: [String: String] = [
            "call_id": "C1", "queue": "hotline-cn", "category": "退款", "direction": "inbound", "caller": "13800138000",
            "agent": "A1001", "enqueued_at": "2026-11-16T10:00:00+08:00", "answered_at": "2026-11-16T10:00:15+08:00",
            "ended_at": "2026-11-16T10:05:15+08:00", "wait_s": "15", "talk_s": "280", "hold_s": "20", "wrap_s": "30",
            "outcome": "answered", "ivr_path": "主菜单>支付>退款", "csat": "5",
        ]
        for (k, v) in changes { fields[k] = v }
        return header.split(separator: ",").map { fields[String($0)] ?? "" }.joined(separator: ",")
    }

    static func read(
        _ bytes: [UInt8], zone: String = "Asia/Shanghai", chunk: Int = 1 << 20, maskCallers: Bool = true,
        name: String = "input.csv", format: InputFormat? = nil, configure: (ReadContext) -> Void = { _ in }
    ) throws -> IngestHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hotline-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return read(
            path: path, zone: zone, chunk: chunk, maskCallers: maskCallers, format: format, configure: configure)
    }

    static func read(_ text: String, zone: String = "Asia/Shanghai", chunk: Int = 1 << 20) throws -> IngestHarness {
        try read(Array(text.utf8), zone: zone, chunk: chunk)
    }

    /// The fixture folder beside this file.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        .path

    /// Reads several files as one batch, as a report does (queue logs ordered, open calls finished).
    static func read(
        paths: [String], zone: String = "Asia/Shanghai", configure: (ReadContext) -> Void = { _ in }
    ) -> (harness: IngestHarness, summaries: [InputSummary]) {
        var harness = IngestHarness()
        let calendar = LocalCalendar(zone: TimeZone(identifier: zone) ?? .gmt, intervalMinutes: 30)
        let context = ReadContext(symbols: harness.symbols, calendar: calendar)
        configure(context)
        let ingest = InputIngest(
            context: context, classifier: Classifier(rules: .default, symbols: harness.symbols),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let sink = CollectingSink()
        let summaries = ingest.read(paths, into: sink)
        harness.calls = sink.calls
        harness.tickets = sink.tickets
        harness.rejects = sink.rejects
        harness.summary = summaries.first ?? InputSummary(path: "")
        return (harness, summaries)
    }

    static func read(
        path: String, zone: String = "Asia/Shanghai", chunk: Int = 1 << 20, maskCallers: Bool = true,
        format: InputFormat? = nil, configure: (ReadContext) -> Void = { _ in }
    ) -> IngestHarness {
        var harness = IngestHarness()
        let calendar = LocalCalendar(zone: TimeZone(identifier: zone) ?? .gmt, intervalMinutes: 30)
        let context = ReadContext(
            symbols: harness.symbols, calendar: calendar, maskCallers: maskCallers,
            limits: CSVReader.Limits(maxRecordBytes: 1 << 20, chunkBytes: chunk))
        configure(context)
        let ingest = InputIngest(
            context: context, classifier: Classifier(rules: .default, symbols: harness.symbols),
            options: IngestOptions(forcedFormat: format),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let sink = CollectingSink()
        harness.summary = ingest.readFile(path, index: 0, into: sink)
        harness.calls = sink.calls
        harness.tickets = sink.tickets
        harness.rejects = sink.rejects
        return harness
    }
}
