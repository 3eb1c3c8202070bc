import HotlineModel
import Testing

@testable import HotlineCLI

/// ``ExportRow``: the cells of an exported row, written by hand into the row's own buffer.
struct ExportRowTests {
    func text(of row: ExportRow) -> String { String(decoding: row.bytes, as: UTF8.self) }

    @Test func numbersTimesAndDaysAreWrittenInTheirExportedForms() {
        let row = ExportRow(format: .csv, columns: (1...8).map { ExportColumn(name: "c\($0)", type: "string") })
        row.begin()
        row.integer(0)
        row.integer(-1_234_567)
        row.seconds(Milliseconds(64_005))
        row.seconds(Milliseconds(-7))
        row.time(Instant(milliseconds: 1_794_794_405_007))
        row.localDay(CivilDate(year: 2026, month: 11, day: 16).dayNumber)
        row.clock(9 * 3600 + 30 * 60)
        row.hex(0x0123_4567_89ab_cdef)
        row.end()
        #expect(
            text(of: row)
                == "0,-1234567,64.005,-0.007,2026-11-16T02:00:05.007Z,2026-11-16,09:30,0123456789abcdef\n")
    }

    @Test func theLargestIntegerAndATimeBeforeNineteenSeventyAreWrittenWhole() {
        let row = ExportRow(format: .csv, columns: [ExportColumn(name: "a", type: "integer")])
        row.begin()
        row.integer(Int64.max)
        row.time(Instant(milliseconds: -1))
        row.end()
        #expect(text(of: row) == "9223372036854775807,1969-12-31T23:59:59.999Z\n")
    }

    @Test func aTextCellLongerThanTheRowsFirstRoomIsWrittenWhole() {
        let row = ExportRow(format: .jsonl, columns: [ExportColumn(name: "detail", type: "string")])
        let long = String(repeating: "退款", count: 1000)
        row.begin()
        row.text(long)
        row.end()
        #expect(text(of: row) == "{\"detail\":\"" + long + "\"}\n")
    }

    @Test func theDateOfEachTimeFollowsItsDayWhenDaysAlternate() {
        let row = ExportRow(format: .csv, columns: [ExportColumn(name: "t", type: "timestamp")])
        let day = Int64(86_400_000)
        row.begin()
        for ms in [0, day, 0, 2 * day] { row.time(Instant(milliseconds: ms)) }
        row.end()
        #expect(
            text(of: row)
                == "1970-01-01T00:00:00.000Z,1970-01-02T00:00:00.000Z,1970-01-01T00:00:00.000Z,1970-01-03T00:00:00.000Z\n"
        )
    }

    @Test func emptyCellsAreNullInJSONAndNothingInCSV() {
        let columns = [ExportColumn(name: "a", type: "integer"), ExportColumn(name: "b", type: "string")]
        let json = ExportRow(format: .jsonl, columns: columns)
        json.begin()
        json.integer(Int?.none)
        json.encoded([])
        json.end()
        #expect(text(of: json) == "{\"a\":null,\"b\":null}\n")
        let csv = ExportRow(format: .csv, columns: columns)
        csv.begin()
        csv.integer(Int?.none)
        csv.encoded([])
        csv.end()
        #expect(text(of: csv) == ",\n")
    }
}
