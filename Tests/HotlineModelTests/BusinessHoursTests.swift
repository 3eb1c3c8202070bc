import Testing

@testable import HotlineModel

@Suite struct BusinessHoursTests {
    /// A workday is a weekday worked that is no holiday: the bits and the sorted holidays agree with the sets they
    /// come from, on every day of two years, holidays at the start, the end and in between.
    @Test func aWorkdayIsAWeekdayWorkedThatIsNoHoliday() {
        let first = CivilDate(year: 2026, month: 1, day: 1).dayNumber
        let holidays: Set<CivilDate> = [
            CivilDate(year: 2026, month: 1, day: 1), CivilDate(year: 2026, month: 10, day: 1),
            CivilDate(year: 2026, month: 10, day: 2), CivilDate(year: 2027, month: 12, day: 31),
        ]
        for weekdays in [Set(0...4), [0, 2, 5, 6], [], Set(0...6)] {
            for withHolidays in [true, false] {
                let hours = BusinessHours(
                    weekdays: weekdays, start: 9 * 3600, end: 18 * 3600, holidays: withHolidays ? holidays : [])
                for day in (first - 3)...(first + 733) {
                    let expected =
                        weekdays.contains(CivilDate.weekday(ofDayNumber: day))
                        && !(withHolidays && holidays.contains(CivilDate(dayNumber: day)))
                    #expect(hours.isWorkday(day) == expected, "\(CivilDate(dayNumber: day)) \(weekdays)")
                }
            }
        }
    }
}
