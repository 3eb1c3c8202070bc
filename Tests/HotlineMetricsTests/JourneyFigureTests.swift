import Foundation
import HotlineModel
import Testing

@testable import HotlineMetrics

/// The journey of METRICS.md ("Journey") on small cases worked out by hand: links by call reference and by phone,
/// escalation, contact-to-resolution and chaser calls. Calls start Monday 2026-11-16 10:00 in Shanghai.
@Suite struct JourneyFigureTests {
    let factory = CallFactory()
    let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt

    /// A call of `caller` with call id `id`, enqueued `offset` seconds after Monday 10:00.
    func call(
        _ id: String, caller: String, at offset: Int64, outcome: CallOutcome = .answered,
        category: CallCategory = .payment, queue: String = "支付", path: String? = nil
    ) -> CallRecord {
        var call = factory.call(
            at: offset, wait: 10, outcome: outcome, talk: 110, queue: queue, category: category, caller: nil)
        call.callKey = CallRecord.key(id)
        call.caller = CallerKey.phoneNumber(caller)
        if let path { call.ivrPath = factory.symbols.intern(path) }
        return call
    }

    func ticket(
        created offset: Int64, solved: Int64? = nil, callID: String? = nil, phone: String? = nil,
        category: CallCategory = .payment
    ) -> TicketRecord {
        var ticket = TicketRecord(
            location: RecordLocation(file: 1, line: 2), id: "t", key: 1, category: category,
            status: solved == nil ? .open : .solved, createdAt: CallFactory.monday10 + offset * 1000,
            solvedAt: solved.map { CallFactory.monday10 + $0 * 1000 })
        ticket.callKey = callID.map(CallRecord.key) ?? 0
        ticket.requester = phone.flatMap(CallerKey.phoneNumber)
        return ticket
    }

    func journey(
        _ calls: [CallRecord], _ tickets: [TicketRecord], query: CallQuery = CallQuery(), windowHours: Int64 = 24
    ) -> JourneySection? {
        let calendar = LocalCalendar(zone: zone, intervalMinutes: 30)
        let collectedCalls = JourneyCalls(query: query, calendar: calendar, symbols: factory.symbols)
        collectedCalls.add(contentsOf: calls)
        let collectedTickets = JourneyTickets(calendar: LocalCalendar(zone: zone, intervalMinutes: 30))
        for ticket in tickets { collectedTickets.add(ticket) }
        let accumulator = JourneyLinker(
            window: windowHours * 3_600_000, fromDay: query.from.map { Int32($0.dayNumber) },
            toDay: query.to.map { Int32($0.dayNumber) }, symbols: factory.symbols
        ).link(calls: collectedCalls.calls, tickets: collectedTickets.tickets, linkable: collectedTickets.linkable)
        return JourneySection(accumulator)
    }

    @Test func aTicketTaggedWithACallIdLinksToThatCallAndEscalatesIt() throws {
        let calls = [
            call("c1", caller: "13800000001", at: 0), call("c2", caller: "13800000002", at: 600),
            call("c3", caller: "13800000003", at: 1200), call("c4", caller: "13800000004", at: 1800),
        ]
        // Solved 2 h 30 min 1 s after c2 was enqueued: 151 minutes, rounded up.
        let j = try #require(journey(calls, [ticket(created: 900, solved: 600 + 9001, callID: "c2")]))
        #expect(j.linkedByReference == 1 && j.linkedByPhone == 0 && j.linkedTickets == 1)
        #expect(j.answered == 4 && j.escalated == 1 && j.escalationRate == 0.25)
        #expect(j.contactToResolutionP50Minutes == 151 && j.contactToResolutionP90Minutes == 151)
        #expect(j.byQueue.first?.name == "支付" && j.byQueue.first?.escalated == 1)
    }

    @Test func aTicketWithOnlyAPhoneLinksToThatCallersLatestAnsweredCallBeforeIt() throws {
        // The caller called twice before the ticket: the later call is the one escalated.
        let calls = [
            call("a", caller: "138 0000 0001", at: 0, category: .account, queue: "账户"),
            call("b", caller: "13800000001", at: 3600, category: .payment),
            call("c", caller: "13800000001", at: 7200, outcome: .abandoned),
        ]
        let j = try #require(journey(calls, [ticket(created: 7000, phone: "138-0000-0001")]))
        #expect(j.linkedByPhone == 1)
        #expect(j.byCategory.map { "\($0.name)=\($0.escalated)/\($0.answered)" } == ["account=0/1", "payment=1/1"])
        // An abandoned call is not answered: neither a link nor in the escalation denominator.
        #expect(j.answered == 2)
    }

    @Test func aPhoneMatchesNoCallThatEndedLongerThanTheWindowBefore() throws {
        let calls = [call("a", caller: "13800000001", at: 0)]
        let late = try #require(journey(calls, [ticket(created: 25 * 3600, phone: "13800000001")]))
        #expect(late.linkedTickets == 0 && late.escalated == 0)
        let within = try #require(journey(calls, [ticket(created: 25 * 3600, phone: "13800000001")], windowHours: 26))
        #expect(within.linkedTickets == 1)
    }

    @Test func aReferenceToACallNotReadStaysUnlinkedAndIsNotGuessedByPhone() throws {
        let calls = [call("a", caller: "13800000001", at: 0)]
        let j = try #require(journey(calls, [ticket(created: 600, callID: "elsewhere", phone: "13800000001")]))
        #expect(j.linkedTickets == 0 && j.unknownReferences == 1 && j.escalated == 0)
    }

