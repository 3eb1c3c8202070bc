import HotlineModel

extension ReportStrings.ExceptionStrings {
    static let english = Self(
        nothingStandsOut:
            "Nothing stands out: no run of intervals below target, no spike, no volume far from the usual, no missing data.",
        textNote: "most calls affected first; usual = same weekday and time, other days",
        htmlNote: "Most calls affected first; usual = same weekday and time, other days.",
        moreText: { "  ... and \($0) more in the HTML and JSON reports." },
        moreHTML: { "… and \($0) more in the JSON report." },
        allDay: "all day", wholePeriod: "whole period", dated: { "\($0) \($1)" },
        serviceLevel: { queue, value, usual, target in
            (queue.map { "Queue \($0): service level" } ?? "Service level") + " \(value)"
                + (usual.map { ", usual \($0)" } ?? "") + ", target \(target)"
        },
        notAnswered: { calls, seconds, abandoned, longest in
            "\(DisplayFormat.count(calls, "call")) not answered in \(seconds) s"
                + (abandoned.map { $0 > 0 ? ", \(DisplayFormat.count($0)) abandoned" : "" } ?? "")
                + (longest.map { ", longest wait \($0)" } ?? "")
        },
        abandonment: { value, usual, limit in
            "Abandonment \(value)" + (usual.map { ", usual \($0)" } ?? "") + ", limit \(limit)"
        },
        abandonedOf: { "\(DisplayFormat.count($0)) of \(DisplayFormat.count($1, "call")) abandoned" },
        queueAbandonment: { "Queue \($0): abandonment \($1), target at most \($2)" },
        abandonedBeyond: {
            "\(DisplayFormat.count($0, "call")) abandoned beyond the target (\(DisplayFormat.count($1)) abandoned)"
        },
        volume: { offered, usual, sign, difference in
            "\(DisplayFormat.count(offered, "call")) offered, usually \(usual) (\(sign)\(difference))"
        },
        categoryShare: { name, share, usual, more in
            "\(name) \(share) of calls, usually \(usual) (+\(DisplayFormat.count(more, "call")))"
        },
        ivrDropOff: { "IVR node \($0): \($1) of callers hung up there (usually \($2))" },
        ivrHungUp: { hung, entered, more in
            "\(DisplayFormat.count(hung)) of \(DisplayFormat.count(entered, "call")) hung up there, \(DisplayFormat.count(more)) more than usual"
        },
        ticketSLA: { "Ticket SLA breaches \($0), \($1) in the period compared" },
        ticketSLADetail: { "about \(DisplayFormat.count($0, "ticket")) more breached than at that rate" },
        backlogJump: { "Ticket backlog \($0), \($1) at the end of the period compared" },
        missingData: { "Only \(DisplayFormat.count($0, "call")) read, usually \($1)" },
        missingDetail: "an export missing or incomplete? The day's figures are not to be trusted.")
}

