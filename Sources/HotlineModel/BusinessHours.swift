/// When the support team works: the same hours on chosen weekdays, minus holidays, in the report's zone.
///
/// Business time between two instants counts only the seconds inside those hours, so a ticket created on
/// Friday 17:00 and solved on Monday 10:00 (hours 09:00-18:00, Monday-Friday) took 2 business hours.
public struct BusinessHours: Sendable, Equatable {
    /// Weekdays worked, 0 = Monday ... 6 = Sunday.
    public let weekdays: Set<Int>
    /// Start and end of the working day, seconds after local midnight (wall clock); end > start.
    public var start: Int
    public var end: Int
    /// Local dates not worked.
    public let holidays: Set<CivilDate>
    /// The weekdays as bits (1 << weekday) and the holidays' day numbers in order: business time is summed for every
    /// day of every ticket, and two hashed set look-ups a day were most of that.
    private let weekdayBits: UInt8
    private let holidayDayNumbers: [Int]

    public init(weekdays: Set<Int>, start: Int, end: Int, holidays: Set<CivilDate> = []) {
        self.weekdays = weekdays
        self.start = start
        self.end = end
        self.holidays = holidays
        self.weekdayBits = weekdays.reduce(0) { $1 >= 0 && $1 < 7 ? $0 | UInt8(1 << $1) : $0 }
        self.holidayDayNumbers = holidays.map(\.dayNumber).sorted()
    }

    /// Whether local day `day` (day number) is worked: its weekday is, and it is no holiday.
    @inline(__always) public func isWorkday(_ day: Int) -> Bool {
        guard weekdayBits & UInt8(1 << CivilDate.weekday(ofDayNumber: day)) != 0 else { return false }
        guard !holidayDayNumbers.isEmpty else { return true }
        // Binary search: the first holiday on or after `day`.
        var low = 0
        var high = holidayDayNumbers.count
        while low < high {
            let middle = (low + high) / 2
            if holidayDayNumbers[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low == holidayDayNumbers.count || holidayDayNumbers[low] != day
    }

    /// Business seconds in [from, to) on `calendar`'s local days; 0 when `to <= from`.
    public func seconds(from: Instant, to: Instant, calendar: LocalCalendar) -> Int64 {
        guard to > from else { return 0 }
        let a = from.seconds
        let b = to.seconds
        let firstDay = Int(calendar.stamp(from).day)
        let lastDay = Int(calendar.stamp(to).day)
        var total: Int64 = 0
        for day in firstDay...lastDay {
            guard isWorkday(day) else { continue }
            let midnight = Int64(day) * 86400
            let open = calendar.utcSecond(fromWall: midnight + Int64(start))
            let close = calendar.utcSecond(fromWall: midnight + Int64(end))
            let lo = max(open, a)
            let hi = min(close, b)
            if hi > lo { total += hi - lo }
        }
        return total
    }

    /// `Mon-Fri 09:00-18:00`, for reports.
    public var description: String {
        let days = weekdays.sorted().map { CivilDate.weekdayNames[$0] }
        var dayText = days.joined(separator: ",")
        if let first = weekdays.min(), let last = weekdays.max(), weekdays.count == last - first + 1, days.count > 2 {
            dayText = "\(CivilDate.weekdayNames[first])-\(CivilDate.weekdayNames[last])"
        }
        func clock(_ s: Int) -> String {
            let h = s / 3600
            let m = s % 3600 / 60
            return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
        }
        let holidayText = holidays.isEmpty ? "" : ", \(holidays.count) \(holidays.count == 1 ? "holiday" : "holidays")"
        return "\(dayText) \(clock(start))-\(clock(end))\(holidayText)"
    }
}

/// Ticket SLA targets: the first rule whose category and priority match a ticket gives its targets.
public struct SLATarget: Sendable, Equatable {
    /// nil matches any category / priority.
    public var category: CallCategory?
    public var priority: TicketPriority?
    public var firstReplyMinutes: Int?
    public var resolutionMinutes: Int?

    public init(
        category: CallCategory? = nil, priority: TicketPriority? = nil, firstReplyMinutes: Int? = nil,
        resolutionMinutes: Int? = nil
    ) {
        self.category = category
        self.priority = priority
        self.firstReplyMinutes = firstReplyMinutes
        self.resolutionMinutes = resolutionMinutes
    }

    public func matches(_ category: CallCategory, _ priority: TicketPriority) -> Bool {
        (self.category == nil || self.category == category) && (self.priority == nil || self.priority == priority)
    }
}
