/// Picks the fields of one Zendesk ticket object straight from its bytes, giving the same ``TicketFieldValues`` as
/// `JSONSerialization` followed by ``TicketsJSONReader/collect(_:into:)``: the Foundation decoding of every value
/// of every ticket was most of the time of a JSON read.
///
/// The walk validates the whole object but reads only a strict subset of JSON: anything else (a syntax error, bytes
/// that are not UTF-8, a lone surrogate escape, a trailing comma, a number with an exponent or with a fraction where
/// a field is read, or too many digits) makes ``read(_:into:)`` return false, and the caller decodes that object
/// with Foundation, which decides what it is. Tickets in that subset never need it.
struct TicketJSONFields {
    /// What a key held, the last time it was met (JSONSerialization keeps the last of a repeated key).
    private enum Kind: UInt8 { case absent, null, string, number, object, array }

    /// A key the walk reads, in the object its node stands for.
    private struct Entry {
        var slot: Int
        /// The node of the object this key's value is read as, or -1.
        var child = -1
        /// `tags`: an array whose strings and numbers are joined by a space.
        var joins = false
    }

    private enum Slot {
        static let id = 0, subject = 1, rawSubject = 2, status = 3, priority = 4, type = 5, ticketType = 6
        static let tags = 7, currentTags = 8, groupID = 9, groupName = 10, assigneeID = 11, assigneeName = 12
        static let via = 13, createdAt = 14, updatedAt = 15, callID = 16, requesterPhone = 17, rating = 18
        static let satisfactionScore = 19, solvedAt = 20, reopens = 21, firstReply = 22, resolution = 23
        static let metricSet = 24, viaChannel = 25, viaSource = 26, viaFrom = 27, viaPhone = 28, ratingScore = 29
        static let metricSolvedAt = 30, metricReopens = 31, metricReply = 32, metricResolution = 33
        static let replyCalendar = 34, resolutionCalendar = 35
        static let count = 36
    }

    /// The keys of each node, looked up by length first: most keys of a ticket are none of these.
    private final class Keys: @unchecked Sendable {
        /// Node 0 is the ticket; the others are the nested objects `collect` looks into.
        static let nodes: [[(String, Entry)]] = [
            [
                ("id", Entry(slot: Slot.id)), ("subject", Entry(slot: Slot.subject)),
                ("raw_subject", Entry(slot: Slot.rawSubject)), ("status", Entry(slot: Slot.status)),
                ("priority", Entry(slot: Slot.priority)), ("type", Entry(slot: Slot.type)),
                ("ticket_type", Entry(slot: Slot.ticketType)), ("tags", Entry(slot: Slot.tags, joins: true)),
                ("current_tags", Entry(slot: Slot.currentTags)), ("group_id", Entry(slot: Slot.groupID)),
                ("group_name", Entry(slot: Slot.groupName)), ("assignee_id", Entry(slot: Slot.assigneeID)),
                ("assignee_name", Entry(slot: Slot.assigneeName)), ("via", Entry(slot: Slot.via, child: 1)),
                ("created_at", Entry(slot: Slot.createdAt)), ("updated_at", Entry(slot: Slot.updatedAt)),
                ("call_id", Entry(slot: Slot.callID)), ("requester_phone", Entry(slot: Slot.requesterPhone)),
                ("satisfaction_rating", Entry(slot: Slot.rating, child: 4)),
                ("satisfaction_score", Entry(slot: Slot.satisfactionScore)),
                ("solved_at", Entry(slot: Slot.solvedAt)), ("reopens", Entry(slot: Slot.reopens)),
                ("first_reply_time_in_minutes", Entry(slot: Slot.firstReply)),
                ("full_resolution_time_in_minutes", Entry(slot: Slot.resolution)),
                ("metric_set", Entry(slot: Slot.metricSet, child: 5)),
            ],
            [("channel", Entry(slot: Slot.viaChannel)), ("source", Entry(slot: Slot.viaSource, child: 2))],
            [("from", Entry(slot: Slot.viaFrom, child: 3))],
            [("phone", Entry(slot: Slot.viaPhone))],
            [("score", Entry(slot: Slot.ratingScore))],
            [
                ("solved_at", Entry(slot: Slot.metricSolvedAt)), ("reopens", Entry(slot: Slot.metricReopens)),
                ("reply_time_in_minutes", Entry(slot: Slot.metricReply, child: 6)),
                ("full_resolution_time_in_minutes", Entry(slot: Slot.metricResolution, child: 7)),
            ],
            [("calendar", Entry(slot: Slot.replyCalendar))],
            [("calendar", Entry(slot: Slot.resolutionCalendar))],
        ]
        static let longest = 32
        static let shared = Keys()

