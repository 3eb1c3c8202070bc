import HotlineMetrics
import HotlineModel

/// The plain-text report: 100 columns at most, aligned tables, for a terminal or a cron e-mail.
///
/// Sections: headline with the change vs the previous period, queue load by time of day, days, categories
/// and subcategories, queues, busiest hours (hour x weekday), wait before answer, data quality.
public struct TextReportRenderer: ReportRenderer {
    /// The language of every heading, label and note; figures and input values are shown as they are.
    public var language: ReportLanguage
    var s: ReportStrings { .of(language) }

    public init(language: ReportLanguage = .english) { self.language = language }

    public func render<Output: TextOutputStream>(_ report: Report, into out: inout Output) {
        header(report, &out)
        // A ticket export alone gives a ticket report: the call sections would be empty tables.
        let calls = report.tickets == nil || report.totals.offered > 0
        // The first screen of the morning e-mail: what needs attention, the headline, the queues; the long tables
        // follow.
        if calls {
            exceptions(report, &out)
            headline(report, &out)
            queues(report, &out)
        }
        if let tickets = report.tickets {
            ticketHeadline(tickets, comparing: report.period.previousFrom != nil, thresholds: report.thresholds, &out)
        }
        if calls {
            intervals(report, &out)
            if report.days.count > 1 { days(report, &out) }
            categories(report, &out)
            if let ivr = report.ivr { self.ivr(ivr, &out) }
            if !report.agents.isEmpty { agents(report, &out) }
        }
        if let tickets = report.tickets { ticketSections(tickets, &out) }
        if let journey = report.journey { self.journey(journey, &out) }
        if calls {
            staffing(report, &out)
            heatmap(report, &out)
            waits(report, &out)
        }
        dataQuality(report, &out)
    }

    func section<Output: TextOutputStream>(_ title: String, _ note: String = "", _ out: inout Output) {
        out.write("\n" + fitted(title.uppercased() + (note.isEmpty ? "" : "  (" + note + ")")))
    }

