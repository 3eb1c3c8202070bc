import HotlineModel

extension ReportStrings {
    /// The English reports, byte for byte as before the catalogue (the golden files pin them).
    public static let english = ReportStrings(
        htmlLang: "en",
        counted: { n, noun in
            let word =
                switch noun {
                case .call: "call"
                case .ticket: "ticket"
                case .file: "file"
                case .moreFile: "more file"
                case .record: "record"
                case .rating: "rating"
                case .shortAbandon: "short abandon"
                case .callback: "callback"
                case .resolutionTime: "resolution time"
                case .day: "day"
                }
            return DisplayFormat.count(n, word)
        },
        seconds: { "\($0) s" },
        hours: { "\($0) h" },
        weekdays: CivilDate.weekdayNames,
        day: { "\($0) (\(CivilDate.weekdayNames[$0.weekday]))" },
        tableDate: { "\($0)" },
        span: { from, to, days, separator in "\(from)\(separator)\(to)" + (days.map { " (\($0) days)" } ?? "") },
        minutes: { m in
            if m < 60 { return "\(m)m" }
            if m < 2880 { return "\(m / 60)h" + DisplayFormat.pad2(m % 60) }
            return "\(m / 1440)d " + DisplayFormat.pad2(m % 1440 / 60) + "h"
        },
        points: " pp",
        clockRange: { "\($0)-\($1)" },
        noData: "no data",
        category: { $0.name },
        priority: { $0.name },
        unspecified: "(unspecified)",
        noQueue: "(no queue)",
        ok: "ok",
        textTitle: { calls, tickets in
            !tickets ? "HOTLINE CALL REPORT" : calls ? "HOTLINE CALL AND TICKET REPORT" : "HOTLINE TICKET REPORT"
        },
        htmlTitle: { calls, tickets, span in
            "Hotline \(!tickets ? "calls" : calls ? "calls and tickets" : "tickets") · " + span
        },
        htmlDocumentTitle: { "Hotline report " + $0 },
        navigation: ("← day before", "all reports", "day after →"),
        alarm: { day, offered, usual in
            "ALARM: \(day) has \(DisplayFormat.count(offered, "call")), usually \(usual): the call data is missing or incomplete."
        },
        textSettings: { zone, interval, seconds, target in
            "Time zone \(zone), \(interval)-minute intervals.\nService level: answered in \(seconds) s, target \(target).\n"
        },
        textRates: { short, window in
            "Abandons under \(short) s are short and left out of rates; repeat window \(window) h.\n"
        },
        textZone: { "Time zone \($0).\n" },
        htmlDays: { days, zone in "\(days) \(days == 1 ? "day" : "days") · time zone \(zone)" },
        htmlSettings: { interval, seconds, target in
            " · \(interval)-minute intervals · service level = answered within \(seconds) s, target \(target)"
        },
        comparison: { from, to, days, partial in
            let what =
                days == 1
                ? "\(CivilDate.weekdayNames[from.weekday]) \(from), the same weekday a week before"
                : "\(from) .. \(to), the \(days) days before"
            return "Changes compare with \(what)" + (partial.map { "; \($0)" } ?? "") + "."
        },
        filters: { queues, categories in
            let parts = [
                queues.isEmpty ? nil : "queues " + queues.joined(separator: ", "),
                categories.isEmpty ? nil : "categories " + categories.joined(separator: ", "),
            ].compactMap { $0 }
            return "Only \(parts.joined(separator: "; "))."
        },
        ticketsNotFilteredByQueue: "Tickets are not filtered by queue: a ticket export names no queue.",
        sites: {
            "Sites merged: \($0.joined(separator: ", ")). A caller's repeat calls, and the calls a ticket is linked to, "
                + "count within each site."
        },
        warning: { "Note: " + $0 + "." },
        textInputs: { files, records, accepted, rejected, failed in
            "Inputs: \(DisplayFormat.count(files, "file")), \(DisplayFormat.count(records, "record")): "
                + "\(DisplayFormat.count(accepted)) accepted, \(DisplayFormat.count(rejected)) rejected"
                + (failed > 0 ? "; \(DisplayFormat.count(failed, "file")) unreadable" : "")
                + (rejected + failed > 0 ? " (see DATA QUALITY)" : "") + "."
        },
        htmlInputs: { files, records, accepted, rejected, failed in
            "\(files) input \(files == 1 ? "file" : "files"), \(DisplayFormat.count(records)) records: "
                + "\(DisplayFormat.count(accepted)) accepted, \(DisplayFormat.count(rejected)) rejected"
                + (failed > 0 ? ", \(failed) unreadable \(failed == 1 ? "file" : "files")" : "") + "."
        },
        callsOutsidePeriod: {
            "\(DisplayFormat.count($0, "call")) read fall outside the period or filters and are left out of its figures."
        },
        sections: Sections(
            needsAttention: "Needs attention", headline: "Headline", queues: "Queues", tickets: "Tickets",
            queueLoad: "Queue load by time of day", days: "Days", categories: "Categories and subcategories",
            agents: "Agents", staffing: "Staffing", htmlStaffing: "Staffing (Erlang C)",
            staffingByWeekday: "Staffing by weekday", busiestHours: "Busiest hours",
            htmlHeatmap: "Offered calls by hour and weekday", waits: "Wait before answer", dataQuality: "Data quality",
            ticketsByCategory: "Tickets by category", ticketsByPriority: "Tickets by priority",
            slaBreaches: "SLA breaches", htmlSLA: "SLA breaches by category and priority",
            resolution: "Resolution time",
            ticketsByDay: "Tickets by day", htmlBacklog: "Ticket backlog by day",
            serviceLevelMap: "Service level by day and time"),
        textColumns: Columns.englishText,
        columns: Columns.english,
        figures: FigureLabels(
            offered: "Offered", answered: "Answered", serviceLevel: { "Service level (\($0) s)" },
            abandonment: { "Abandonment (>= \($0) s)" }, asa: "Average speed of answer",
            waitP90: "Wait, 90th percentile", aht: "Average handle time", csat: "CSAT (1-5)",
            csatSatisfied: { "CSAT satisfied (>= \($0))" }, repeatCalls: { "Repeat calls (\($0) h)" },
            transferRate: "Transfer rate", ticketsCreated: "Tickets created", ticketsSolved: "Tickets solved",
            resolutionMedian: { "Resolution, median (\($0))" }, resolutionP90: "Resolution, 90th percentile",
            firstReplyMedian: "First reply, median", slaBreaches: "SLA breaches", backlog: "Backlog at period end",
            reopened: "Reopened", ticketSatisfaction: "Ticket satisfaction"),
        targetMet: { "target \($0) met" },
        targetMissed: { "BELOW target \($0)" },
        badgeMet: { "target met " + $0 },
        badgeMissed: { "below target " + $0 },
        versus: { change, previous in change + " vs " + previous },
        provisionalCard: "provisional: not compared",
        alsoLine: { short, timedOut, callback, longest in
            "  Also: \(DisplayFormat.count(short, "short abandon")), \(DisplayFormat.count(timedOut)) timed out, "
                + "\(DisplayFormat.count(callback, "callback")); longest wait \(longest)."
        },
        responseLine: { rate, nps in "  CSAT response rate \(rate)" + (nps.map { "; NPS \($0)" } ?? "") + "." },
        provisionalNote: {
            "* Provisional, not compared: answered calls after \($0) may still turn out repeats, their callers may still call back."
        },
        exceptions: .english,
        notes: .english,
        tickets: .english,
        dataQuality: .english,
        index: .english,
        workbook: .english, ivr: .english, journey: .english)
}