extension ReportStrings.NoteStrings {
    static let english = Self(
        loadNote: {
            $0 > 1 ? "all \($0) days together; Peak = most calls waiting at once" : "Peak = most calls waiting at once"
        },
        htmlLoadTitle: { "Queue load by time of day" + ($0 > 1 ? " (all \($0) days)" : "") },
        quietIntervals: { "  \($0) intervals without calls not shown.\n" },
        categoriesNote: { "Sat% = CSAT \($0); Repeat = caller back within \($1) h" },
        htmlCategoriesNote: {
            "Satisfied = CSAT \($0). Repeat = answered calls whose caller called again within \($1) h."
        },
        agentsNote: "logged in and paused from the queue log; Occup. = handle time / (logged in - paused)",
        htmlAgentsNote:
            "Logged-in and paused time come from the queue log, clipped to the period. Occupancy = handle time / (logged in − paused).",
        agentsMore: { "... \($0) more" },
        agentsShown: { "  The \($0) agents who answered most and least; all \($1) in the HTML, CSV and JSON reports." },
        staffingNote: { "Erlang C: agents for \($0) in \($1) s, per interval of the mean day" },
        staffingObservedNote:
            "Observed = distinct agents answering calls in the interval, mean per day; Gap < 0 = fewer than required; SL = the interval missed its target with the agents it had.",
        htmlStaffingNote: { target, seconds, observed in
            "Required = the fewest agents that answer \(target) within \(seconds) s for the mean day's calls and AHT of the interval (Erlang C). "
                + (observed
                    ? "Observed = distinct agents answering calls in the interval, mean per day; "
                        + "\"SL missed\": the interval missed its target with the agents it had." : "")
        },
        staffingByWeekdayNote: "intervals short of agents or below target on the mean day of each weekday",
        htmlStaffingByWeekday: "By weekday: intervals short of agents or below target on each weekday's mean day",
        weekdayDays: { "\($0) (\($1) days)" },
        staffingRun: { from, to, gap, lowest in
            var parts = ["\(from)-\(to)"]
            parts.append(gap > 0 ? "up to \(gap) \(gap == 1 ? "agent" : "agents") short" : "enough agents seen")
            if let lowest { parts.append("service level down to \(lowest)") }
            return parts.joined(separator: ", ")
        },
        gapMissed: "SL", htmlGapMissed: "SL missed",
        staffingTitle: { from, to, days, zone in
            "HOTLINE STAFFING  \(from) .. \(to) (\(days) \(days == 1 ? "day" : "days")), \(zone)\n"
        },
        busiestNote: "offered calls by hour and weekday; * marks the busiest hour",
        waitsNote: { "answered calls; p50 \($0), p90 \($1), p99 \($2)" },
        htmlWaitsNote: { p50, p90, p99, longest, threshold in
            "Answered calls. Median \(p50), 90th percentile \(p90), 99th percentile \(p99), longest wait of any call \(longest). "
                + "Blue bars are within the \(threshold) s service-level threshold."
        },
        waitBucket: { from, to in to.map { "\(from)-\($0) s" } ?? "over \(from - 1) s" },
        chartWaitBucket: { from, to in to.map { "\(from)-\($0) s" } ?? "> \(from - 1) s" },
        serviceLevelMapNote: {
            "Green at or above the target of \($0), red below it (the deeper, the lower); "
                + "pale where an interval has fewer than 5 calls, blank without calls. Hover a cell for its figures."
        },
        serviceLevelMapCell: { "\($0) \($1): \($2) of \(DisplayFormat.count($3, "call"))" },
        offTargetMark: "! = off its target: service level below it, or abandonment above it",
        target: { level, seconds, abandonment in
            "\(level) in \(seconds) s" + (abandonment.map { ", abandonment at most \($0)" } ?? "")
        },
        ownTargets: { "Targets of their own: \($0); the others: the default's." },
        footer: { seconds, short in
            "Offered = calls that entered a queue. Service level = answered within \(seconds) s / (offered − short abandons). "
                + "Abandonment = abandoned after \(short) s or more / (offered − short abandons). ASA and wait percentiles over answered calls "
                + "(nearest rank, whole seconds). AHT = talk + hold + after-call work. Peak waiting = most calls in queue at the same second. "
                + "Generated by hotline; definitions in docs/METRICS.md."
        },
        chartDays: "Calls and service level by day",
        chartLoad: "Offered, answered and abandoned calls by time of day, with service level",
        chartWaits: "Wait before answer", chartResolution: "Resolution time", chartBacklog: "Ticket backlog by day",
        legendAnswered: "answered", legendAbandoned: "abandoned", legendOther: "short abandon, timeout, callback",
        legendServiceLevel: "service level (right axis)", legendTarget: { "target " + $0 }, legendCreated: "created",
        legendBacklog: "open at the end of the day")
}

