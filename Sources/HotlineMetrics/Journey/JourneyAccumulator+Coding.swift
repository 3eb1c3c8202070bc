import HotlineModel

/// The journey counts in a day snapshot: names in key order, so the same counts give the same bytes.
extension JourneyAccumulator {
    func write(to w: inout BinaryWriter) {
        w.uint(linkable ? 1 : 0)
        for n in [tickets, linkedByReference, linkedByPhone, unknownReferences, offered] { w.uint(UInt64(n)) }
        w.uint(UInt64(total.answered))
        w.uint(UInt64(total.escalated))
        for breakdown in Breakdown.allCases {
            let names = by[breakdown] ?? [:]
            w.uint(UInt64(names.count))
            for (name, n) in names.sorted(by: { $0.key < $1.key }) {
                w.string(name)
                w.uint(UInt64(n.answered))
                w.uint(UInt64(n.escalated))
            }
        }
        w.uint(UInt64(resolutions.count))
        for (r, n) in resolutions.sorted(by: { $0.key < $1.key }) {
            w.int(Int64(r.solveDay))
            w.uint(UInt64(r.minutes))
            w.uint(UInt64(n))
        }
        w.uint(UInt64(chaserCalls.count))
        for (c, n) in chaserCalls.sorted(by: { $0.key < $1.key }) {
            w.int(Int64(c.day))
            w.uint(UInt64(c.category.rawValue))
            w.uint(UInt64(n))
        }
    }

    static func read(from r: inout BinaryReader) throws -> JourneyAccumulator {
        var a = JourneyAccumulator()
        a.linkable = try r.uint() != 0
        (a.tickets, a.linkedByReference, a.linkedByPhone, a.unknownReferences, a.offered) = (
            try r.tally(), try r.tally(), try r.tally(), try r.tally(), try r.tally()
        )
        a.total = Escalations(answered: try r.tally(), escalated: try r.tally())
        for breakdown in Breakdown.allCases {
            for _ in 0..<(try r.count()) {
                let name = try r.string()
                a.by[breakdown, default: [:]][name] = Escalations(answered: try r.tally(), escalated: try r.tally())
            }
        }
        for _ in 0..<(try r.count()) {
            let day = Int32(truncatingIfNeeded: try r.int64())
            let minutes = try r.tally()
            a.resolutions[Resolution(solveDay: day, minutes: minutes)] = try r.tally()
        }
        for _ in 0..<(try r.count()) {
            let day = Int32(truncatingIfNeeded: try r.int64())
            guard let category = CallCategory(rawValue: UInt8(truncatingIfNeeded: try r.uint())) else {
                throw BinaryReader.Malformed()
            }
            a.chaserCalls[Chaser(day: day, category: category)] = try r.tally()
        }
        return a
    }
}
