import HotlineModel
import HotlineReport

/// One row of an exported table being encoded, cell by cell, as CSV or as a JSON object.
///
/// Text from the inputs goes through ``text(_:)``: in CSV neutralised against formula injection and escaped as
/// the other CSV outputs are (``CSVReportRenderer/textCell(_:)``); in JSON a string. Numbers and times are ASCII
/// the row writes itself.
///
/// Written by hand into a buffer the row owns, not appended to an array: encoding was half of an export's own time
/// (a uniqueness check, a bounds check and a retain per byte appended, a calendar conversion per time). Each cell
/// first makes room for its widest form, then stores its bytes unchecked; the tables (digit pairs, hex pairs, the
/// JSON keys) are the row's own, so no lazy global is touched per cell; the date of the last time written is kept,
/// since a file's calls are mostly on one day.
final class ExportRow {
    let format: ExportFormat
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var index = 0
    /// `"name":` of each column, for JSON.
    private let keys: [[UInt8]]
    /// Room a cell's separator and JSON key take at most.
    private let keyRoom: Int
    /// "00" to "99", two bytes each.
    private let digitPairs: UnsafeMutablePointer<UInt8>
    /// "00" to "ff", two bytes each.
    private let hexPairs: UnsafeMutablePointer<UInt8>
    /// The day number whose `YYYY-MM-DD` is in ``dateBytes``.
    private var dateDay = Int.min
    private let dateBytes: UnsafeMutablePointer<UInt8>
    private var dateLength = 0
    private let nullWord: [UInt8] = Array("null".utf8)

    /// Room for a number or a time cell besides its key: a sign, 19 digits, a point and 3 decimals, or a
    /// timestamp of a year of up to 19 digits, with quotes.
    private static let valueRoom = 48

    init(format: ExportFormat, columns: [ExportColumn]) {
        self.format = format
        keys = columns.map { Array(("\"" + $0.name + "\":").utf8) }
        keyRoom = 1 + (format == .jsonl ? keys.map(\.count).max() ?? 0 : 0)
        capacity = 512
        base = .allocate(capacity: capacity)
        digitPairs = .allocate(capacity: 200)
        for i in 0..<100 {
            digitPairs[2 * i] = UInt8(ascii: "0") + UInt8(i / 10)
            digitPairs[2 * i + 1] = UInt8(ascii: "0") + UInt8(i % 10)
        }
        hexPairs = .allocate(capacity: 512)
        let hex = Array("0123456789abcdef".utf8)
        for i in 0..<256 {
            hexPairs[2 * i] = hex[i >> 4]
            hexPairs[2 * i + 1] = hex[i & 0xF]
        }
        dateBytes = .allocate(capacity: 32)
    }

    deinit {
        base.deallocate()
        digitPairs.deallocate()
        hexPairs.deallocate()
        dateBytes.deallocate()
    }

    /// The row so far (valid until the next cell or ``begin()``).
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The header line of a CSV file.
    static func header(_ columns: [ExportColumn]) -> [UInt8] {
        Array((columns.map(\.name).joined(separator: ",") + "\n").utf8)
    }

    /// Starts the next row.
    func begin() {
        count = 0
        index = 0
        if format == .jsonl { put(UInt8(ascii: "{")) }
    }

    /// Ends the row with its line break.
    func end() {
        reserve(2)
        if format == .jsonl { put(UInt8(ascii: "}")) }
        put(UInt8(ascii: "\n"))
    }

