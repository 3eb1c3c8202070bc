import HotlineModel

/// The queued calls a queue_log has opened and not yet ended, kept compact: a log left with millions of calls
/// open (a PBX that never wrote their ends) must not cost a gigabyte.
///
/// Each open call is one 80-byte ``Call`` in a dense array, found through its callid key in a map of
/// array positions (a removed call's place is taken by the last one). Nothing of a call is a separate heap
/// object: its callid, needed only for the message if it never ends, is a length-prefixed run of bytes in one
/// shared buffer (compacted when more than half of it is dead); its first event's location is inline and any
/// later events' locations are a chain in one shared array of 12-byte links, whose freed links are reused.
///
/// Past ``limit`` open calls, the older half (by enqueue time: the calls least likely to still end) moves to an
/// ``OpenCallSpill`` on disk and comes back the moment an event of it arrives.
///
/// - Complexity: O(1) amortised to open, look up, add an event to and close a call; O(n log n) to drain n calls in
///   line order, and to spill. Memory: about 100 bytes per open call in memory (130 with the growth slack of the
///   arrays: 4 million calls left open peaked at 517 MB in a whole report, 1.9 GB before), plus 12 per event
///   after its first; about 2 bytes per spilled call.
struct OpenCallTable {
    struct Call {
        var key: UInt64
        var enqueuedAt: Int64
        var answeredAt: Int64
        var caller: UInt64
        var holdSeconds: Double
        /// Where the callid's length and bytes start in ``OpenCallTable/ids``.
        var idOffset: Int
        /// The ENTERQUEUE (or first event).
        var location: RecordLocation
        var queue: Symbol
        var agent: Symbol
        /// The most recent later event, a position in ``OpenCallTable/links`` (``noLink``: none).
        var lastLink: UInt32
        var flags: UInt8
        /// The menus the caller went through before the queue (``Symbol/none``: none), and the time in them.
        var ivrPath: Symbol = .none
        var ivrMillis: Int32 = 0

        static let hasCaller: UInt8 = 1
        static let answered: UInt8 = 2
        static let hasHold: UInt8 = 4
    }

    /// One later event of a call: its location and the event before it.
    private struct Link {
        var location: RecordLocation
        var previous: UInt32
    }

    static let noLink = UInt32.max

    private(set) var calls: [Call] = []
    private var positions = KeyPositionMap()
    private var ids: [UInt8] = []
    private var deadIDBytes = 0
    private var links: [Link] = []
    private var freeLink = noLink
    /// Open calls held in memory before the older half is spilled: 256K calls, about 33 MB. Far more calls than
    /// any hotline has waiting at once; a log past it is one whose ends never came.
    private(set) var limit: Int
    private var spill: OpenCallSpill?

    init(limit: Int = 1 << 18) { self.limit = max(2, limit) }

    /// Open calls in memory and in the spill.
    var count: Int { calls.count + (spill?.count ?? 0) }

    /// The position in memory of the open call with `key`, bringing it back from the spill if it is there.
    mutating func position(of key: UInt64) -> Int? {
        if let position = positions[key] { return Int(position) }
        guard let spill, spill.count > 0, let record = spill.take(key) else { return nil }
        insert(record)
        return calls.count - 1
    }

    subscript(position: Int) -> Call {
        get { calls[position] }
        set { calls[position] = newValue }
    }

    /// Opens a call (the caller makes sure none with its key is open).
    mutating func open(
        key: UInt64, callID: UnsafeBufferPointer<UInt8>, enqueuedAt: Instant, queue: Symbol, caller: CallerKey?,
        location: RecordLocation
    ) {
        let call = Call(
            key: key, enqueuedAt: enqueuedAt.milliseconds, answeredAt: 0, caller: caller?.rawValue ?? 0,
            holdSeconds: 0, idOffset: storeID(callID), location: location, queue: queue, agent: .none,
            lastLink: Self.noLink, flags: caller == nil ? 0 : Call.hasCaller)
        positions[key] = UInt32(calls.count)
        calls.append(call)
        if calls.count > limit { spillOlderHalf() }
    }

    /// Puts a call back as it was spilled: its state, callid and events.
    private mutating func insert(_ record: OpenCallSpill.Record) {
        var call = record.call
        call.idOffset = storeID(record.callID)
        call.lastLink = Self.noLink
        positions[call.key] = UInt32(calls.count)
        calls.append(call)
        for event in record.events.dropFirst() { addEvent(event, at: calls.count - 1) }
    }