    @Test func aCallWhileTheTicketIsOpenIsAChaserAndNoneAfterItIsSolved() throws {
        let calls = [
            call("first", caller: "13800000001", at: 0, category: .billing),
            // Enqueued while the ticket is open: a chaser, counted under the ticket's category.
            call("chase", caller: "13800000001", at: 4 * 3600, category: .other),
            // After the solve: not a chaser.
            call("after", caller: "13800000001", at: 30 * 3600, category: .other),
            call("someone", caller: "13900000009", at: 5 * 3600),
        ]
        let j = try #require(
            journey(calls, [ticket(created: 600, solved: 24 * 3600, callID: "first", category: .billing)]))
        #expect(j.offered == 4 && j.chaserCalls == 1 && j.chaserRate == 0.25)
        #expect(j.chasersByCategory.map(\.category) == [.billing] && j.chasersByCategory.first?.calls == 1)
    }

    @Test func aNeverSolvedTicketKeepsLaterCallsChasing() throws {
        let calls = [
            call("first", caller: "13800000001", at: 0), call("again", caller: "13800000001", at: 48 * 3600),
        ]
        let j = try #require(journey(calls, [ticket(created: 600, callID: "first")]))
        #expect(j.chaserCalls == 1 && j.contactToResolutionP50Minutes == nil && j.resolved == 0)
    }

    @Test func ticketsWithNeitherReferenceNorPhoneGiveNoJourneyRatherThanZeros() {
        let calls = [call("a", caller: "13800000001", at: 0)]
        #expect(journey(calls, [ticket(created: 600)]) == nil)
    }

    @Test func contactToResolutionPercentilesAreNearestRankInWholeMinutes() throws {
        var calls: [CallRecord] = []
        var tickets: [TicketRecord] = []
        // Ten linked tickets solved 1..10 hours after their calls: p50 is the 5th (300 min), p90 the 9th (540).
        for i in 1...10 {
            let id = "c\(i)"
            calls.append(call(id, caller: "1380000\(1000 + i)", at: Int64(i) * 60))
            tickets.append(ticket(created: Int64(i) * 60 + 300, solved: Int64(i) * 60 + Int64(i) * 3600, callID: id))
        }
        let j = try #require(journey(calls, tickets))
        #expect(j.contactToResolutionP50Minutes == 300 && j.contactToResolutionP90Minutes == 540)
        #expect(j.escalationRate == 1)
    }

    @Test func escalationByIVRPathCountsOnlyCallsThatCameThroughTheMenus() throws {
        let calls = [
            call("a", caller: "13800000001", at: 0, path: "主菜单>支付"),
            call("b", caller: "13800000002", at: 60, path: "主菜单>支付"),
            call("c", caller: "13800000003", at: 120),
        ]
        let j = try #require(journey(calls, [ticket(created: 600, callID: "b")]))
        #expect(j.byIVRPath.map { "\($0.name)=\($0.escalated)/\($0.answered)" } == ["主菜单>支付=1/2"])
    }

    @Test func thePeriodCountsCallsOnTheirDayAndResolutionOnTheSolveDay() throws {
        // The call on Monday, the ticket solved on Tuesday: Tuesday's report has the resolution, not the call.
        let calls = [call("a", caller: "13800000001", at: 0)]
        var tuesday = CallQuery()
        tuesday.from = CivilDate(year: 2026, month: 11, day: 17)
        tuesday.to = tuesday.from
        let j = try #require(journey(calls, [ticket(created: 600, solved: 20 * 3600, callID: "a")], query: tuesday))
        #expect(j.answered == 0 && j.resolved == 1 && j.tickets == 0)
    }

    @Test func aDaySnapshotKeepsTheChasersAndResolutionOfItsCallsTicketsUnderTheirOwnDays() {
        let calls = [
            call("first", caller: "13800000001", at: 0), call("chase", caller: "13800000001", at: 26 * 3600),
        ]
        let tickets = [ticket(created: 600, solved: 50 * 3600, callID: "first")]
        func snapshot(_ day: Int) -> JourneyAccumulator {
            let calendar = LocalCalendar(zone: zone, intervalMinutes: 30)
            let collected = JourneyCalls(query: CallQuery(), calendar: calendar, symbols: factory.symbols)
            collected.add(contentsOf: calls)
            let collectedTickets = JourneyTickets(calendar: LocalCalendar(zone: zone, intervalMinutes: 30))
            for t in tickets { collectedTickets.add(t) }
            let d = Int32(CivilDate(year: 2026, month: 11, day: day).dayNumber)
            var linker = JourneyLinker(window: 86_400_000, fromDay: d, toDay: d, symbols: factory.symbols)
            linker.byCallDay = true
            return linker.link(calls: collected.calls, tickets: collectedTickets.tickets, linkable: true)
        }
        let tuesday = Int32(CivilDate(year: 2026, month: 11, day: 17).dayNumber)
        // Monday's snapshot: the chaser of Tuesday and the solve of Wednesday, under their days.
        let monday = snapshot(16)
        #expect(monday.chaserCalls == [.init(day: tuesday, category: .payment): 1])
        #expect(monday.resolutions.keys.map(\.solveDay) == [tuesday + 1])
        // Tuesday's snapshot does not count the chaser again: the ticket it chases is Monday's.
        #expect(snapshot(17).chaserCalls.isEmpty && snapshot(17).offered == 1)
    }
}
