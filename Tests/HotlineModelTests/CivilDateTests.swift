import Testing

@testable import HotlineModel

@Suite struct CivilDateTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("2026-11-25", 20782), ("2000-02-29", 11016), ("1969-12-31", -1), ("2100-03-01", 47541),
    ])
    func dayNumbersRoundTrip(text: String, day: Int) throws {
        let date = try #require(CivilDate(parsing: text))
        #expect(date.dayNumber == day)
        #expect(CivilDate(dayNumber: day) == date)
        #expect(date.description == text)
    }

    @Test func fourDigitYearsAtBothEndsAndAFiveDigitOneAreWrittenWhole() {
        #expect(CivilDate(dayNumber: -719_528).description == "0000-01-01")
        #expect(CivilDate(dayNumber: 2_932_896).description == "9999-12-31")
        #expect(CivilDate(dayNumber: 2_932_897).description == "10000-01-01")
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-32", "", "2026/01/01"])
    func impossibleOrMalformedDatesDoNotParse(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test func weekdaysStartOnMonday() throws {
        #expect(try #require(CivilDate(parsing: "2026-10-26")).weekday == 0)  // a Monday
        #expect(try #require(CivilDate(parsing: "2026-11-22")).weekday == 6)  // a Sunday
        #expect(CivilDate.weekday(ofDayNumber: -1) == 2)  // 1969-12-31, a Wednesday
    }
}
