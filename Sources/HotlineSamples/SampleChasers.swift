import HotlineModel

/// Customers chasing a ticket (docs/METRICS.md, "Journey"): after the payment outage of Tuesday 2026-11-10 the back
/// office is slow, and many callers whose ticket is still open call again a day or so later to ask. From their own
/// random stream, so the other calls and the tickets stay as they are.
enum SampleChasers {
    /// The chance that a caller of a payment ticket from the outage week calls again while it is open.
    static let chance = 0.55

    /// Rows of chaser calls by local day number.
    static func rows(
        tickets: [SampleTickets.Ticket], calls: [SampleCall], random: inout SampleRandom
    ) -> [Int: [(at: Int64, line: String)]] {
        let byID = Dictionary(calls.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byDay: [Int: [(at: Int64, line: String)]] = [:]
        var n = 0
        for ticket in tickets {
            guard let call = byID[ticket.callID], call.category == .payment, SampleTickets.isOutageWeek(ticket.created)
            else { continue }
            let until = ticket.solved ?? SampleTickets.exportTime
            guard random.chance(chance) else { continue }
            // The next day, in office hours: 18 to 30 hours after the ticket.
            let at = ticket.created + Int64(random.int(18 * 3600..<30 * 3600)) * 1000
            guard at < until else { continue }
            n += 1
            let wait = Int64(random.int(15..<90)) * 1000
            let talk = Int64(random.int(90..<300)) * 1000
            var chaser = call
            chaser.id = "HL-CHASE-\(n)"
            chaser.enqueued = at
            chaser.answered = at + wait
            chaser.wait = wait
            chaser.talk = talk
            chaser.hold = 0
            chaser.wrap = Int64(random.int(10..<60)) * 1000
            chaser.ended = at + wait + talk
            chaser.outcome = .answered
            chaser.csat = random.chance(0.3) ? random.int(1..<4) : nil
            let day = Int((at + SampleGenerator.offsetSeconds * 1000).floorDivided(by: 86_400_000))
            byDay[day, default: []].append((at, SampleRow.line(chaser, style: .local)))
        }
        return byDay
    }
}