    /// Makes room for `more` bytes.
    @inline(__always) private func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    private func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    /// Stores a byte in room made before.
    @inline(__always) private func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always) private func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            (base + count).update(from: start, count: buffer.count)
            count += buffer.count
        }
    }

    /// Starts a cell with room for `room` bytes of value: the comma, and the key in JSON.
    @inline(__always) private func separate(room: Int = valueRoom) {
        reserve(keyRoom + room)
        if index > 0 { put(UInt8(ascii: ",")) }
        if format == .jsonl { put(keys[index]) }
        index += 1
    }

    @inline(__always) private func quote() {
        if format == .jsonl { put(UInt8(ascii: "\"")) }
    }

    /// A text cell from the inputs; empty text is an empty cell (null in JSON).
    func text(_ value: String) {
        guard !value.isEmpty else { return null() }
        encoded(Self.encodedText(value, format: format))
    }

    /// A cell already encoded by ``encodedText(_:format:)`` (cached per symbol).
    func encoded(_ cell: [UInt8]) {
        separate(room: max(cell.count, nullWord.count))
        put(cell.isEmpty && format == .jsonl ? nullWord : cell)
    }

    /// An empty cell (null in JSON).
    func null() {
        separate()
        if format == .jsonl { put(nullWord) }
    }

    /// ASCII text that needs no escaping (a name of hotline's, a day): a string in JSON.
    func word(_ value: String) {
        separate(room: value.utf8.count + 2)
        quote()
        for byte in value.utf8 { put(byte) }
        quote()
    }

    /// A word already as bytes (``word(_:)-(String)``, without going through a String per row).
    func word(_ value: [UInt8]) {
        separate(room: value.count + 2)
        quote()
        put(value)
        quote()
    }

    /// A key as 16 lower-case hex digits (a string in JSON): the call and caller keys.
    func hex(_ value: UInt64) {
        separate()
        quote()
        for shift in stride(from: 56, through: 0, by: -8) {
            let pair = hexPairs + 2 * Int((value >> UInt64(shift)) & 0xFF)
            put(pair[0])
            put(pair[1])
        }
        quote()
    }

    func integer<T: BinaryInteger>(_ value: T?) {
        guard let value else { return null() }
        separate()
        if value < 0 { put(UInt8(ascii: "-")) }
        digits(UInt64(value.magnitude), width: 1)
    }

    /// Milliseconds as seconds with three decimals (`12.345`).
    func seconds(_ value: Milliseconds?) {
        guard let value else { return null() }
        separate()
        if value < 0 { put(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        digits(magnitude / 1000, width: 1)
        put(UInt8(ascii: "."))
        digits(magnitude % 1000, width: 3)
    }

    /// A UTC time with milliseconds: `2026-11-16T02:00:00.000Z`; empty when absent.
    func time(_ value: Instant?) {
        guard let value else { return null() }
        separate()
        quote()
        let day = value.milliseconds.floorDivided(by: 86_400_000)
        let ms = UInt64(value.milliseconds - day * 86_400_000)
        date(Int(day))
        put(UInt8(ascii: "T"))
        pair(ms / 3_600_000)
        put(UInt8(ascii: ":"))
        pair(ms / 60_000 % 60)
        put(UInt8(ascii: ":"))
        pair(ms / 1000 % 60)
        put(UInt8(ascii: "."))
        digits(ms % 1000, width: 3)
        put(UInt8(ascii: "Z"))
        quote()
    }

    /// A local day, `YYYY-MM-DD`.
    func localDay(_ dayNumber: Int) {
        separate()
        quote()
        date(dayNumber)
        quote()
    }

    /// A local time of day `HH:MM` from seconds since midnight.
    func clock(_ secondOfDay: Int) {
        separate()
        quote()
        digits(UInt64(max(secondOfDay, 0) / 3600), width: 2)
        put(UInt8(ascii: ":"))
        pair(UInt64(max(secondOfDay, 0) / 60 % 60))
        quote()
    }

    /// `YYYY-MM-DD` of a day number, converted once per day.
    private func date(_ dayNumber: Int) {
        if dayNumber != dateDay {
            let civil = CivilDate(dayNumber: dayNumber)
            var length = 0
            if civil.year < 0 {
                dateBytes[0] = UInt8(ascii: "-")
                length = 1
            }
            length += write(UInt64(civil.year.magnitude), width: 4, to: dateBytes + length)
            dateBytes[length] = UInt8(ascii: "-")
            length += 1 + write(UInt64(civil.month), width: 2, to: dateBytes + length + 1)
            dateBytes[length] = UInt8(ascii: "-")
            length += 1 + write(UInt64(civil.day), width: 2, to: dateBytes + length + 1)
            dateLength = length
            dateDay = dayNumber
        }
        (base + count).update(from: dateBytes, count: dateLength)
        count += dateLength
    }

    /// Two digits of a value under 100.
    @inline(__always) private func pair(_ value: UInt64) {
        let digits = digitPairs + 2 * Int(value)
        put(digits[0])
        put(digits[1])
    }

    /// `value` in decimal, zero-padded to `width`.
    @inline(__always) private func digits(_ value: UInt64, width: Int) {
        count += write(value, width: width, to: base + count)
    }

    /// Writes `value` in decimal, zero-padded to `width`, at `out`, from the right two digits at a time; returns
    /// the length.
    private func write(_ value: UInt64, width: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 1
        var power: UInt64 = 10
        while length < 20 && power <= value {
            length += 1
            power = power &* 10
        }
        length = max(length, width)
        var i = length
        var rest = value
        while rest >= 100 {
            let next = rest / 100
            let pair = digitPairs + 2 * Int(rest - next * 100)
            i -= 2
            out[i] = pair[0]
            out[i + 1] = pair[1]
            rest = next
        }
        if rest >= 10 {
            i -= 2
            out[i] = digitPairs[2 * Int(rest)]
            out[i + 1] = digitPairs[2 * Int(rest) + 1]
        } else {
            i -= 1
            out[i] = UInt8(ascii: "0") + UInt8(rest)
        }
        while i > 0 {
            i -= 1
            out[i] = UInt8(ascii: "0")
        }
        return length
    }

    /// Input text as one cell: CSV neutralised and escaped; a JSON string. Empty text is an empty cell.
    static func encodedText(_ value: String, format: ExportFormat) -> [UInt8] {
        guard !value.isEmpty else { return [] }
        switch format {
        case .csv: return Array(CSVReportRenderer.textCell(value).utf8)
        case .jsonl: return jsonString(value)
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    static func jsonString(_ value: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(value.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}