extension ReportStrings.Columns {
    /// The HTML report's titles (and a spreadsheet's).
    static let english = Self(
        start: "Start", date: "Date", weekday: "Day", hour: "Hour", all: "All", offered: "Offered",
        answered: "Answered", abandoned: "Abandoned", shortAbandoned: "Short", serviceLevel: "SL",
        abandonment: "Aband.", asa: "ASA", waitP90: "Wait p90", aht: "AHT", csat: "CSAT", peak: "Peak waiting",
        repeatCalls: "Repeat", share: "Share", satisfied: "Satisfied", categoryAndSubcategory: "Category",
        category: "Category", queue: "Queue", agent: "Agent", handleTime: "Handle time", transfer: "Transfer",
        loggedIn: "Logged in", paused: "Paused", occupancy: "Occupancy", rangNoAnswer: "Rang, no answer",
        callsPerDay: "Calls per day", required: "Agents required", observed: "Agents observed", gap: "Gap",
        serviceLevelAtRequired: "SL at required", asaAtRequired: "ASA at required", file: "File", format: "Format",
        encoding: "Encoding", records: "Records", accepted: "Accepted", rejected: "Rejected", field: "Field",
        value: "Value", calls: "Calls", created: "Created", solved: "Solved", backlog: "Backlog",
        firstReplyP50: "Reply p50", resolutionP50: "Res. p50", resolutionP90: "Res. p90", slaBreaches: "SLA br.",
        reopened: "Reopen", ticketSatisfied: "Sat%", priority: "Priority", within: "Within", thisPeriod: "This period",
        previous: "Previous", change: "Change")

    /// The text report's titles, narrow for 100 columns.
    static let englishText: Self = {
        var c = english
        (c.abandoned, c.abandonment, c.peak, c.satisfied, c.categoryAndSubcategory) = (
            "Abandon", "Aband%", "Peak", "Sat%", "Category / subcategory"
        )
        (c.handleTime, c.occupancy, c.rangNoAnswer, c.callsPerDay, c.required, c.observed) = (
            "Handle", "Occup.", "RNA", "Calls/day", "Required", "Observed"
        )
        (c.serviceLevelAtRequired, c.asaAtRequired) = ("SL then", "ASA then")
        return c
    }()
}
