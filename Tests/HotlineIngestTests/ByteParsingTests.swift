import Foundation
import Testing

@testable import HotlineIngest
@testable import HotlineSamples

@Suite struct ByteParsingTests {
    func timestamp(_ text: String) -> (wallMillis: Int64, offset: Int64?)? {
        Array(text.utf8).withUnsafeBufferPointer { ByteParsing.timestamp($0) }
    }

    func seconds(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { ByteParsing.seconds($0) }
    }

    /// 2026-11-16T10:15:00 as wall-clock milliseconds.
    static let wall: Int64 = (20773 * 86400 + 10 * 3600 + 15 * 60) * 1000

    @Test(arguments: [
        ("2026-11-16T10:15:00Z", 0), ("2026-11-16T10:15:00+08:00", 28800), ("2026-11-16T10:15:00+0800", 28800),
        ("2026-11-16T10:15:00+08", 28800), ("2026-11-16 10:15:00-05:30", -19800), ("2026-11-16T10:15Z", 0),
    ])
    func offsetsInEveryWrittenForm(text: String, offset: Int64) throws {
        let parsed = try #require(timestamp(text))
        #expect(parsed.wallMillis == Self.wall)
        #expect(parsed.offset == offset)
    }

    @Test func secondsWhoseMillisecondsWouldNotFitAreNotANumber() {
        #expect(seconds("999999999999999") == 999_999_999_999_999_000)
        #expect(seconds("1000000000000000") == nil)
        #expect(seconds("17947944694787300") == nil)
        #expect(seconds("999999999999999999") == nil)
        #expect(seconds("12.123456789012345") == 12_123)
    }

    @Test func fractionalSecondsKeepMilliseconds() throws {
        #expect(try #require(timestamp("2026-11-16T10:15:00.25+08:00")).wallMillis == Self.wall + 250)
        #expect(try #require(timestamp("2026-11-16T10:15:00.123456Z")).wallMillis == Self.wall + 123)
    }

    @Test func timestampWithoutOffsetSaysSo() throws {
        #expect(try #require(timestamp("2026-11-16 10:15:00")).offset == nil)
    }

    @Test(arguments: [
        "2026-13-16T10:15:00Z", "2026-02-30T10:15:00Z", "2026-11-16T24:00:00Z", "2026-11-16T10:61:00Z",
        "2026-11-16", "16/11/2026 10:15", "2026-11-16T10:15:00+08:00junk", "2026-11-16T10:15:00.Z", "",
    ])
    func malformedTimestampsAreRefused(text: String) {
        #expect(timestamp(text) == nil)
    }

    @Test func everyClockReadsAsItsNumbersAndNoOtherBytesDo() throws {
        // Every hour, minute and second written with two digits, the ones out of range included, read at once
        // (`ByteParsing.clock`): the value they say, a leap second as :59, or nothing.
        let day: Int64 = 20773 * 86400
        for hour in 0...25 {
            for minute in [0, 1, 9, 10, 30, 59, 60, 99] {
                for second in [0, 7, 59, 60, 61, 99] {
                    let clock = String(format: "%02d:%02d:%02d", hour, minute, second)
                    let parsed = timestamp("2026-11-16T\(clock)+08:00")
                    if hour > 23 || minute > 59 || second > 60 {
                        #expect(parsed == nil, "\(clock)")
                    } else {
                        let expected = (day + Int64(hour * 3600 + minute * 60 + min(second, 59))) * 1000
                        #expect(parsed?.wallMillis == expected, "\(clock)")
                        #expect(parsed?.offset == 28800)
                    }
                }
            }
        }
        // A byte that is not a digit or a colon where one is due, at each of the eight places.
        for place in 0..<8 {
            let colon = place == 2 || place == 5
            for bad: UInt8 in [0x2F, 0x3A, 0x3B, UInt8(ascii: "a"), 0xFA, 0x20, 0] where !colon || bad != 0x3A {
                var bytes = Array("2026-11-16T10:15:00Z".utf8)
                bytes[11 + place] = bad
                #expect(bytes.withUnsafeBufferPointer { ByteParsing.timestamp($0) } == nil, "\(place) \(bad)")
            }
        }
    }

