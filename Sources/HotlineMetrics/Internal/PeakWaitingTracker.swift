import HotlineModel

/// The largest number of calls waiting at the same moment, per interval: a sweep over enqueue and leave-queue
/// instants at 1-second resolution.
///
/// Each call adds +1 at its enqueue second and -1 at the second it leaves the queue (a call waits over
/// [enqueue, leave)), in pages of one hour of per-second deltas; a prefix sum in time order gives the number
/// waiting each second.
///
/// - Complexity: O(1) per call; O(seconds covered) to finish; memory 14 KB per hour with calls.
final class PeakWaitingTracker {
    private var hours = DenseIndex<Int64>()
    /// The pages one after another, page i at `i * 3600`: one flat buffer, written without a uniqueness check
    /// (``UnsharedArray``; an array of pages cost ~60 instructions a call more, and a flat `Array` ~40).
    private let deltas = UnsharedArray<Int32>(capacity: 3600)
    private var lastHour: Int64 = .min
    private var lastPage = 0

    @inline(__always) private func page(_ hour: Int64) -> Int {
        if hour == lastHour { return lastPage }
        let (index, inserted) = hours.index(of: hour)
        if inserted { deltas.append(repeating: 0, count: 3600) }
        lastHour = hour
        lastPage = index
        return index
    }

    func add(enqueued: Instant, wait: Milliseconds) {
        let start = enqueued.seconds
        let end = (enqueued + wait).seconds
        guard end > start else { return }
        let startHour = start.floorDivided(by: 3600)
        let endHour = end.floorDivided(by: 3600)
        deltas[page(startHour) * 3600 + Int(start - startHour * 3600)] += 1
        // Hours crossed in between must exist so the sweep sees the calls still waiting there.
        var hour = startHour + 1
        while hour < endHour {
            _ = page(hour)
            hour += 1
        }
        deltas[page(endHour) * 3600 + Int(end - endHour * 3600)] -= 1
    }

    /// Peaks per wall-clock slot of each local day, and per local day; with `timelineDays`, also the waiting
    /// timeline of those days (the nightly store's, for merging sites).
    func peaks(calendar: LocalCalendar, slotsPerDay: Int, timelineDays: ClosedRange<Int32>? = nil) -> Peaks {
        var result = Peaks()
        var timelineDay = (day: Int32.min, start: Int64(0))
        // The current day's timeline and slot peaks are kept here and stored when the day changes and at the end:
        // not looked up in (and copied into) the dictionaries for every second that changes.
        var timeline: WaitingTimeline?
        var slotDay = Int32.min
        var slotPeaks: [Int] = []
        var slotPeaksChanged = false
        let slotSeconds = Int(calendar.intervalSeconds)
        var running: Int32 = 0
        var previousHour: Int64?
        for (hour, index) in hours.keys.enumerated().map({ ($1, $0) }).sorted(by: { $0.0 < $1.0 }) {
            let page = index * 3600
            if let previousHour, hour != previousHour + 1 { running = 0 }
            previousHour = hour
            let first = calendar.stamp(Instant(seconds: hour * 3600))
            // Within an hour with one offset and no midnight, the wall clock moves one second per second.
            let steady =
                calendar.offset(atSecond: hour * 3600) == calendar.offset(atSecond: hour * 3600 + 3599)
                && Int(first.secondOfDay) + 3599 < 86400
            var dayPeak = (day: first.day, peak: 0)
            // In a steady hour a second without a delta changes nothing but its slot's peak, which the slot's first
            // second already took: only the seconds with a delta, each slot's first and the hour's first are
            // visited (every second was 5 M instructions of a one-day report).
            var nextSlotStart = steady ? (slotSeconds - Int(first.secondOfDay) % slotSeconds) % slotSeconds : 0
            for second in 0..<3600 {
                let delta = deltas[page + second]
                if steady {
                    if second == nextSlotStart {
                        nextSlotStart += slotSeconds
                    } else if delta == 0 && second != 0 {
                        continue
                    }
                }
                let before = running
                running += delta
                guard running > 0 || before != running else { continue }
                let stamp = steady ? nil : calendar.stamp(Instant(seconds: hour * 3600 + Int64(second)))
                let secondOfDay = stamp.map { Int($0.secondOfDay) } ?? Int(first.secondOfDay) + second
                let day = stamp?.day ?? first.day
                if let timelineDays, timelineDays.contains(day) {
                    let utc = hour * 3600 + Int64(second)
                    if day != timelineDay.day {
                        if let kept = timeline { result.timelines[timelineDay.day] = kept }
                        timelineDay = (day, calendar.startOfDay(Int(day)))
                        timeline = result.timelines[day]
                        // Calls still waiting from the day before wait from the day's first second.
                        if before > 0 && timeline == nil {
                            timeline = WaitingTimeline()
                            timeline?.append(second: 0, count: before)
                        }
                    }
                    if before != running {
                        if timeline == nil { timeline = WaitingTimeline() }
                        timeline?.append(second: Int32(utc - timelineDay.start), count: running)
                    }
                }
                guard running > 0 else { continue }
                let peak = Int(running)
                let slot = secondOfDay / slotSeconds
                if day != slotDay {
                    if slotPeaksChanged { result.byDaySlot[slotDay] = slotPeaks }
                    slotDay = day
                    slotPeaks = result.byDaySlot[day] ?? Array(repeating: 0, count: slotsPerDay)
                    slotPeaksChanged = false
                }
                if peak > slotPeaks[slot] {
                    slotPeaks[slot] = peak
                    slotPeaksChanged = true
                }
                if day != dayPeak.day {
                    result.record(dayPeak)
                    dayPeak = (day, 0)
                }
                dayPeak.peak = max(dayPeak.peak, peak)
            }
            result.record(dayPeak)
        }
        if let timeline { result.timelines[timelineDay.day] = timeline }
        if slotPeaksChanged { result.byDaySlot[slotDay] = slotPeaks }
        return result
    }

    struct Peaks {
        /// Per local day, the peak of each wall-clock slot.
        var byDaySlot: [Int32: [Int]] = [:]
        var byDay: [Int32: Int] = [:]
        /// The waiting timelines of the days asked for.
        var timelines: [Int32: WaitingTimeline] = [:]

        mutating func record(_ dayPeak: (day: Int32, peak: Int)) {
            if dayPeak.peak > byDay[dayPeak.day, default: 0] { byDay[dayPeak.day] = dayPeak.peak }
        }
    }
}