        /// Every key's bytes, one after another; per entry, where its key starts.
        private let bytes: UnsafeMutableBufferPointer<UInt8>
        private let entries: UnsafeMutableBufferPointer<(start: Int, entry: Entry)>
        /// Per node and key length, the range of `entries` to compare.
        private let buckets: UnsafeMutableBufferPointer<Range<Int>>

        private init() {
            var all: [UInt8] = []
            var list: [(Int, Entry)] = []
            var ranges = [Range<Int>](repeating: 0..<0, count: Self.nodes.count * Self.longest)
            for (node, keys) in Self.nodes.enumerated() {
                for length in 1..<Self.longest {
                    let first = list.count
                    for (key, entry) in keys where key.utf8.count == length {
                        list.append((all.count, entry))
                        all += key.utf8
                    }
                    ranges[node * Self.longest + length] = first..<list.count
                }
            }
            bytes = .allocate(capacity: all.count)
            _ = bytes.initialize(from: all)
            entries = .allocate(capacity: list.count)
            _ = entries.initialize(from: list.map { (start: $0.0, entry: $0.1) })
            buckets = .allocate(capacity: ranges.count)
            _ = buckets.initialize(from: ranges)
        }

        @inline(__always) func entry(_ key: UnsafeBufferPointer<UInt8>, node: Int) -> Entry? {
            guard key.count < Self.longest, let base = key.baseAddress, let all = bytes.baseAddress else { return nil }
            candidates: for k in buckets[node * Self.longest + key.count] {
                let other = all + entries[k].start
                for j in 0..<key.count where base[j] != other[j] { continue candidates }
                return entries[k].entry
            }
            return nil
        }
    }

    /// The slots inside each node's object, cleared when its key is met again: a repeated `via` replaces the
    /// whole earlier one.
    private static let inside: [ClosedRange<Int>?] = [
        nil, Slot.viaChannel...Slot.viaPhone, Slot.viaFrom...Slot.viaPhone, Slot.viaPhone...Slot.viaPhone,
        Slot.ratingScore...Slot.ratingScore, Slot.metricSolvedAt...Slot.resolutionCalendar,
        Slot.replyCalendar...Slot.replyCalendar, Slot.resolutionCalendar...Slot.resolutionCalendar,
    ]

    /// Not the subset this walk reads: Foundation decides.
    private struct Unsure: Error {}

    private let keys = Keys.shared
    private var kinds = [Kind](repeating: .absent, count: Slot.count)
    private var starts = [Int](repeating: 0, count: Slot.count)
    private var ends = [Int](repeating: 0, count: Slot.count)
    /// The decoded text of the slots (and of an escaped key), kept between objects for its capacity.
    private var text: [UInt8] = []
    private var key: [UInt8] = []

