import HotlineModel

/// Numbers and timestamps parsed straight from field bytes: no String, no Foundation per row.
enum ByteParsing {
    /// The reject detail for a control byte in a field: `control byte 0x00 in field queue`.
    static func controlByteText(_ byte: UInt8, field: String) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "control byte 0x\(hex.count < 2 ? "0" + hex : hex) in field \(field)"
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// Whether any byte is below 0x20 (a C0 control, TAB, LF and CR included), eight bytes at a time: a call id
    /// tested byte by byte for a control byte was ~50 instructions a row. False means none; true, look closer.
    @inline(__always) static func hasByteBelowSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        // A byte below 0x20 borrows when 0x20 is taken from it, and had its high bit clear (exact for "any").
        @inline(__always) func below(_ word: UInt64) -> Bool {
            (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0
        }
        if n < 8 {
            // The missing bytes as spaces, which are not below.
            return n > 0 && below(EightBytes.gathered(raw, count: n) | (0x2020_2020_2020_2020 << UInt64(8 * n)))
        }
        var i = 0
        while i + 8 <= n {
            if below(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
            i += 8
        }
        return i < n && below(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
    }

    /// Bytes with ASCII spaces and tabs trimmed at both ends.
    @inline(__always) static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return bytes }
        // Most fields start and end with text: two byte tests, not the two loops' set-up (trimming was 5% of the
        // instructions of reading the 10M-call benchmark file).
        if base[0] > 0x20 && base[bytes.count - 1] > 0x20 { return bytes }
        return trimmedEnds(bytes, base: base)
    }

    private static func trimmedEnds(_ bytes: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>)
        -> UnsafeBufferPointer<UInt8>
    {
        var lo = 0
        var hi = bytes.count
        while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
        while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
        return UnsafeBufferPointer(start: base + lo, count: hi - lo)
    }

    /// A non-negative decimal number of seconds (`12`, `12.5`, `0.125`) as milliseconds, rounded half up.
    /// Nil for anything else, including a sign, exponent or empty field, and more than 15 whole digits (whose
    /// milliseconds would not fit).
    @inline(__always) static func seconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Milliseconds? {
        let n = bytes.count
        guard n > 0, n < 19 else { return nil }
        var i = 0
        var whole: Int64 = 0
        while i < n && isDigit(bytes[i]) {
            whole = whole * 10 + Int64(bytes[i] &- 48)
            i += 1
        }
        let wholeDigits = i
        guard wholeDigits <= 15 else { return nil }
        var millis: Int64 = 0
        if i < n {
            guard bytes[i] == UInt8(ascii: "."), i + 1 < n else { return nil }
            i += 1
            var scale: Int64 = 100
            var roundUp = false
            var first = true
            while i < n {
                guard isDigit(bytes[i]) else { return nil }
                let d = Int64(bytes[i] &- 48)
                if scale > 0 {
                    millis += d * scale
                    scale /= 10
                } else if first {
                    roundUp = d >= 5
                    first = false
                }
                i += 1
            }
            if roundUp { millis += 1 }
        }
        guard wholeDigits > 0 || millis > 0 || n > 1 else { return nil }
        return whole * 1000 + millis
    }

