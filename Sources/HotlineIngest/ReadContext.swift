import HotlineModel

/// What every reader of one run shares: the symbol table, interners, the local calendar, masking.
///
/// Not thread-safe: one per reading thread (``sibling()`` makes another over the same symbol tables).
public final class ReadContext {
    public let symbols: SymbolTable
    /// Callers that are not phone numbers, kept apart from report symbols (they are never printed).
    let callerSymbols: SymbolTable
    let interner: FieldInterner
    private let callerInterner: FieldInterner
    private var anonymous: [Int8] = []
    public let calendar: LocalCalendar
    /// The zone of timestamps written without an offset (Asterisk CDRs, exports in server time).
    public let sourceCalendar: LocalCalendar
    public let maskCallers: Bool
    public let limits: CSVReader.Limits
    /// How the exports' own names and words map onto hotline's.
    public var mappings = ExportMappings()
    /// The last date a timestamp field held (``ByteParsing/DateMemo``): this context's thread's alone.
    private var dateMemo = ByteParsing.DateMemo()
    /// UTC milliseconds over which the report zone's offset is `zoneOffsetVerified`: a timestamp with that offset in
    /// them needs no look-up for the warning that the data's offsets are not the zone's (one for every timestamp
    /// was a sixth of reading one).
    private var zoneOffsetVerified: Int64 = .min
    private var zoneOffsetVerifiedMillis: Range<Int64> = 0..<0

    public convenience init(
        symbols: SymbolTable, calendar: LocalCalendar, sourceCalendar: LocalCalendar? = nil, maskCallers: Bool = true,
        limits: CSVReader.Limits = CSVReader.Limits()
    ) {
        self.init(
            symbols: symbols, callerSymbols: SymbolTable(), calendar: calendar, sourceCalendar: sourceCalendar,
            maskCallers: maskCallers, limits: limits)
    }

    private init(
        symbols: SymbolTable, callerSymbols: SymbolTable, calendar: LocalCalendar, sourceCalendar: LocalCalendar?,
        maskCallers: Bool, limits: CSVReader.Limits
    ) {
        self.sourceCalendar = sourceCalendar ?? calendar
        self.symbols = symbols
        self.callerSymbols = callerSymbols
        self.interner = FieldInterner(symbols: symbols)
        self.callerInterner = FieldInterner(symbols: callerSymbols)
        self.calendar = calendar
        self.maskCallers = maskCallers
        self.limits = limits
    }

    /// A context for another reading thread: the same symbol tables, settings and words; its own interners and
    /// calendars (they cache as they go).
    func sibling() -> ReadContext {
        func copy(_ calendar: LocalCalendar) -> LocalCalendar {
            LocalCalendar(zone: calendar.zone, intervalMinutes: Int(calendar.intervalSeconds / 60))
        }
        let other = ReadContext(
            symbols: symbols, callerSymbols: callerSymbols, calendar: copy(calendar),
            sourceCalendar: copy(sourceCalendar), maskCallers: maskCallers, limits: limits)
        other.mappings = mappings
        return other
    }

    /// A timestamp field: `.some(nil)` when empty, nil when not a time. A time without an offset is read in the
    /// source zone and counted in `withoutOffset`; the first offset written that is not the report zone's at that
    /// instant goes to `otherOffset` (days may then be counted in a zone the data was not meant for); dates are
    /// read in `order` (ISO 8601 whatever it is).
    @inline(__always) func instant(
        _ bytes: UnsafeBufferPointer<UInt8>, withoutOffset: inout Int, otherOffset: inout Int?,
        order: DateOrder = .ymd
    ) -> Instant?? {
        if bytes.isEmpty { return .some(nil) }
        guard let parsed = ByteParsing.timestamp(bytes, order: order, memo: &dateMemo) else { return nil }
        if let offset = parsed.offset {
            let instant = Instant(milliseconds: parsed.wallMillis - offset * 1000)
            if otherOffset == nil
                && !(offset == zoneOffsetVerified && zoneOffsetVerifiedMillis.contains(instant.milliseconds))
            {
                let zone = calendar.offsetSpan(atSecond: instant.seconds)
                if zone.offset != offset {
                    otherOffset = Int(offset)
                } else {
                    // In milliseconds, clamped where they would overflow: the span after the last transition ends at
                    // `Int64.max` seconds.
                    let limit = Int64.max / 1000
                    zoneOffsetVerified = offset
                    zoneOffsetVerifiedMillis =
                        max(-limit, zone.seconds.lowerBound) * 1000..<min(limit, zone.seconds.upperBound) * 1000
                }
            }
            return instant
        }
        withoutOffset += 1
        let wallSeconds = parsed.wallMillis.floorDivided(by: 1000)
        let utc = sourceCalendar.utcSecond(fromWall: wallSeconds)
        return Instant(milliseconds: utc * 1000 + (parsed.wallMillis - wallSeconds * 1000))
    }

