import HotlineModel

/// How many calls wait, second by second, over one local day: the seconds where the number changes.
///
/// The nightly store keeps it with each day so that the stores of several sites merge into exact peaks: the peak
/// of two sites waiting together is the peak of the sum of their timelines, not the sum of their peaks.
public struct WaitingTimeline: Sendable, Equatable {
    /// From `seconds[i]` (UTC seconds since the day's first instant) until the next change, `counts[i]` calls wait;
    /// the last count lasts until the day ends.
    public private(set) var seconds: [Int32] = []
    public private(set) var counts: [Int32] = []

    public init() {}

    public var isEmpty: Bool { seconds.isEmpty }

    /// Records that `count` calls wait from `second` on; seconds come in increasing order.
    mutating func append(second: Int32, count: Int32) {
        if let last = seconds.last, last == second {
            counts[counts.count - 1] = count
        } else {
            seconds.append(second)
            counts.append(count)
        }
        // A change back to the count before it is no change.
        if counts.count >= 2 && counts[counts.count - 1] == counts[counts.count - 2] {
            seconds.removeLast()
            counts.removeLast()
        }
    }

    /// The calls of several sites waiting together: at each second, the sum of their counts.
    public static func sum(_ timelines: [WaitingTimeline]) -> WaitingTimeline {
        var changes: [(second: Int32, site: Int, count: Int32)] = []
        for (site, t) in timelines.enumerated() {
            for (s, c) in zip(t.seconds, t.counts) { changes.append((s, site, c)) }
        }
        changes.sort { ($0.second, $0.site) < ($1.second, $1.site) }
        var current = [Int32](repeating: 0, count: timelines.count)
        var total: Int32 = 0
        var result = WaitingTimeline()
        var i = 0
        while i < changes.count {
            let second = changes[i].second
            while i < changes.count && changes[i].second == second {
                total += changes[i].count - current[changes[i].site]
                current[changes[i].site] = changes[i].count
                i += 1
            }
            result.append(second: second, count: total)
        }
        return result
    }

    /// The peak of each wall-clock slot of local `day`, as ``PeakWaitingTracker`` finds it; empty when no call
    /// waits that day.
    public func peaks(day: Int32, calendar: LocalCalendar, slotsPerDay: Int) -> [Int] {
        guard counts.contains(where: { $0 > 0 }) else { return [] }
        let dayStart = calendar.startOfDay(Int(day))
        let dayLength = calendar.lengthOfDay(Int(day))
        let slotSeconds = Int64(calendar.intervalSeconds)
        var peaks = [Int](repeating: 0, count: slotsPerDay)
        for (i, count) in counts.enumerated() where count > 0 {
            var second = Int64(seconds[i])
            let end = i + 1 < seconds.count ? Int64(seconds[i + 1]) : dayLength
            // Every slot the span touches, stepping from one wall-clock slot boundary to the next.
            while second < end {
                let wall = Int64(calendar.stamp(Instant(seconds: dayStart + second)).secondOfDay)
                let slot = Int(wall / slotSeconds)
                if slot < slotsPerDay && Int(count) > peaks[slot] { peaks[slot] = Int(count) }
                second += slotSeconds - wall % slotSeconds
            }
        }
        return peaks
    }
}

extension WaitingTimeline {
    func write(to w: inout BinaryWriter) {
        w.uint(UInt64(seconds.count))
        var previous: Int32 = 0
        for (s, c) in zip(seconds, counts) {
            // Deltas: a busy day's 40,000 changes take two or three bytes each.
            w.int(Int(s - previous))
            w.int(Int(c))
            previous = s
        }
    }

    static func read(from r: inout BinaryReader) throws -> WaitingTimeline {
        var t = WaitingTimeline()
        var second: Int32 = 0
        let n = try r.count()
        t.seconds.reserveCapacity(n)
        t.counts.reserveCapacity(n)
        for _ in 0..<n {
            second += Int32(truncatingIfNeeded: try r.int())
            t.seconds.append(second)
            t.counts.append(Int32(truncatingIfNeeded: try r.int()))
        }
        return t
    }
}
