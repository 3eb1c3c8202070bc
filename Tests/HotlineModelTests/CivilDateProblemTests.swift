import HotlineModel
import Testing

@Suite struct CivilDateProblemTests {
    @Test func anImpossibleDayNamesTheMonthsLength() {
        #expect(CivilDate.problem(parsing: "2026-11-31") == "2026-11-31: November has 30 days")
        #expect(CivilDate.problem(parsing: "2026-02-29") == "2026-02-29: February 2026 has 28 days")
        #expect(CivilDate.problem(parsing: "2028-02-29") == nil)
        #expect(CivilDate.problem(parsing: "2026-11-00") == "2026-11-00: days start at 01")
    }

    @Test func anImpossibleMonthOrAnotherShapeSaysHowToWriteIt() {
        #expect(CivilDate.problem(parsing: "2026-13-01") == "2026-13-01: there is no month 13 (01 to 12)")
        #expect(
            CivilDate.problem(parsing: "16/11/2026")
                == "'16/11/2026' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01")
    }
}