    /// A small non-negative integer (scores), nil otherwise.
    @inline(__always) static func smallInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count > 0, bytes.count <= 6 else { return nil }
        var value = 0
        for b in bytes {
            guard isDigit(b) else { return nil }
            value = value * 10 + Int(b &- 48)
        }
        return value
    }

    /// The day number of the last `YYYY-MM-DD` a reader read, keyed by its ten bytes: the rows of an export are
    /// mostly of one day, and reading and checking the date was a third of a timestamp's cost. Only a valid date is
    /// kept. One per reading thread (``ReadContext``).
    ///
    /// It also keeps the hour of the last `YYYY-MM-DDTHH:MM:SS±HH:MM` read whole: its first 13 bytes and last six, the
    /// hour in wall-clock milliseconds and the offset. A call's three times are mostly in one hour of one day, so
    /// the next such timestamp that agrees in those bytes only has its minutes and seconds to read (a fifth of the
    /// work; the date, the hour and the offset were checked when kept).
    struct DateMemo {
        fileprivate var head: UInt64 = 0
        fileprivate var tail: UInt16 = 0
        fileprivate var dayNumber: Int64 = 0
        fileprivate var valid = false
        /// Bytes 0..<8; 8..<13 (the low five bytes); 19..<25 (the low six bytes).
        fileprivate var hourHead: UInt64 = 0
        fileprivate var hourMiddle: UInt64 = 0
        fileprivate var hourZone: UInt64 = 0
        fileprivate var hourMillis: Int64 = 0
        fileprivate var hourOffset: Int64 = 0
        fileprivate var hourValid = false
    }

    /// An ISO 8601 / RFC 3339 timestamp: `YYYY-MM-DD` then `T` or a space, `HH:MM[:SS[.fff]]`, then `Z`, an
    /// offset `±HH:MM`, `±HHMM`, `±HH` (after one space too), or nothing.
    ///
    /// Returns milliseconds since the epoch of the *wall-clock* reading and the offset in seconds, or a nil
    /// offset when the timestamp has none (the caller then reads it in the configured zone).
    static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> (wallMillis: Int64, offset: Int64?)? {
        var memo = DateMemo()
        return timestamp(bytes, memo: &memo)
    }

    /// `HH:MM:SS` at `p` (eight bytes), its three numbers unchecked for range; nil unless six digits and two colons.
    /// The eight bytes are tested and read at once: digit by digit, the clock was a third of a timestamp's cost.
    @inline(__always) static func clock(_ p: UnsafePointer<UInt8>) -> (hour: Int, minute: Int, second: Int)? {
        let word = EightBytes.word(at: p)
        // Bytes 0, 1, 3, 4, 6, 7 are digits, 2 and 5 colons.
        let digitBytes: UInt64 = 0xFFFF_00FF_FF00_FFFF
        guard word & ~digitBytes == 0x0000_3A00_003A_0000, let v = EightBytes.digitValues(word, mask: digitBytes)
        else { return nil }
        let byte = EightBytes.byte
        return (byte(v, 0) * 10 + byte(v, 1), byte(v, 3) * 10 + byte(v, 4), byte(v, 6) * 10 + byte(v, 7))
    }

    /// The offset of `SS±HH:MM` at `p` (eight bytes, the seconds already read), in seconds, its hours at most 18
    /// and minutes at most 59 as the byte-by-byte reading allows; nil for anything else, which that reading then
    /// sees. The eight bytes are tested and read at once, as ``clock(_:)`` does: the most common timestamp of an
    /// export (`2026-10-01T09:15:00+08:00`) spent a fifth of its reading on its offset.
    @inline(__always) static func zoneOffset(_ p: UnsafePointer<UInt8>) -> Int64? {
        let word = EightBytes.word(at: p)
        // Bytes 3, 4, 6, 7 are digits, byte 2 the sign, byte 5 the colon; bytes 0 and 1 (seconds) are not read.
        let sign = (word >> 16) & 0xFF
        guard sign == 0x2B || sign == 0x2D, (word >> 40) & 0xFF == 0x3A,
            let v = EightBytes.digitValues(word, mask: 0xFFFF_00FF_FF00_0000)
        else { return nil }
        let byte = EightBytes.byte
        let (hours, minutes) = (Int64(byte(v, 3) * 10 + byte(v, 4)), Int64(byte(v, 6) * 10 + byte(v, 7)))
        guard hours <= 18, minutes <= 59 else { return nil }
        let magnitude = hours * 3600 + minutes * 60
        return sign == 0x2D ? -magnitude : magnitude
    }

    /// ``timestamp(_:)``, the date read through `memo`.
    static func timestamp(
        _ bytes: UnsafeBufferPointer<UInt8>, memo: inout DateMemo
    ) -> (wallMillis: Int64, offset: Int64?)? {
        let n = bytes.count
        guard n >= 16, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        if n == 25 && memo.hourValid {
            // Little-endian words (the first byte lowest), as the masks below take them.
            let (w0, w1, w2) = (
                raw.loadUnaligned(as: UInt64.self).littleEndian,
                raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian,
                raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian
            )
            if w0 == memo.hourHead && w1 & 0xFF_FFFF_FFFF == memo.hourMiddle
                && raw.loadUnaligned(fromByteOffset: 17, as: UInt64.self).littleEndian >> 16 == memo.hourZone
            {
                // Bytes 13..<19, `:MM:SS`, as one word: with this date, hour and offset nothing else reads (a `.`
                // or an offset at 16 leaves bytes over), so these bytes decide alone, as ``clock(_:)`` reads them.
                let word = w1 >> 40 | (w2 & 0xFF_FFFF) << 24
                let digitBytes: UInt64 = 0x0000_FFFF_00FF_FF00
                guard word & ~digitBytes == 0x3A00_003A, let v = EightBytes.digitValues(word, mask: digitBytes)
                else { return nil }
                let byte = EightBytes.byte
                let (minute, second) = (byte(v, 1) * 10 + byte(v, 2), byte(v, 4) * 10 + byte(v, 5))
                guard minute <= 59, second <= 60 else { return nil }
                return (memo.hourMillis + Int64(minute * 60 + min(second, 59)) * 1000, memo.hourOffset)
            }
        }
        @inline(__always) func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= n else { return nil }
            var v = 0
            for k in at..<(at + count) {
                guard isDigit(bytes[k]) else { return nil }
                v = v * 10 + Int(bytes[k] &- 48)
            }
            return v
        }
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        let dayNumber: Int64
        if memo.valid && memo.head == head && memo.tail == tail {
            dayNumber = memo.dayNumber
        } else {
            guard let year = digits(0, 4), bytes[4] == UInt8(ascii: "-"), let month = digits(5, 2),
                bytes[7] == UInt8(ascii: "-"), let day = digits(8, 2),
                (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year)
            else { return nil }
            dayNumber = Int64(CivilDate(year: year, month: month, day: day).dayNumber)
            memo.head = head
            memo.tail = tail
            memo.dayNumber = dayNumber
            memo.valid = true
        }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "t")
        else { return nil }
        let hour: Int
        let minute: Int
        var i = 16
        var second = 0
        var millis = 0
        var hasSeconds = false
        if n >= 19, let clock = clock(base + 11) {
            guard clock.hour <= 23, clock.minute <= 59, clock.second <= 60 else { return nil }
            (hour, minute, second) = (clock.hour, clock.minute, min(clock.second, 59))  // a leap second is :59
            i = 19
            hasSeconds = true
        } else {
            guard let h = digits(11, 2), bytes[13] == UInt8(ascii: ":"), let m = digits(14, 2), h <= 23, m <= 59
            else { return nil }
            (hour, minute) = (h, m)
            if i < n && bytes[i] == UInt8(ascii: ":") {
                guard let s = digits(i + 1, 2), s <= 60 else { return nil }
                second = min(s, 59)  // a leap second is read as :59
                i += 3
                hasSeconds = true
            }
        }
        if hasSeconds, i == 19, n == 25, let offset = zoneOffset(base + 17) {
            // `YYYY-MM-DDTHH:MM:SS±HH:MM` exactly: nothing left to read. Its hour is kept for the next.
            let hourMillis = (dayNumber * 24 + Int64(hour)) * 3_600_000
            memo.hourHead = head.littleEndian
            memo.hourMiddle = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian & 0xFF_FFFF_FFFF
            memo.hourZone = raw.loadUnaligned(fromByteOffset: 17, as: UInt64.self).littleEndian >> 16
            memo.hourMillis = hourMillis
            memo.hourOffset = offset
            memo.hourValid = true
            return (hourMillis + Int64(minute * 60 + second) * 1000, offset)
        }
        if hasSeconds {
            if i < n && (bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",")) {
                i += 1
                guard let fraction = fractionMillis(bytes, from: &i) else { return nil }
                millis = fraction
            }
        }
        var offset: Int64?
        // Zendesk's legacy export writes a space before the offset: `2012-09-06 12:18:55 -0800`.
        if i + 1 < n && bytes[i] == UInt8(ascii: " ")
            && (bytes[i + 1] == UInt8(ascii: "+") || bytes[i + 1] == UInt8(ascii: "-")
                || bytes[i + 1] == UInt8(ascii: "Z"))
        {
            i += 1
        }
        if i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") {
                offset = 0
                i += 1
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                guard let oh = digits(i + 1, 2), oh <= 18 else { return nil }
                var om = 0
                i += 3
                if i < n && bytes[i] == UInt8(ascii: ":") {
                    guard let m = digits(i + 1, 2) else { return nil }
                    om = m
                    i += 3
                } else if i < n, let m = digits(i, 2) {
                    om = m
                    i += 2
                }
                guard om <= 59 else { return nil }
                let magnitude = Int64(oh * 3600 + om * 60)
                offset = c == UInt8(ascii: "-") ? -magnitude : magnitude
            }
            guard i == n else { return nil }
        }
        let wall = ((dayNumber * 24 + Int64(hour)) * 60 + Int64(minute)) * 60 + Int64(second)
        return (wall * 1000 + Int64(millis), offset)
    }

    /// A timestamp in an export's date order: ISO 8601 whatever the order (it cannot be misread), else for `dmy`
    /// and `mdy` a spreadsheet's `D/M/YYYY H:MM[:SS[.fff]]` (or `M/D/YYYY`): day and month of one or two digits,
    /// separated by `/`, `-` or `.`, a four-digit year, then optionally a space or `T` and a time of one- or
    /// two-digit hours, with `AM`/`PM` allowed after it. Such a time has no offset.
    static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>, order: DateOrder) -> (
        wallMillis: Int64, offset: Int64?
    )? {
        var memo = DateMemo()
        return timestamp(bytes, order: order, memo: &memo)
    }

    /// ``timestamp(_:order:)``, an ISO 8601 date read through `memo`.
    static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>, order: DateOrder, memo: inout DateMemo) -> (
        wallMillis: Int64, offset: Int64?
    )? {
        // ISO 8601 when it starts with a four-digit year and `-` (`1-12-2025` is a day-first date, not one); the
        // usual order, ymd, is asked first so that its timestamps are not looked at twice.
        if order == .ymd { return timestamp(bytes, memo: &memo) }
        let iso =
            bytes.count >= 5 && bytes[4] == UInt8(ascii: "-") && isDigit(bytes[0]) && isDigit(bytes[1])
            && isDigit(bytes[2]) && isDigit(bytes[3])
        if iso { return timestamp(bytes, memo: &memo) }
        let n = bytes.count
        var i = 0
        /// Digits from `i`, between `least` and `most` of them.
        func number(_ least: Int, _ most: Int) -> Int? {
            let start = i
            var v = 0
            while i < n && i - start < most && isDigit(bytes[i]) {
                v = v * 10 + Int(bytes[i] &- 48)
                i += 1
            }
            return i - start >= least ? v : nil
        }
        func skip(_ c: UInt8) -> Bool {
            guard i < n && bytes[i] == c else { return false }
            i += 1
            return true
        }
        guard let first = number(1, 2), i < n else { return nil }
        let separator = bytes[i]
        guard separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: ".")
        else { return nil }
        i += 1
        guard let middle = number(1, 2), skip(separator), let year = number(4, 4) else { return nil }
        let (day, month) = order == .dmy ? (first, middle) : (middle, first)
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var millis = 0
        if i < n {
            guard skip(UInt8(ascii: " ")) || skip(UInt8(ascii: "T")), let h = number(1, 2), skip(UInt8(ascii: ":")),
                let m = number(2, 2)
            else { return nil }
            (hour, minute) = (h, m)
            if skip(UInt8(ascii: ":")) {
                guard let s = number(2, 2), s <= 60 else { return nil }
                second = min(s, 59)
                if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
                    guard let fraction = fractionMillis(bytes, from: &i) else { return nil }
                    millis = fraction
                }
            }
            _ = skip(UInt8(ascii: " "))
            if i + 2 == n && (bytes[i + 1] | 0x20) == UInt8(ascii: "m") {
                let marker = bytes[i] | 0x20
                guard marker == UInt8(ascii: "a") || marker == UInt8(ascii: "p"), (1...12).contains(hour) else {
                    return nil
                }
                hour = hour % 12 + (marker == UInt8(ascii: "p") ? 12 : 0)
                i = n
            }
            guard i == n, hour <= 23, minute <= 59 else { return nil }
        }
        let dayNumber = Int64(CivilDate(year: year, month: month, day: day).dayNumber)
        let wall = ((dayNumber * 24 + Int64(hour)) * 60 + Int64(minute)) * 60 + Int64(second)
        return (wall * 1000 + Int64(millis), nil)
    }

    /// The date order that would read `bytes`, when they look like a spreadsheet date (`25/01/2025 ...`) that
    /// `order` cannot read because its "month" is above 12: `dmy` or `mdy`, or both for a date read in `ymd` whose
    /// first two numbers are both 12 or below. Nil when the bytes are not such a date.
    static func suggestedDateOrder(_ bytes: UnsafeBufferPointer<UInt8>, order: DateOrder) -> String? {
        var numbers: [Int] = []
        var i = 0
        for _ in 0..<2 {
            let start = i
            var v = 0
            while i < bytes.count && i - start < 2 && isDigit(bytes[i]) {
                v = v * 10 + Int(bytes[i] &- 48)
                i += 1
            }
            guard i > start, i < bytes.count,
                bytes[i] == UInt8(ascii: "/") || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: ".")
            else { return nil }
            numbers.append(v)
            i += 1
        }
        guard i + 4 <= bytes.count, (i..<(i + 4)).allSatisfy({ isDigit(bytes[$0]) }) else { return nil }
        let (first, second) = (numbers[0], numbers[1])
        switch order {
        case .ymd: return first > 12 ? "dmy" : second > 12 ? "mdy" : "dmy or mdy"
        case .mdy: return first > 12 && second <= 12 ? "dmy" : nil
        case .dmy: return second > 12 && first <= 12 ? "mdy" : nil
        }
    }

    /// A duration in seconds (``seconds(_:)``), or as a spreadsheet writes one, `H:MM:SS[.fff]` (hours of any
    /// length, minutes and seconds of two digits below 60), as milliseconds.
    @inline(__always) static func duration(_ bytes: UnsafeBufferPointer<UInt8>) -> Milliseconds? {
        if let plain = seconds(bytes) { return plain }
        let n = bytes.count
        guard n >= 7, n < 24, let firstColon = bytes.firstIndex(of: UInt8(ascii: ":")), firstColon > 0,
            firstColon + 6 <= n, bytes[firstColon + 3] == UInt8(ascii: ":")
        else { return nil }
        var hours: Int64 = 0
        for k in 0..<firstColon {
            guard isDigit(bytes[k]) else { return nil }
            hours = hours * 10 + Int64(bytes[k] &- 48)
        }
        func two(_ at: Int) -> Int64? {
            guard isDigit(bytes[at]), isDigit(bytes[at + 1]) else { return nil }
            return Int64(bytes[at] &- 48) * 10 + Int64(bytes[at + 1] &- 48)
        }
        guard let minutes = two(firstColon + 1), minutes < 60,
            let rest = seconds(UnsafeBufferPointer(rebasing: bytes[(firstColon + 4)...])), rest < 60_000,
            bytes[firstColon + 4] != UInt8(ascii: "."),
            firstColon + 6 == n || bytes[firstColon + 6] == UInt8(ascii: ".")
        else { return nil }
        return (hours * 60 + minutes) * 60_000 + rest
    }

    /// ASCII-lower-cased copy of short bytes, for matching enumerated words.
    static func lowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes.map { ($0 >= 65 && $0 <= 90) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// The digits of a fraction of a second from `i` (past the `.` or `,`), as milliseconds (digits past the third
    /// are read and dropped); nil when there is no digit.
    @inline(__always) static func fractionMillis(_ bytes: UnsafeBufferPointer<UInt8>, from i: inout Int) -> Int? {
        var millis = 0
        var scale = 100
        let start = i
        while i < bytes.count && isDigit(bytes[i]) {
            millis += Int(bytes[i] &- 48) * scale
            scale /= 10
            i += 1
        }
        return i > start ? millis : nil
    }
}