    /// Moves the older half of the calls in memory (by enqueue time, then first line) to the spill. When no
    /// temporary file can be written, the calls stay in memory and the table stops trying (exact, only not
    /// bounded).
    private mutating func spillOlderHalf() {
        let order = calls.indices.sorted { a, b in
            let (x, y) = (calls[a], calls[b])
            return (x.enqueuedAt, x.location.file, x.location.line) < (y.enqueuedAt, y.location.file, y.location.line)
        }
        let moving = order.prefix(calls.count / 2)
        let records = moving.map { position in
            OpenCallSpill.Record(call: calls[position], callID: idBytes(at: position), events: events(at: position))
        }
        guard let spill = spill ?? OpenCallSpill(), spill.write(records) else {
            limit = Int.max
            return
        }
        var kept = OpenCallTable(limit: limit)
        kept.spill = spill
        for position in order.dropFirst(moving.count) {
            kept.insert(
                OpenCallSpill.Record(call: calls[position], callID: idBytes(at: position), events: events(at: position))
            )
        }
        self = kept
    }

    /// Adds the location of a later event to the call at `position`.
    mutating func addEvent(_ location: RecordLocation, at position: Int) {
        let link = Link(location: location, previous: calls[position].lastLink)
        let index: UInt32
        if freeLink != Self.noLink {
            index = freeLink
            freeLink = links[Int(index)].previous
            links[Int(index)] = link
        } else {
            index = UInt32(links.count)
            links.append(link)
        }
        calls[position].lastLink = index
    }

    /// The callid of the call at `position`, as written.
    func callID(at position: Int) -> String { String(decoding: idBytes(at: position), as: UTF8.self) }

    private func idBytes(at position: Int) -> [UInt8] {
        var offset = calls[position].idOffset
        let length = Self.readLength(ids, at: &offset)
        return Array(ids[offset..<offset + length])
    }

    /// The locations of every event of the call at `position`, in reading order.
    func events(at position: Int) -> [RecordLocation] {
        var events: [RecordLocation] = []
        var index = calls[position].lastLink
        while index != Self.noLink {
            events.append(links[Int(index)].location)
            index = links[Int(index)].previous
        }
        events.append(calls[position].location)
        return events.reversed()
    }

    /// Closes the call at `position` and returns it; the last call takes its position.
    @discardableResult
    mutating func remove(at position: Int) -> Call {
        let call = calls[position]
        release(call)
        positions[call.key] = nil
        let last = calls.removeLast()
        if position < calls.count {
            calls[position] = last
            positions[last.key] = UInt32(position)
        }
        if deadIDBytes > 1 << 20 && deadIDBytes > ids.count / 2 { compactIDs() }
        return call
    }

    /// Calls `body` with the callid and event locations of every open call, those in memory in the order of
    /// their first lines, then the spilled ones run by run (each run in line order), and empties the table.
    mutating func drain(_ body: (_ callID: String, _ events: [RecordLocation]) -> Void) {
        var order = Array(0..<UInt32(calls.count))
        order.sort { a, b in
            let (x, y) = (calls[Int(a)].location, calls[Int(b)].location)
            return (x.file, x.line) < (y.file, y.line)
        }
        for position in order { body(callID(at: Int(position)), events(at: Int(position))) }
        spill?.drain { body(String(decoding: $0.callID, as: UTF8.self), $0.events) }
        self = OpenCallTable(limit: limit)
    }

    // MARK: - Storage

    private mutating func storeID<Bytes: Collection<UInt8>>(_ callID: Bytes) -> Int {
        let offset = ids.count
        var length = callID.count
        // LEB128: seven bits a byte, the high bit set on all but the last.
        while length >= 0x80 {
            ids.append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        ids.append(UInt8(length))
        ids.append(contentsOf: callID)
        return offset
    }

    private static func readLength(_ ids: [UInt8], at offset: inout Int) -> Int {
        var length = 0
        var shift = 0
        while true {
            let byte = ids[offset]
            offset += 1
            length |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return length }
            shift += 7
        }
    }

    /// Gives the call's id bytes and event links back.
    private mutating func release(_ call: Call) {
        var offset = call.idOffset
        let length = Self.readLength(ids, at: &offset)
        deadIDBytes += offset - call.idOffset + length
        var index = call.lastLink
        while index != Self.noLink {
            let previous = links[Int(index)].previous
            links[Int(index)].previous = freeLink
            freeLink = index
            index = previous
        }
    }

    /// Rewrites the id buffer with only the ids of open calls.
    private mutating func compactIDs() {
        var compacted: [UInt8] = []
        compacted.reserveCapacity(ids.count - deadIDBytes)
        for position in calls.indices {
            let start = calls[position].idOffset
            var offset = start
            let length = Self.readLength(ids, at: &offset)
            calls[position].idOffset = compacted.count
            compacted.append(contentsOf: ids[start..<offset + length])
        }
        ids = compacted
        deadIDBytes = 0
    }
}