    @Test func everyOffsetReadsAsItsNumbersAndNoOtherBytesDo() throws {
        // Every `±HH:MM` with two-digit hours and minutes, out of range ones included (`ByteParsing.zoneOffset`,
        // read at once): the offset they say, or nothing, as the byte-by-byte reading of other lengths says.
        let wall: Int64 = (20773 * 86400 + 10 * 3600 + 15 * 60 + 30) * 1000
        for sign in ["+", "-"] {
            for hours in [0, 1, 5, 8, 9, 10, 14, 18, 19, 23, 99] {
                for minutes in [0, 1, 30, 45, 59, 60, 99] {
                    let zone = sign + String(format: "%02d:%02d", hours, minutes)
                    let parsed = timestamp("2026-11-16T10:15:30\(zone)")
                    // The same offset after a fraction of a second: the byte-by-byte reading.
                    let slow = timestamp("2026-11-16T10:15:30.000\(zone)")
                    #expect(parsed?.wallMillis == slow?.wallMillis && parsed?.offset == slow?.offset, "\(zone)")
                    if hours > 18 || minutes > 59 {
                        #expect(parsed == nil, "\(zone)")
                    } else {
                        let magnitude = Int64(hours * 3600 + minutes * 60)
                        #expect(parsed?.wallMillis == wall, "\(zone)")
                        #expect(parsed?.offset == (sign == "-" ? -magnitude : magnitude), "\(zone)")
                    }
                }
            }
        }
        // A wrong byte at each of the offset's six places.
        for place in 0..<6 {
            for bad: UInt8 in [0x2F, 0x3A, 0x3B, UInt8(ascii: "a"), UInt8(ascii: "Z"), 0xFA, 0x20, 0] {
                var bytes = Array("2026-11-16T10:15:30+08:00".utf8)
                if bytes[19 + place] == bad { continue }
                bytes[19 + place] = bad
                #expect(bytes.withUnsafeBufferPointer { ByteParsing.timestamp($0) } == nil, "\(place) \(bad)")
            }
        }
        // Twenty-five bytes that are not `SS±HH:MM` at the end still read the slow way.
        #expect(timestamp("2026-11-16 10:15:30 +0800")?.offset == 28800)
        #expect(timestamp("2026-11-16T10:15:30.1234Z")?.offset == 0)
    }

    @Test(
        arguments: [("0", 0), ("12", 12000), ("12.5", 12500), ("0.125", 125), ("1.0005", 1001), (".5", 500)]
            as [(String, Int64)])
    func secondsBecomeMilliseconds(text: String, millis: Int64) {
        #expect(seconds(text) == millis)
    }

    @Test(arguments: ["-5", "12s", "", "1e3", "1.2.3", "."])
    func negativeOrNonNumericSecondsAreRefused(text: String) {
        #expect(seconds(text) == nil)
    }
}

@Suite struct TextEncodingTests {
    @Test func byteOrderMarksDecide() {
        #expect(TextEncoding.detect(sample: [0xEF, 0xBB, 0xBF, 0x61]) == .text(.utf8BOM, bomLength: 3))
        #expect(TextEncoding.detect(sample: [0xFF, 0xFE, 0x61, 0x00]) == .text(.utf16LE, bomLength: 2))
        #expect(TextEncoding.detect(sample: [0xFE, 0xFF, 0x00, 0x61]) == .text(.utf16BE, bomLength: 2))
    }

    @Test func chineseInGB18030IsRecognised() {
        // "退款" in GB18030.
        #expect(
            TextEncoding.detect(sample: Array("a,".utf8) + [0xCD, 0xCB, 0xBF, 0xEE] + [0x0A])
                == .text(.gb18030, bomLength: 0))
    }

    @Test func utf8CutAtTheEndOfTheSampleIsStillUTF8() {
        let bytes = Array("a,退".utf8)
        #expect(TextEncoding.detect(sample: Array(bytes.dropLast())) == .text(.utf8, bomLength: 0))
    }

    @Test func nulBytesInsideLinesMeanBinary() {
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]
        #expect(TextEncoding.detect(sample: elf) == .binary("binary data, not a text export"))
        #expect(TextEncoding.detect(sample: [0, 0, 0, 0]) == .binary("binary data, not a text export"))
    }

    @Test func nulRunsBetweenCompleteLinesLeaveTheFileText() {
        // What a PBX leaves in its queue_log after an unclean shutdown: 78 NULs between two complete lines.
        let log = Array("1794794400|1.1|q|NONE|ENTERQUEUE||13800000001|1\n".utf8)
        let sample = log + [UInt8](repeating: 0, count: 78) + log + log
        #expect(TextEncoding.detect(sample: sample) == .text(.utf8, bomLength: 0))
    }

    @Test func aWorkbookIsNamedForWhatItIs() {
        let xlsx: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]
        guard case .binary(let what) = TextEncoding.detect(sample: xlsx) else {
            Issue.record("an .xlsx workbook read as text")
            return
        }
        #expect(what.contains("Excel workbook (.xlsx)") && what.contains("save it as CSV"))
    }
}

/// A reader keeps the last date it read (``ByteParsing/DateMemo``): timestamps read one after another through it
/// must parse exactly as each read alone, whatever came before (an impossible date, a bad time after a good date).
@Suite struct TimestampDateMemoTests {
    static func alone(_ text: String) -> String {
        "\(Array(text.utf8).withUnsafeBufferPointer { ByteParsing.timestamp($0) }.map { "\($0)" } ?? "nil")"
    }

