import HotlineModel

/// Per local day and IVR path, the calls that took the path and those that hung up at its end: what the
/// `ivr_drop_off` exception compares with the usual. Its own days, apart from ``DayProfiles``'s: a day with only
/// IVR-only calls is not a day of queue data.
public struct IVRDayCounts: Sendable {
    public struct Count: Sendable, Equatable {
        public var entries: Int32 = 0
        public var abandoned: Int32 = 0

        @inline(__always) mutating func add(entries n: Int32, abandoned a: Int32) {
            entries += n
            abandoned += a
        }
    }

    private var dayIndex = DenseIndex<Int32>()
    /// By dense day index, then by path symbol number (an array: no hash look-up per call).
    private var counts: [[Count]] = []
    private var lastDay: Int32 = .min
    private var lastIndex = 0

    public init() {}

    /// The days with IVR calls, in order.
    public var days: [Int32] { dayIndex.keys.sorted() }

    /// Adds `n` calls of `path` on `day`, `abandoned` of them hung up at its last node.
    mutating func add(path: Symbol, day: Int32, entries n: Int = 1, abandoned: Int) {
        guard !path.isNone else { return }
        if day != lastDay {
            let (index, inserted) = dayIndex.index(of: day)
            if inserted { counts.append([]) }
            lastDay = day
            lastIndex = index
        }
        let p = Int(path.rawValue)
        if p >= counts[lastIndex].count {
            counts[lastIndex] += Array(repeating: Count(), count: p + 1 - counts[lastIndex].count)
        }
        // One access for both counts: each access to an element of an inner array makes both arrays unique.
        counts[lastIndex][p].add(entries: Int32(clamping: n), abandoned: Int32(clamping: abandoned))
    }

    /// The paths taken on `day`, by symbol.
    public func paths(on day: Int32) -> [(path: Symbol, count: Count)] {
        guard let d = dayIndex.find(day) else { return [] }
        return counts[d].enumerated().filter { $0.element.entries > 0 }.map {
            (Symbol(rawValue: UInt32($0.offset)), $0.element)
        }
    }
}
