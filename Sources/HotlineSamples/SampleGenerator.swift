import Foundation
import HotlineModel

/// The bundled sample inputs: four weeks of the payment hotline, 2026-10-26 (a Monday) to 2026-11-22.
///
/// About 20,000 calls a week over queues `hotline-cn`, `hotline-en`, `merchant` and `vip`, day and night, with a
/// morning and afternoon peak and a Monday peak. Waits follow the load against a staffing plan that follows a
/// smoothed, flatter curve, so peaks (Monday mornings most) strain service level; on Tuesday 2026-11-10 a
/// payment outage from 10:00 to 11:30 floods the queues. Answered callers sometimes call back within days,
/// abandoning callers often retry within minutes. CSAT on about a third of answered calls.
///
/// One daily file per day (UTF-8; `hotline-en` rows in UTC with `Z`, `vip` rows with milliseconds); the
/// `merchant` queue of the last week comes as a GB18030, CRLF export with Chinese labels. A few bad rows of
/// each reject kind are planted, and the last file ends in a truncated line.
public struct SampleGenerator {
    public let seed: UInt64
    public static let firstDay = CivilDate(year: 2026, month: 10, day: 26)
    public static let days = 28
    /// Asia/Shanghai: +08:00, no daylight saving.
    static let offsetSeconds: Int64 = 8 * 3600

    public init(seed: UInt64 = 2026) { self.seed = seed }

    public struct File {
        public var name: String
        public var bytes: [UInt8]
    }

    static let header =
        "call_id,queue,category,direction,caller,agent,enqueued_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_s,outcome,ivr_path,csat,ivr_s"

    public func files() -> [File] {
        var random = SampleRandom(seed: seed)
        let calls = SampleTraffic.generate(random: &random)
        let gbStart = Self.firstDay.dayNumber + 21
        var daily: [Int: [(at: Int64, line: String)]] = [:]
        var merchantWeek: [String] = []
        for call in calls.sorted(by: { ($0.enqueued, $0.id) < ($1.enqueued, $1.id) }) {
            let day = Int((call.enqueued + Self.offsetSeconds * 1000).floorDivided(by: 86_400_000))
            if call.queue == "merchant" && day >= gbStart {
                merchantWeek.append(SampleRow.line(call, style: .chinese))
            } else {
                daily[day, default: []].append(
                    (
                        call.enqueued,
                        SampleRow.line(
                            call, style: call.queue == "hotline-en" ? .utc : call.queue == "vip" ? .millis : .local)
                    ))
            }
        }
        // Calls that ended in the menus, from their own random stream: the queued calls stay the same.
        var ivrRandom = SampleRandom(seed: seed ^ 0x6976_725F_6D65_6E75)
        for (day, rows) in SampleIVR.rows(firstDay: Self.firstDay.dayNumber, days: Self.days, random: &ivrRandom) {
            daily[day, default: []] += rows
        }
        // Tickets draw from their own random stream, so the calls stay the same whatever the tickets do.
        var ticketRandom = SampleRandom(seed: seed ^ 0x7469_636B_6574_73)
        let tickets = SampleTickets.generate(from: calls, random: &ticketRandom)
        // Callers chasing an open ticket, also from their own stream.
        var chaserRandom = SampleRandom(seed: seed ^ 0x6368_6173_6572)
        for (day, rows) in SampleChasers.rows(tickets: tickets, calls: calls, random: &chaserRandom) {
            daily[day, default: []] += rows
        }
        var files: [File] = []
        for offset in 0..<Self.days {
            let day = Self.firstDay.dayNumber + offset
            // In time order (a stable sort: calls at the same millisecond keep their order).
            var lines = (daily[day] ?? []).enumerated().sorted {
                ($0.element.at, $0.offset) < ($1.element.at, $1.offset)
            }
            .map(\.element.line)
            BadRows.plant(into: &lines, dayOffset: offset, random: &random)
            var text = Self.header + "\n" + lines.joined(separator: "\n") + "\n"
            if offset == Self.days - 1 {
                // The export was cut mid-record: a last line without its fields or newline.
                text += "HL-20261122-CUT,hotline-cn,退款,inbound,13900001111,A1007,2026-11-22T23:58:10+08:00"
            }
            files.append(File(name: "calls-\(CivilDate(dayNumber: day)).csv", bytes: Self.rawBytes(text)))
        }
        let gbText = Self.header + "\r\n" + merchantWeek.joined(separator: "\r\n") + "\r\n"
        files.append(File(name: "merchant-2026-11-16_2026-11-22.gb18030.csv", bytes: GB18030.encode(gbText)))
        let lastWeek = Int64(Self.firstDay.dayNumber + 21) * 86_400_000 - Self.offsetSeconds * 1000
        files.append(
            File(
                name: "tickets-2026-10-26_2026-11-15.zendesk.csv",
                bytes: Array(SampleTicketExports.csv(tickets.filter { $0.created < lastWeek }).utf8)))
        files.append(
            File(
                name: "tickets-2026-11-16_2026-11-22.zendesk.xml",
                bytes: Array(SampleTicketExports.xml(tickets.filter { $0.created >= lastWeek }).utf8)))
        files.append(File(name: SampleQueueLog.name, bytes: SampleQueueLog.bytes(seed: seed)))
        files.append(File(name: "hotline.yaml", bytes: Array(SampleConfiguration.yaml.utf8)))
        return files
    }
}

extension SampleGenerator {
    /// UTF-8 bytes of `text`, with each `<0xFF>` marker written as a raw 0xFF byte.
    static func rawBytes(_ text: String) -> [UInt8] {
        let marker = Array("<0xFF>".utf8)
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == marker[0], i + marker.count <= bytes.count, Array(bytes[i..<(i + marker.count)]) == marker {
                out.append(0xFF)
                i += marker.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }
}

/// Converts text to GB18030 with iconv (what Chinese Excel writes).
enum GB18030 {
    static func encode(_ text: String) -> [UInt8] {
        guard let cd = iconv_open("GB18030", "UTF-8"), cd != iconv_t(bitPattern: -1) else { return Array(text.utf8) }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let produced: Int = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return outRaw.count - outLeft
            }
        }
        return Array(output.prefix(produced))
    }
}
