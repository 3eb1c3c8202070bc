import HotlineModel

/// The menu events (DID, IVRAPPEND) of queue_log callids that have not entered a queue yet.
///
/// A callid's entry waits for its ENTERQUEUE, which takes it; one that sees no event for ``window`` of log time
/// never will, and leaves as an IVR-only call (or, with no menu choice, as a DID alone). Past ``limit`` entries
/// the older half leaves the same way, so a log of millions of menu visits is read in bounded memory: about
/// 60 bytes an entry, an hour of a hotline's arrivals.
struct PendingIVRTable {
    struct Entry {
        var key: UInt64
        /// The first event (DID or IVRAPPEND) and the last, epoch milliseconds.
        var firstAt: Int64
        var lastAt: Int64
        /// The menus chosen in, in order; ``Symbol/none`` for a DID alone.
        var path: Symbol
        var lastNode: Symbol
        /// The last choice was in a menu (or of a choice) configured as self-service.
        var selfService: Bool
        var location: RecordLocation
    }

    /// Log time without an event after which a callid is taken to have ended in the menus: an hour, far longer
    /// than a caller spends between a menu choice and the queue.
    static let window: Int64 = 3_600_000

    private(set) var entries: [UInt64: Entry] = [:]
    let limit: Int
    /// When the next look for expired entries is due (epoch milliseconds of log time).
    private var nextSweep = Int64.min

    init(limit: Int = 1 << 18) { self.limit = max(2, limit) }

    var count: Int { entries.count }

    subscript(key: UInt64) -> Entry? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    /// Takes the entry of `key` out, if there is one.
    mutating func take(_ key: UInt64) -> Entry? {
        // Most logs have no IVR lines: no hashing per call then.
        entries.isEmpty ? nil : entries.removeValue(forKey: key)
    }

    /// The entries that can no longer see their ENTERQUEUE at log time `now` (and, over the limit, the older
    /// half), taken out in the order of their first lines.
    mutating func expired(at now: Int64) -> [Entry] {
        var leaving: [UInt64] = []
        if now >= nextSweep {
            nextSweep = now + Self.window / 4
            leaving = entries.filter { $0.value.lastAt < now - Self.window }.map(\.key)
        }
        if entries.count - leaving.count > limit {
            let kept = Set(leaving)
            let older = entries.filter { !kept.contains($0.key) }.sorted { $0.value.lastAt < $1.value.lastAt }
            leaving += older.prefix(older.count / 2).map(\.key)
        }
        return Self.inLineOrder(leaving.compactMap { entries.removeValue(forKey: $0) })
    }

    /// Every entry, taken out in the order of their first lines (after the last file).
    mutating func drain() -> [Entry] {
        defer { entries = [:] }
        return Self.inLineOrder(Array(entries.values))
    }

    private static func inLineOrder(_ entries: [Entry]) -> [Entry] {
        entries.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
    }
}