    /// Fills `values` as `collect` would from the decoded object and returns true, or returns false (leaving
    /// `values` as it was) when the bytes are not in the subset this reads.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, into values: inout TicketFieldValues) -> Bool {
        var i = 0
        skipSpace(bytes, &i)
        guard let length = walk(UnsafeBufferPointer(rebasing: bytes[i...])) else { return false }
        i += length
        skipSpace(bytes, &i)
        guard i == bytes.count else { return false }
        fill(&values)
        return true
    }

    /// Reads the object that starts at `bytes[0]` where it lies, among whatever follows it, and returns its
    /// length, having filled `values` as ``read(_:into:)`` does; or nil, leaving `values` as it was, when the
    /// object is not in the subset, is nested deeper than `maxNesting`, or does not end within `bytes`.
    mutating func readObject(at bytes: UnsafeBufferPointer<UInt8>, into values: inout TicketFieldValues) -> Int? {
        guard let length = walk(bytes) else { return nil }
        fill(&values)
        return length
    }

    /// The length of the object at `bytes[0]`, its keys' values kept in the slots; nil when it is not read.
    private mutating func walk(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes[0] == UInt8(ascii: "{") else { return nil }
        for i in 0..<Slot.count { kinds[i] = .absent }
        text.removeAll(keepingCapacity: true)
        var i = 0
        do {
            try readObject(bytes, &i, node: 0, depth: 1)
        } catch {
            return nil
        }
        return i
    }

    /// The deepest nesting the walk follows (the ticket object is 1); a deeper object is left to the caller, which
    /// refuses it.
    static let maxNesting = 100

    // MARK: The fields, by collect's rules

    private func present(_ slot: Int) -> Bool { kinds[slot] != .absent }

    /// The value as `collect`'s `text` gives it: strings and numbers (and booleans, as 1 or 0).
    private func value(_ slot: Int) -> ArraySlice<UInt8>? {
        switch kinds[slot] {
        case .string, .number: text[starts[slot]..<ends[slot]]
        default: nil
        }
    }

    private func fill(_ values: inout TicketFieldValues) {
        func set(_ field: TicketField, _ slot: Int) {
            if let v = value(slot) { values.set(field, utf8: v) }
        }
        /// `o[a] ?? o[b]`: a present key wins even when null.
        func either(_ a: Int, _ b: Int) -> Int { present(a) ? a : b }
        set(.id, Slot.id)
        set(.subject, either(Slot.subject, Slot.rawSubject))
        set(.status, Slot.status)
        if present(Slot.priority) { values.set(.priority, utf8: value(Slot.priority) ?? []) }
        set(.ticketType, either(Slot.type, Slot.ticketType))
        if kinds[Slot.tags] == .array {
            values.set(.tags, utf8: text[starts[Slot.tags]..<ends[Slot.tags]])
        } else {
            set(.tags, Slot.currentTags)
        }
        set(.group, either(Slot.groupID, Slot.groupName))
        set(.assignee, either(Slot.assigneeID, Slot.assigneeName))
        // `via.channel` of an object, or `via` itself when a string (a number is neither).
        switch kinds[Slot.via] {
        case .object: set(.channel, Slot.viaChannel)
        case .string: set(.channel, Slot.via)
        default: break
        }
        set(.createdAt, Slot.createdAt)
        set(.updatedAt, Slot.updatedAt)
        set(.callID, Slot.callID)
        // The nested slots are only ever filled through objects, so a present phone had objects all the way.
        set(.requesterPhone, either(Slot.requesterPhone, Slot.viaPhone))
        set(.satisfaction, Slot.ratingScore)
        set(.satisfaction, Slot.satisfactionScore)
        set(.solvedAt, Slot.solvedAt)
        set(.reopens, Slot.reopens)
        set(.firstReplyMinutes, Slot.firstReply)
        set(.resolutionMinutes, Slot.resolution)
        set(.solvedAt, Slot.metricSolvedAt)
        set(.reopens, Slot.metricReopens)
        set(.firstReplyMinutes, Slot.replyCalendar)
        set(.resolutionMinutes, Slot.resolutionCalendar)
    }

    // MARK: The walk

    @inline(__always) private func skipSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < p.count {
            switch p[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): i += 1
            default: return
            }
        }
    }

    @inline(__always) private func expect(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ b: UInt8) throws(Unsure) {
        guard i < p.count, p[i] == b else { throw Unsure() }
        i += 1
    }

    /// An object from its `{`, reading the keys of `node` and skipping the rest.
    private mutating func readObject(
        _ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, node: Int, depth: Int
    ) throws(Unsure) {
        i += 1
        skipSpace(p, &i)
        if i < p.count && p[i] == UInt8(ascii: "}") {
            i += 1
            return
        }
        while true {
            skipSpace(p, &i)
            try expect(p, &i, UInt8(ascii: "\""))
            // An unescaped key is matched where it lies; an escaped one is decoded first.
            let start = i
            var escaped = false
            try skipString(p, &i, sawEscape: &escaped)
            let found: Entry?
            if escaped {
                key.removeAll(keepingCapacity: true)
                var j = start
                try decodeString(p, &j, into: &key)
                found = key.withUnsafeBufferPointer { keys.entry($0, node: node) }
            } else {
                found = keys.entry(UnsafeBufferPointer(rebasing: p[start..<(i - 1)]), node: node)
            }
            skipSpace(p, &i)
            try expect(p, &i, UInt8(ascii: ":"))
            skipSpace(p, &i)
            if let found {
                try readValue(p, &i, found, depth: depth + 1)
            } else {
                try skipValue(p, &i, depth: depth + 1)
            }
            skipSpace(p, &i)
            guard i < p.count else { throw Unsure() }
            if p[i] == UInt8(ascii: ",") {
                i += 1
            } else if p[i] == UInt8(ascii: "}") {
                i += 1
                return
            } else {
                throw Unsure()
            }
        }
    }

    /// The value of a key the walk reads; `depth` is the nesting it has if it is an object or an array.
    private mutating func readValue(
        _ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ e: Entry, depth: Int
    ) throws(Unsure) {
        if e.child >= 0, let inside = Self.inside[e.child] {
            for s in inside { kinds[s] = .absent }
        }
        guard i < p.count else { throw Unsure() }
        let start = text.count
        let kind: Kind
        switch p[i] {
        case UInt8(ascii: "\""):
            i += 1
            try decodeString(p, &i, into: &text)
            kind = .string
        case UInt8(ascii: "{"):
            kind = .object
            // The nodes read are at most four deep (`via.source.from`), so only skipped values need the limit.
            if e.child >= 0 {
                try readObject(p, &i, node: e.child, depth: depth)
            } else {
                try skipValue(p, &i, depth: depth)
            }
        case UInt8(ascii: "["):
            kind = .array
            if e.joins { try joinArray(p, &i, depth: depth) } else { try skipValue(p, &i, depth: depth) }
        case UInt8(ascii: "n"):
            try literal(p, &i, "null")
            kind = .null
        default:
            try scalar(p, &i, into: &text)
            kind = .number
        }
        kinds[e.slot] = kind
        starts[e.slot] = start
        ends[e.slot] = text.count
    }

    /// A number or boolean as `NSNumber.stringValue` gives it: only integers of up to 18 digits (an Int for
    /// Foundation, written as in the file, but `-0` is 0); booleans are 1 and 0.
    private func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, into out: inout [UInt8]) throws(Unsure) {
        switch p[i] {
        case UInt8(ascii: "t"):
            try literal(p, &i, "true")
            out.append(UInt8(ascii: "1"))
        case UInt8(ascii: "f"):
            try literal(p, &i, "false")
            out.append(UInt8(ascii: "0"))
        default:
            let start = i
            let (digits, shape) = try numberShape(p, &i)
            guard !shape.hasFraction, !shape.hasExponent, digits <= 18 else { throw Unsure() }
            if i - start == 2 && p[start] == UInt8(ascii: "-") && p[start + 1] == UInt8(ascii: "0") {
                out.append(UInt8(ascii: "0"))
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<i]))
            }
        }
    }

    /// `tags`: its strings and numbers joined by one space; null, objects and arrays are left out.
    private mutating func joinArray(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, depth: Int) throws(Unsure) {
        guard depth <= Self.maxNesting else { throw Unsure() }
        i += 1
        skipSpace(p, &i)
        if i < p.count && p[i] == UInt8(ascii: "]") {
            i += 1
            return
        }
        // Counted, not seen in the text: an empty string is a tag too.
        var joined = 0
        while true {
            skipSpace(p, &i)
            guard i < p.count else { throw Unsure() }
            switch p[i] {
            case UInt8(ascii: "\""):
                if joined > 0 { text.append(UInt8(ascii: " ")) }
                joined += 1
                i += 1
                try decodeString(p, &i, into: &text)
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "n"):
                try skipValue(p, &i, depth: depth + 1)
            default:
                if joined > 0 { text.append(UInt8(ascii: " ")) }
                joined += 1
                try scalar(p, &i, into: &text)
            }
            skipSpace(p, &i)
            guard i < p.count else { throw Unsure() }
            if p[i] == UInt8(ascii: ",") {
                i += 1
            } else if p[i] == UInt8(ascii: "]") {
                i += 1
                return
            } else {
                throw Unsure()
            }
        }
    }

    /// A value nobody reads, validated all the same; `depth` is the nesting it has if it is an object or an array.
    private func skipValue(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, depth: Int) throws(Unsure) {
        guard i < p.count else { throw Unsure() }
        switch p[i] {
        case UInt8(ascii: "\""):
            i += 1
            var escaped = false
            try skipString(p, &i, sawEscape: &escaped)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // The recursion stops at `maxNesting`, so a record nested thousands deep cannot exhaust the stack.
            guard depth <= Self.maxNesting else { throw Unsure() }
            let close = p[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let object = close == UInt8(ascii: "}")
            i += 1
            skipSpace(p, &i)
            if i < p.count && p[i] == close {
                i += 1
                return
            }
            while true {
                skipSpace(p, &i)
                if object {
                    try expect(p, &i, UInt8(ascii: "\""))
                    var escaped = false
                    try skipString(p, &i, sawEscape: &escaped)
                    skipSpace(p, &i)
                    try expect(p, &i, UInt8(ascii: ":"))
                    skipSpace(p, &i)
                }
                try skipValue(p, &i, depth: depth + 1)
                skipSpace(p, &i)
                guard i < p.count else { throw Unsure() }
                if p[i] == UInt8(ascii: ",") {
                    i += 1
                } else if p[i] == close {
                    i += 1
                    return
                } else {
                    throw Unsure()
                }
            }
        case UInt8(ascii: "t"): try literal(p, &i, "true")
        case UInt8(ascii: "f"): try literal(p, &i, "false")
        case UInt8(ascii: "n"): try literal(p, &i, "null")
        default:
            // Foundation refuses numbers out of Double's range; short ones without an exponent never are.
            let (digits, shape) = try numberShape(p, &i)
            guard digits <= 20, !shape.hasExponent else { throw Unsure() }
        }
    }

    private func literal(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ word: StaticString) throws(Unsure) {
        let n = word.utf8CodeUnitCount
        guard i + n <= p.count else { throw Unsure() }
        let w = word.utf8Start
        for k in 0..<n where p[i + k] != w[k] { throw Unsure() }
        i += n
    }

    private struct NumberShape {
        var hasFraction = false
        var hasExponent = false
    }

    /// Moves past a JSON number, returning its count of digits and its shape (an exponent is left unread: no
    /// caller takes one).
    private func numberShape(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Unsure) -> (Int, NumberShape) {
        var shape = NumberShape()
        if i < p.count && p[i] == UInt8(ascii: "-") { i += 1 }
        let first = i
        while i < p.count && p[i] &- UInt8(ascii: "0") < 10 { i += 1 }
        var digits = i - first
        // No leading zero, and at least one digit.
        guard digits > 0, digits == 1 || p[first] != UInt8(ascii: "0") else { throw Unsure() }
        if i < p.count && p[i] == UInt8(ascii: ".") {
            shape.hasFraction = true
            i += 1
            let start = i
            while i < p.count && p[i] &- UInt8(ascii: "0") < 10 { i += 1 }
            guard i > start else { throw Unsure() }
            digits += i - start
        }
        if i < p.count && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) { shape.hasExponent = true }
        return (digits, shape)
    }

    /// The end of the run of plain string bytes (printable ASCII but `"` and `\\`) from `i`, eight at a time.
    @inline(__always) private func plainRun(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        if let base = p.baseAddress {
            while i + 8 <= p.count {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let quote = x ^ (ones &* 0x22)
                let backslash = x ^ (ones &* 0x5C)
                // A zero byte in `quote` or `backslash`, a byte under 0x20, or one of 0x80 and over.
                let special =
                    ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (x &- ones &* 0x20) | x
                if special & highs != 0 { break }
                i += 8
            }
        }
        while i < p.count, case let c = p[i], c >= 0x20, c < 0x80, c != UInt8(ascii: "\""), c != UInt8(ascii: "\\") {
            i += 1
        }
        return i
    }

    /// Moves past a string's closing quote, checking its escapes and UTF-8 (`i` is after the opening quote).
    private func skipString(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, sawEscape: inout Bool) throws(Unsure) {
        while i < p.count {
            i = plainRun(p, from: i)
            guard i < p.count else { break }
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return
            } else if b == UInt8(ascii: "\\") {
                sawEscape = true
                _ = try unescape(p, &i)
            } else if b < 0x20 {
                throw Unsure()
            } else if b < 0x80 {
                i += 1
            } else {
                i += try utf8Length(p, i)
            }
        }
        throw Unsure()
    }

    /// Appends a string's text to `out` and moves past its closing quote (`i` is after the opening quote).
    private func decodeString(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, into out: inout [UInt8]) throws(Unsure) {
        while i < p.count {
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return
            } else if b == UInt8(ascii: "\\") {
                let scalar = try unescape(p, &i)
                if scalar < 0x80 {
                    out.append(UInt8(scalar))
                } else if scalar < 0x800 {
                    out.append(UInt8(0xC0 | scalar >> 6))
                    out.append(UInt8(0x80 | scalar & 0x3F))
                } else if scalar < 0x10000 {
                    out.append(UInt8(0xE0 | scalar >> 12))
                    out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                    out.append(UInt8(0x80 | scalar & 0x3F))
                } else {
                    out.append(UInt8(0xF0 | scalar >> 18))
                    out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                    out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                    out.append(UInt8(0x80 | scalar & 0x3F))
                }
            } else if b < 0x20 {
                throw Unsure()
            } else if b < 0x80 {
                // A run of plain ASCII goes in at once.
                let start = i
                i = plainRun(p, from: i + 1)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<i]))
            } else {
                let n = try utf8Length(p, i)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + n)]))
                i += n
            }
        }
        throw Unsure()
    }

    /// The scalar of the escape at `i` (a backslash), moving past it; a surrogate must come as a pair.
    private func unescape(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Unsure) -> UInt32 {
        guard i + 1 < p.count else { throw Unsure() }
        let c = p[i + 1]
        i += 2
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return UInt32(c)
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"):
            let high = try hex4(p, &i)
            if high & 0xF800 != 0xD800 { return high }
            guard high < 0xDC00, i + 1 < p.count, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else {
                throw Unsure()
            }
            i += 2
            let low = try hex4(p, &i)
            guard low & 0xFC00 == 0xDC00 else { throw Unsure() }
            return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        default: throw Unsure()
        }
    }

    private func hex4(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Unsure) -> UInt32 {
        guard i + 4 <= p.count else { throw Unsure() }
        var v: UInt32 = 0
        for k in 0..<4 {
            let b = p[i + k]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw Unsure()
            }
            v = v << 4 | UInt32(d)
        }
        i += 4
        return v
    }

    /// The length of the well-formed UTF-8 sequence at `i` (no overlong forms, surrogates or scalars past
    /// U+10FFFF).
    private func utf8Length(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) throws(Unsure) -> Int {
        let b0 = p[i]
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        let n: Int
        switch b0 {
        case 0xC2...0xDF: n = 2
        case 0xE0:
            n = 3
            lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: n = 3
        case 0xED:
            n = 3
            upper = 0x9F
        case 0xF0:
            n = 4
            lower = 0x90
        case 0xF1...0xF3: n = 4
        case 0xF4:
            n = 4
            upper = 0x8F
        default: throw Unsure()
        }
        guard i + n <= p.count else { throw Unsure() }
        let b1 = p[i + 1]
        guard b1 >= lower && b1 <= upper else { throw Unsure() }
        for k in 2..<n where p[i + k] & 0xC0 != 0x80 { throw Unsure() }
        return n
    }
}