    private func header<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let p = r.period
        let t = r.thresholds
        let span = DisplayFormat.span(from: p.from, to: p.to, days: p.days, separator: " .. ", s) ?? s.noData
        let title = s.textTitle(r.totals.offered > 0, r.tickets != nil)
        out.write(fitted("\(title)  \(span)"))
        for missing in r.exceptions where missing.kind == .missingData {
            out.write(fitted(s.alarm(missing.day, missing.offered, DisplayFormat.count(missing.usual))))
        }
        if r.tickets != nil && r.totals.offered == 0 {
            // A ticket report: the call thresholds say nothing here.
            out.write(s.textZone(DisplayFormat.zone(p)))
        } else {
            out.write(
                s.textSettings(
                    DisplayFormat.zone(p), p.intervalMinutes, t.serviceLevelSeconds,
                    DisplayFormat.percent(t.serviceLevelTarget)))
            out.write(s.textRates(t.shortAbandonSeconds, t.repeatWindowHours))
        }
        if let from = p.previousFrom,
            let to = p.previousTo
        {
            out.write(fitted(s.comparison(from, to, p.days, p.comparisonPartial)))
        }
        if !r.filters.queues.isEmpty || !r.filters.categories.isEmpty {
            out.write(fitted(s.filters(r.filters.queues.map(TerminalText.sanitized), r.filters.categories)))
            if !r.filters.queues.isEmpty && r.tickets != nil {
                out.write(fitted(s.ticketsNotFilteredByQueue))
            }
        }
        if !r.sites.isEmpty { out.write(fitted(s.sites(r.sites.map(TerminalText.sanitized)))) }
        for warning in r.warnings { out.write(fitted(s.warning(TerminalText.sanitized(warning)))) }
        let q = r.dataQuality
        out.write(fitted(s.textInputs(q.inputs.count, q.records, q.accepted, q.rejected, q.filesFailed)))
        if q.callsOutsidePeriod > 0 {
            out.write(fitted(s.callsOutsidePeriod(q.callsOutsidePeriod)))
        }
    }

    private func headline<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        section(s.sections.headline, "", &out)
        let comparing = r.period.previousFrom != nil
        let c = s.textColumns
        let columns =
            comparing
            ? [("", 36), (c.thisPeriod, 12), (c.previous, 10), (c.change, 10)] : [("", 36), (c.thisPeriod, 12)]
        var table = TextTable(columns)
        var notes: [String] = []
        for f in r.headline {
            var cells = [
                s.label(of: f, r.thresholds) + (f.provisional ? " *" : ""),
                DisplayFormat.figure(f.value, kind: f.kind, s),
            ]
            if comparing {
                cells += [
                    DisplayFormat.figure(f.previous, kind: f.kind, s), DisplayFormat.change(f.change, kind: f.kind, s),
                ]
            }
            table.add(cells)
            if let target = f.target, let value = f.value {
                notes.append(
                    value >= target
                        ? s.targetMet(DisplayFormat.percent(target))
                        : s.targetMissed(DisplayFormat.percent(target)))
            } else {
                notes.append("")
            }
        }
        var text = ""
        // The target status follows its row, after the last column: up to 24 columns.
        table.render(into: &text, indent: "  ", limit: 76)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where !(i == lines.count - 1 && line.isEmpty) {
            let note = i > 0 && i - 1 < notes.count ? notes[i - 1] : ""
            out.write(String(line) + (note.isEmpty ? "" : "   " + note) + "\n")
        }
        let t = r.totals
        out.write(
            fitted(s.alsoLine(t.shortAbandoned, t.timedOut, t.callback, DisplayFormat.duration(t.longestWaitSeconds))))
        out.write(
            fitted(
                s.responseLine(
                    DisplayFormat.percent(t.csatResponseRate),
                    t.npsResponses > 0 ? DisplayFormat.fixed(t.nps ?? 0, decimals: 1) : nil)))
        if let after = r.period.repeatsProvisionalAfter {
            out.write(wrapped(s.provisionalNote(after)))
        }
    }

    /// Figure cells as the text shows them: a `!` after each that misses its target (the HTML colours it instead);
    /// `marked` set when one does, for the legend under the table.
    static func marked(_ cells: [FigureCell], _ marked: inout Bool) -> [String] {
        cells.map { cell in
            if cell.offTarget { marked = true }
            return cell.offTarget ? cell.text + "!" : cell.text
        }
    }

    /// A column as wide as its figures need (`data`) or as its title, whichever is wider.
    static func column(_ title: String, _ data: Int) -> (String, Int) { (title, max(data, TerminalText.width(title))) }

    private func heatmap<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let peak = r.heatmap.flatMap { $0 }.max() ?? 0
        let c = s.textColumns
        section(s.sections.busiestHours, s.notes.busiestNote, &out)
        var table = TextTable([(c.hour, 4)] + s.weekdays.map { ($0, 8) } + [(c.all, 8)])
        for hour in 0..<24 {
            let cells = (0..<7).map { day -> String in
                let n = r.heatmap[day][hour]
                return DisplayFormat.count(n) + (n == peak && peak > 0 ? "*" : "")
            }
            let all = (0..<7).reduce(0) { $0 + r.heatmap[$1][hour] }
            table.add([(hour < 10 ? "0" : "") + "\(hour)"] + cells + [DisplayFormat.count(all)])
        }
        table.render(into: &out, indent: "  ")
    }

    private func waits<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let t = r.totals
        section(
            s.sections.waits,
            s.notes.waitsNote(
                DisplayFormat.duration(t.waitP50Seconds), DisplayFormat.duration(t.waitP90Seconds),
                DisplayFormat.duration(t.waitP99Seconds)), &out)
        let most = r.waitDistribution.map(\.calls).max() ?? 0
        for bucket in r.waitDistribution {
            let label = s.notes.waitBucket(bucket.from, bucket.to)
            let bar =
                most > 0 ? String(repeating: "#", count: Int((Double(bucket.calls) / Double(most) * 40).rounded())) : ""
            out.write(
                "  " + TerminalText.padRight(label, 12) + TerminalText.padLeft(DisplayFormat.count(bucket.calls), 9)
                    + TerminalText.padLeft(DisplayFormat.percent(bucket.share), 7) + "  " + bar + "\n")
        }
    }

    private func dataQuality<Output: TextOutputStream>(_ r: Report, _ out: inout Output) {
        let q = r.dataQuality
        let c = s.textColumns
        let d = s.dataQuality
        section(s.sections.dataQuality, "", &out)
        var table = TextTable([
            (c.file, 38), (c.format, 9), (c.encoding, 14), (c.records, 8), (c.accepted, 8), (c.rejected, 8),
        ])
        let listing = InputListing(q.inputs)
        for input in listing.shown {
            table.add([
                Self.tail(input.path, 38), input.format.isEmpty ? "-" : input.format,
                input.encoding.isEmpty ? "-" : input.encoding, DisplayFormat.count(input.records),
                DisplayFormat.count(input.accepted), DisplayFormat.count(input.rejected),
            ])
        }
        if !listing.shown.isEmpty { table.render(into: &out, indent: "  ") }
        if let summary = listing.summary(s) { out.write(wrapped(summary)) }
        for input in listing.shown {
            if let error = input.error { out.write(wrapped(d.error(input.path, error))) }
            for note in input.notes { out.write(wrapped(d.note(input.path, note))) }
        }
        if !q.rejectsByReason.isEmpty {
            out.write(
                wrapped(d.rejectedByReason(q.rejectsByReason.map { "\($0.reason) \(DisplayFormat.count($0.count))" })))
            out.write("  " + d.firstRejects + "\n")
            for reject in q.firstRejects { out.write(wrapped(reject, indent: 4)) }
        } else {
            out.write("  " + d.noneRejected + "\n")
        }
        if q.unmatched.isEmpty {
            out.write("  " + d.allMatched + "\n")
        } else {
            let total = q.unmatched.reduce(0) { $0 + $1.count }
            out.write("  " + d.unmatched(total) + "\n")
            for u in q.unmatched.prefix(15) {
                out.write(
                    "    " + TerminalText.padRight("\(u.field) \"\(u.value)\"", 60)
                        + TerminalText.padLeft(DisplayFormat.count(u.count), 10) + "\n")
            }
            if q.unmatched.count > 15 {
                out.write("    " + d.moreUnmatched(q.unmatched.count - 15) + "\n")
            }
        }
    }

    /// A message in lines of at most 100 columns, `indent` spaces before the first line, four more before the rest.
    /// Lines break at spaces; a long run without spaces (a Chinese sentence) also breaks between two wide
    /// characters, so it wraps instead of being cut.
    func wrapped(_ message: String, indent: Int = 2) -> String {
        var lines: [String] = []
        var line = ""
        for word in TerminalText.sanitized(message).split(separator: " ").map(String.init) {
            var word = word
            while true {
                let room = 100 - (lines.isEmpty ? indent : indent + 4) - TerminalText.width(line)
                let gap = line.isEmpty ? 0 : 1
                if TerminalText.width(word) + gap <= room {
                    line += (gap == 1 ? " " : "") + word
                    break
                }
                // A run wider than a short word breaks where it must; a short one moves to the next line whole.
                if TerminalText.width(word) > 20, let (head, tail) = Self.split(word, within: room - gap) {
                    line += (gap == 1 ? " " : "") + head
                    word = tail
                } else if line.isEmpty {
                    line = TerminalText.truncated(word, to: 90)
                    break
                }
                lines.append(line)
                line = ""
            }
        }
        lines.append(line)
        let first = String(repeating: " ", count: indent)
        let rest = String(repeating: " ", count: indent + 4)
        return lines.enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }.joined(separator: "\n") + "\n"
    }

    /// `word` cut at its last break within `columns`: between two wide characters, never before closing
    /// punctuation nor after an opening bracket (a line never starts with "，" nor ends with "（"); nil if none.
    static func split(_ word: String, within columns: Int) -> (String, String)? {
        let characters = Array(word)
        func wide(_ c: Character) -> Bool { c.unicodeScalars.contains(where: TerminalText.isWide) }
        var width = 0
        var cut: Int?
        for i in characters.indices {
            width += TerminalText.width(String(characters[i]))
            if width > columns { break }
            let next = i + 1
            guard next < characters.count else { break }
            if wide(characters[i]) && wide(characters[next]) && !closing.contains(characters[next])
                && !openingBrackets.contains(characters[i])
            {
                cut = next
            }
        }
        guard let cut else { return nil }
        return (String(characters[..<cut]), String(characters[cut...]))
    }

    private static let closing: Set<Character> = ["，", "。", "；", "：", "、", "）", "”", "’", "！", "？", "》", "」"]
    private static let openingBrackets: Set<Character> = ["（", "“", "‘", "《", "「"]

    /// The end of a long path, which is the part that tells files apart, in at most `columns` display columns.
    static func tail(_ path: String, _ columns: Int) -> String {
        guard TerminalText.width(path) > columns else { return path }
        var kept = String.UnicodeScalarView()
        var used = 1
        for scalar in path.unicodeScalars.reversed() {
            let w = TerminalText.isWide(scalar) ? 2 : 1
            if used + w > columns { break }
            kept.insert(scalar, at: kept.startIndex)
            used += w
        }
        return "~" + String(kept)
    }

    /// `line` and its line end when it fits 100 columns, else wrapped at its spaces (continuations four further in).
    func fitted(_ line: String) -> String {
        guard TerminalText.width(line) > 100 else { return line + "\n" }
        let indent = line.prefix { $0 == " " }.count
        return wrapped(String(line.dropFirst(indent)), indent: indent)
    }
}