    @Test func timestampsReadThroughTheMemoParseAsEachReadAlone() {
        let dates = ["2025-11-01", "2025-11-02", "2024-02-29", "2025-02-29", "2025-02-30", "2025-13-01", "2025-1x-01"]
        let times = [
            "T00:00:00+08:00", " 23:59:59", "T10:15", "T10:15:30.250Z", "T24:00:00", "T10:60", "T09:30:00 -0800",
            "x10:15:00", "T10:15:00+25:00", "", "T1",
        ]
        var random = SampleRandom(seed: 20_261_202)
        var memo = ByteParsing.DateMemo()
        var read = 0
        for _ in 0..<3000 {
            let text = dates[Int(random.next() % UInt64(dates.count))] + times[Int(random.next() % UInt64(times.count))]
            let throughMemo = Array(text.utf8).withUnsafeBufferPointer { ByteParsing.timestamp($0, memo: &memo) }
            #expect("\(throughMemo.map { "\($0)" } ?? "nil")" == Self.alone(text), "\(text)")
            if throughMemo != nil { read += 1 }
        }
        #expect(read > 500)
    }

    @Test func timestampsInTheKeptHourReadAsEachReadAlone() {
        // Full timestamps of a few days, hours and offsets, their `:MM:SS` bytes right, out of range or broken
        // (a byte that is no digit or colon, an offset or fraction where the seconds go): read one after another
        // through one memo, as the three times of a call are, each gives what it gives read alone.
        // Keys that differ in one byte each: the day's tens and units, the separator, the hour's; the zone's sign,
        // hours, minutes' tens and units.
        let hours = [
            "2026-10-01T00", "2026-10-01T23", "2026-10-01T20", "2024-02-29T12", "2026-10-02T00", "2026-10-11T00",
            "2026-10-01 00", "2026-10-01t00", "2026-10-01x00", "2025-02-29T10",
        ]
        let zones = ["+08:00", "-08:00", "+18:00", "+05:45", "+05:40", "+05:00", "-05:00", "+00:00", "+19:00"]
        let clocks = [
            ":00:00", ":07:59", ":59:60", ":59:61", ":60:00", ":99:00", ":15:30", ".15:30", ":15.30", ":1a:30",
            ":15:3 ", "+15:30", " 15:30", ":15+08", ":/5:30", ":15:;0", ":15::0", ":15:30",
        ]
        var random = SampleRandom(seed: 20_261_203)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var memo = ByteParsing.DateMemo()
        var (hour, zone) = (0, 0)
        var read = 0
        for _ in 0..<5000 {
            // Mostly the same hour and zone as the last, as a call's times are.
            if pick(5) == 0 { hour = pick(hours.count) }
            if pick(5) == 0 { zone = pick(zones.count) }
            let text = hours[hour] + clocks[pick(clocks.count)] + zones[zone]
            #expect(text.utf8.count == 25)
            let throughMemo = Array(text.utf8).withUnsafeBufferPointer { ByteParsing.timestamp($0, memo: &memo) }
            #expect("\(throughMemo.map { "\($0)" } ?? "nil")" == Self.alone(text), "\(text)")
            if throughMemo != nil { read += 1 }
        }
        #expect(read > 500)
        // A kept hour is not a kept date: another hour of the day reads in full.
        _ = Array("2026-10-01T00:10:00+08:00".utf8).withUnsafeBufferPointer { ByteParsing.timestamp($0, memo: &memo) }
        let other = Array("2026-10-01T01:00:00+08:00".utf8).withUnsafeBufferPointer {
            ByteParsing.timestamp($0, memo: &memo)
        }
        let oneOClock: Int64 = (20727 * 86400 + 3600) * 1000
        #expect(other?.wallMillis == oneOClock)
        #expect(other?.offset == 28800)
    }

    @Test func anImpossibleDateIsNotKeptForTheNextTimestamp() {
        var memo = ByteParsing.DateMemo()
        let bad = Array("2025-02-30T10:00:00Z".utf8).withUnsafeBufferPointer { ByteParsing.timestamp($0, memo: &memo) }
        let again = Array("2025-02-30T11:00:00Z".utf8).withUnsafeBufferPointer {
            ByteParsing.timestamp($0, memo: &memo)
        }
        #expect(bad == nil && again == nil)
        let good = Array("2025-02-28T10:00:00Z".utf8).withUnsafeBufferPointer { ByteParsing.timestamp($0, memo: &memo) }
        let badTime = Array("2025-02-28T25:00:00Z".utf8).withUnsafeBufferPointer {
            ByteParsing.timestamp($0, memo: &memo)
        }
        #expect(good?.offset == 0 && badTime == nil)
    }
}