extension ReportStrings.TicketStrings {
    static let english = Self(
        businessHours: { $0 },
        clockNote: { $0.map { "times in business hours, \($0)" } ?? "calendar times (no business hours configured)" },
        htmlClockNote: {
            $0.map { "Reply and resolution times count business hours only: \($0)." }
                ?? "Reply and resolution times are calendar time (no business hours configured)."
        },
        solvedLine: { solved, resolutions, replies, breached, withTarget, ratings in
            "Solved \(DisplayFormat.count(solved)) with \(DisplayFormat.count(resolutions, "resolution time")); "
                + "\(DisplayFormat.count(replies)) first-reply times measured; SLA: "
                + "\(DisplayFormat.count(breached)) of \(DisplayFormat.count(withTarget)) solved with a target breached; "
                + "satisfaction from \(DisplayFormat.count(ratings, "rating"))."
        },
        htmlSolvedLine: { solved, resolutions, replies, ratings in
            "\(DisplayFormat.count(solved)) solved with \(DisplayFormat.count(resolutions)) resolution times; "
                + "\(DisplayFormat.count(replies)) first-reply times; satisfaction from "
                + "\(DisplayFormat.count(ratings, "rating"))."
        },
        outsidePeriod: {
            "\(DisplayFormat.count($0, "ticket")) read fall outside the period or filters (the backlog still counts them)."
        },
        solvedWithoutTime: {
            "\(DisplayFormat.count($0, "ticket")) solved or closed without a solve time: left out of resolution figures and the backlog."
        },
        categoriesNote: "created on the day; solved, resolution, SLA and Sat% on the solve day",
        htmlCategoriesNote: {
            "Created and first reply count on the creation day; solved, resolution, SLA, reopened and satisfaction on the solve day. "
                + "Sat% = good ratings (and scores of \($0)) of all ratings."
        },
        slaNote: "breached / solved with a target, by category and priority",
        noTargets: "No SLA targets configured (tickets.sla in the configuration).",
        noneWithTarget: "No solved ticket in the period has a target.",
        targets: { "Targets (first match wins): " + $0.joined(separator: "; ") + "." },
        htmlTargets: {
            "Breached / solved with a target; red above 20%. Targets, first match wins: " + $0.joined(separator: "; ")
                + "."
        },
        slaTarget: { category, priority, reply, resolution in
            let scope = [category?.name, priority?.name].compactMap { $0 }.joined(separator: " ")
            let limits = [reply.map { "first reply \($0)" }, resolution.map { "resolution \($0)" }].compactMap { $0 }
            return "\(scope.isEmpty ? "any ticket" : scope): \(limits.joined(separator: ", "))"
        },
        resolutionNote: { "solved tickets; p50 \($0), p90 \($1)" },
        htmlResolutionTitle: { "Resolution time · median \($0), 90th percentile \($1)" },
        resolutionBucket: { _, _, label in label },
        byDayNote: "Backlog = open at the end of the day")
}

extension ReportStrings.DataQualityStrings {
    static let english = Self(
        noneRejected: "No record was rejected.", allMatched: "Every call matched a category rule.",
        rejectedByReason: { "Rejected by reason: " + $0.joined(separator: ", ") + "." },
        firstRejects: "First rejects:",
        unmatched: { "Values no category rule matched (\(DisplayFormat.count($0)) records, counted as other):" },
        htmlUnmatched: "Values no category rule matched (counted as other): add a rule to classify them.",
        moreUnmatched: { "... and \($0) more values (see the JSON report)." },
        error: { "ERROR \($0): \($1)" }, note: { "Note \($0): \($1)" }, htmlError: { "\($0): error: \($1)" },
        htmlNote: { "\($0): \($1)" },
        listingSummary: { files, noneListed, records, rejected in
            "\(DisplayFormat.count(files, noneListed ? "file" : "more file")) (\(DisplayFormat.count(records, "record")), "
                + (rejected == 0 ? "all accepted" : "\(DisplayFormat.count(rejected)) rejected")
                + ")\(noneListed ? ", none with a problem" : " not listed"); the JSON report lists every file."
        })
}

extension ReportStrings.IndexStrings {
    static let english = Self(
        title: "Hotline reports",
        note: {
            "Newest first. Service level in red below its target of \($0); a red row is a day whose call data looks missing."
        },
        day: "Day", daily: "Daily", weekToDate: "Week to date", monthToDate: "Month to date", html: "html",
        text: "text",
        missing: { offered, usual in
            offered == 0 || usual == nil ? "no calls" : "only \(offered) calls, usually \(usual ?? 0)"
        })
}