    /// The caller as written (separators dropped from a phone number): for the list of callers to call back.
    public func callerText(_ key: CallerKey) -> String {
        if key.isPhoneNumber {
            let digits = Int((key.rawValue >> 57) & 0x1F)
            let number = String(key.rawValue & ((1 << 57) - 1))
            let plus = key.rawValue & (1 << 62) != 0 ? "+" : ""
            return plus + String(repeating: "0", count: max(0, digits - number.count)) + number
        }
        return callerSymbols[Symbol(rawValue: UInt32(truncatingIfNeeded: key.rawValue))]
    }

    /// Calls `body` with each UTF-8 byte of ``callerText(_:)``, without making the String (an export hashes every
    /// call's caller).
    @inline(__always) public func forEachCallerByte(_ key: CallerKey, _ body: (UInt8) -> Void) {
        guard key.isPhoneNumber else {
            for b in callerSymbols[Symbol(rawValue: UInt32(truncatingIfNeeded: key.rawValue))].utf8 { body(b) }
            return
        }
        let digits = Int((key.rawValue >> 57) & 0x1F)
        var number = key.rawValue & ((1 << 57) - 1)
        if key.rawValue & (1 << 62) != 0 { body(UInt8(ascii: "+")) }
        // The decimal digits, most significant first, zero-padded to the digits written: at most 18 of them.
        var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        repeat {
            let digit = number % 10
            number /= 10
            switch count / 8 {
            case 0: reversed.0 |= digit << UInt64(count % 8 * 8)
            case 1: reversed.1 |= digit << UInt64(count % 8 * 8)
            default: reversed.2 |= digit << UInt64(count % 8 * 8)
            }
            count += 1
        } while number > 0 && count < 24
        for _ in count..<max(count, digits) { body(UInt8(ascii: "0")) }
        for i in stride(from: count - 1, through: 0, by: -1) {
            let word = i / 8 == 0 ? reversed.0 : i / 8 == 1 ? reversed.1 : reversed.2
            body(UInt8(ascii: "0") + UInt8((word >> UInt64(i % 8 * 8)) & 0xFF))
        }
    }

    /// The caller key of caller text from a reader that already has a String (queue_log, CDRs).
    func callerKey(forText text: String) -> CallerKey? {
        let key = Array(text.utf8).withUnsafeBufferPointer { callerKey(ByteParsing.trimmed($0)) }
        return key ?? nil
    }

    /// The caller key of a caller field: `.some(nil)` when empty or anonymous, nil when the bytes are not text.
    @inline(__always) func callerKey(_ bytes: UnsafeBufferPointer<UInt8>) -> CallerKey?? {
        if bytes.isEmpty { return .some(nil) }
        if let key = CallerKey.phoneNumber(bytes) { return key }
        guard let symbol = callerInterner.intern(bytes) else { return nil }
        let i = Int(symbol.rawValue)
        if anonymous.count <= i { anonymous += Array(repeating: -1, count: i + 1 - anonymous.count) }
        if anonymous[i] < 0 {
            let word = callerSymbols[symbol].lowercased()
            anonymous[i] = CallerKey.anonymousWords.contains(word) || word.allSatisfy({ $0 == "0" }) ? 1 : 0
        }
        return anonymous[i] == 1 ? .some(nil) : CallerKey.interned(symbol)
    }
}
