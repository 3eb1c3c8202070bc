import Foundation
import HotlineModel
import Testing

@testable import HotlineConfig

@Suite struct ConfigLoaderTests {
    func parse(_ text: String) throws -> HotlineConfiguration { try ConfigLoader.parse(text, file: "hotline.yaml") }

    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func anEmptyFileGivesTheDocumentedDefaults() throws {
        let config = try parse("")
        #expect(config == HotlineConfiguration())
        #expect(config.intervalMinutes == 30 && config.serviceLevelSeconds == 20 && config.serviceLevelTarget == 0.8)
        #expect(config.shortAbandonSeconds == 5 && config.repeatWindowHours == 72 && config.satisfiedScore == 4)
        #expect(config.maskCallers && config.timeZone == nil && config.categoryRules == .default)
    }

    @Test func everySettingIsRead() throws {
        let config = try parse(
            """
            time_zone: Asia/Shanghai
            source_time_zone: UTC
            interval_minutes: 15
            service_level: {threshold_seconds: 30, target: 90%}
            short_abandon_seconds: 3
            repeat_window_hours: 24
            satisfied_score: 5
            mask_callers: false
            categories:
              replace_defaults: true
              rules:
                - {field: queue, match: [vip], category: complaint, subcategory: escalation}
            calls_csv:
              columns: {call_id: Call ID, enqueued_at: Queue Start}
              outcomes: {已接听: answered}
              directions: {呼入: inbound}
            asterisk_cdr:
              columns: [src, dst, start, answer, end, duration, billsec, disposition]
            """)
        #expect(config.timeZone == "Asia/Shanghai" && config.sourceTimeZone == "UTC" && config.intervalMinutes == 15)
        #expect(config.serviceLevelSeconds == 30 && config.serviceLevelTarget == 0.9)
        #expect(config.shortAbandonSeconds == 3 && config.repeatWindowHours == 24 && config.satisfiedScore == 5)
        #expect(!config.maskCallers)
        #expect(
            config.categoryRules.rules == [
                CategoryRule(field: .queue, words: ["vip"], category: .complaint, subcategory: "escalation")
            ])
        #expect(config.mappings.callsColumns == ["call_id": "Call ID", "enqueued_at": "Queue Start"])
        #expect(
            config.mappings.outcomeWords == ["已接听": .answered] && config.mappings.directionWords == ["呼入": .inbound])
        #expect(config.cdrColumns?.count == 8)
    }

    @Test func ticketSettingsReadBusinessHoursHolidaysTargetsAndMappings() throws {
        let config = try parse(
            """
            tickets:
              business_hours: {days: [mon, tue, wed, thu, fri, sat], start: "08:30", end: "17:00"}
              holidays: [2026-10-01, 2026-10-02]
              sla:
                - {category: complaint, priority: urgent, first_reply_minutes: 15}
                - {priority: high, resolution_minutes: 480}
              csv:
                columns: {created_at: 提交时间}
              statuses: {处理完毕: solved}
              priorities: {P1: urgent}

            """)
        let hours = try #require(config.businessHours)
        #expect(hours.weekdays == [0, 1, 2, 3, 4, 5] && hours.start == 8 * 3600 + 1800 && hours.end == 17 * 3600)
        #expect(hours.holidays.count == 2)
        #expect(
            config.slaTargets == [
                SLATarget(category: .complaint, priority: .urgent, firstReplyMinutes: 15),
                SLATarget(priority: .high, resolutionMinutes: 480),
            ])
        #expect(config.mappings.ticketColumns == ["created_at": "提交时间"])
        #expect(
            config.mappings.ticketStatusWords == ["处理完毕": .solved]
                && config.mappings.ticketPriorityWords == ["p1": .urgent])
    }

    @Test func eachCSVExportHasItsOwnDateOrder() throws {
        let config = try parse(
            """
            calls_csv:
              date_order: dmy
            tickets:
              csv: {date_order: MDY}
            """)
        #expect(config.mappings.callsDateOrder == .dmy && config.mappings.ticketsDateOrder == .mdy)
        #expect(try parse("").mappings.callsDateOrder == .ymd)
        #expect(
            error("calls_csv:\n  date_order: european\n")
                == "hotline.yaml:2: calls_csv.date_order: expected dmy (25/01/2025), mdy (01/25/2025) or ymd (2025-01-25), found 'european'"
        )
    }

    @Test func queuesAndCategoriesHaveTargetsOfTheirOwnOverTheDefault() throws {
        let config = try parse(
            "service_level:\n  threshold_seconds: 20\n  target: 80%\n  abandonment_target: 5\n  queues:\n"
                + "    vip: {threshold_seconds: 10, target: 0.9}\n  categories:\n    complaint: {abandonment_target: 2%}\n"
        )
        #expect(config.abandonmentTarget == 0.05)
        #expect(
            config.serviceTargets.queues["vip"] == ServiceTargetOverride(thresholdSeconds: 10, serviceLevelTarget: 0.9))
        #expect(config.serviceTargets.categories[.complaint] == ServiceTargetOverride(abandonmentTarget: 0.02))
        let base = ServiceTarget(thresholdSeconds: 20, serviceLevelTarget: 0.8, abandonmentTarget: 0.05)
        // What a queue leaves out is the default's.
        #expect(
            config.serviceTargets.target(default: base, queue: "vip")
                == ServiceTarget(thresholdSeconds: 10, serviceLevelTarget: 0.9, abandonmentTarget: 0.05))
    }

    @Test func rulesComeBeforeTheDefaultsUnlessTheyReplaceThem() throws {
        let config = try parse("categories:\n  rules:\n    - {match: [快递], category: other, subcategory: delivery}\n")
        #expect(config.categoryRules.rules.count == CategoryRules.default.rules.count + 1)
        #expect(config.categoryRules.rules.first?.subcategory == "delivery")
    }

    @Test(arguments: [
        ("interval_minutes: 30\ncolour: blue\n", "hotline.yaml:2: colour: unknown setting; known here: time_zone,"),
        (
            "service_level:\n  target: high\n",
            "hotline.yaml:2: service_level.target: expected a share such as 80, 80% or 0.8, found 'high'"
        ),
        ("service_level:\n  target: 120%\n", "hotline.yaml:2: service_level.target: expected a share"),
        ("interval_minutes: 20\n", "hotline.yaml:1: interval_minutes: expected 15, 30 or 60, found 20"),
        (
            "service_level:\n  categories:\n    sales: {target: 90%}\n",
            "hotline.yaml:3: service_level.categories.sales: not a category; the categories are account, payment"
        ),
        (
            "service_level:\n  queues:\n    vip: {threshold: 10}\n",
            "hotline.yaml:3: service_level.queues.vip.threshold: unknown setting; known here: threshold_seconds"
        ),
        ("repeat_window_hours: soon\n", "hotline.yaml:1: repeat_window_hours: expected a whole number, found 'soon'"),
        ("time_zone: Mars/Olympus\n", "hotline.yaml:1: time_zone: unknown time zone 'Mars/Olympus'; name an IANA zone"),
        (
            "interval_minutes: 30\ntime_zone: CST\n",
            "hotline.yaml:2: time_zone: CST is ambiguous: China Standard Time is Asia/Shanghai, US Central is America/Chicago, Cuba is America/Havana; name an IANA zone (Area/City, e.g. Asia/Shanghai), UTC, or a fixed offset such as +08:00"
        ),
        ("source_time_zone: IST\n", "hotline.yaml:1: source_time_zone: IST is ambiguous: India Standard Time is"),
        ("mask_callers: maybe\n", "hotline.yaml:1: mask_callers: expected true or false, found 'maybe'"),
        (
            "categories:\n  rules:\n    - {match: [x], category: sales}\n",
            "hotline.yaml:3: categories.rules[1].category: expected one of account, payment"
        ),
        (
            "categories:\n  rules:\n    - {field: agent, match: [x], category: other}\n",
            "hotline.yaml:3: categories.rules[1].field: expected label, ivr_path, queue, tags, ticket_type, group, subject"
        ),
        (
            "categories:\n  rules:\n    - {pattern: \"(unclosed\", category: other}\n",
            "hotline.yaml:3: categories.rules[1].pattern: not a valid regular expression"
        ),
        (
            "categories:\n  rules:\n    - {category: other}\n",
            "hotline.yaml:3: categories.rules[1]: a rule needs match words or a pattern"
        ),
        (
            "calls_csv:\n  columns: {callid: Call ID}\n",
            "hotline.yaml:2: calls_csv.columns.callid: unknown setting; known here: call_id,"
        ),
        (
            "calls_csv:\n  outcomes: {接通: picked}\n",
            "hotline.yaml:2: calls_csv.outcomes.接通: expected answered, abandoned"
        ),
        ("service_level: 20\n", "hotline.yaml:1: service_level: expected a mapping of settings, found '20'"),
        (
            "tickets:\n  business_hours: {start: \"9am\"}\n",
            "hotline.yaml:2: tickets.business_hours.start: expected a time HH:MM, found '9am'"
        ),
        (
            "tickets:\n  business_hours: {start: \"18:00\", end: \"09:00\"}\n",
            "hotline.yaml:2: tickets.business_hours: end must be after start"
        ),
        (
            "tickets:\n  business_hours: {days: [mon, funday]}\n",
            "hotline.yaml:2: tickets.business_hours.days[2]: expected mon, tue, ... sun, found 'funday'"
        ),
        (
            "tickets:\n  business_hours: {}\n  holidays: [2026-02-30]\n",
            "hotline.yaml:3: tickets.holidays[1]: expected a date YYYY-MM-DD, found '2026-02-30'"
        ),
        (
            "tickets:\n  holidays: [2026-10-01]\n",
            "hotline.yaml:2: tickets.holidays: holidays need tickets.business_hours"
        ),
        (
            "tickets:\n  sla:\n    - {priority: p1, resolution_minutes: 60}\n",
            "hotline.yaml:3: tickets.sla[1].priority: expected one of urgent, high, normal, low, none, found 'p1'"
        ),
        (
            "tickets:\n  sla:\n    - {category: payment}\n",
            "hotline.yaml:3: tickets.sla[1]: a target needs first_reply_minutes or resolution_minutes"
        ),
        (
            "tickets:\n  sla:\n    - {priority: high, resolution_minutes: -5}\n",
            "hotline.yaml:3: tickets.sla[1].resolution_minutes:"
        ),
        (
            "tickets:\n  csv:\n    columns: {created: 提交时间}\n",
            "hotline.yaml:3: tickets.csv.columns.created: unknown setting; known here: id,"
        ),
        ("tickets:\n  statuses: {处理完毕: done}\n", "hotline.yaml:2: tickets.statuses.处理完毕: expected one of new, open"),
        ("interval_minutes: 30\ninterval_minutes: 60\n", "hotline.yaml:2: interval_minutes: given twice"),
        ("calls_csv:\n  outcomes:\n    1: answered\n    \"1\": abandoned\n", "hotline.yaml:4: 1: given twice"),
        ("service_level:\n  target: [0.8\n", "hotline.yaml:3: not valid YAML"),
    ])
    func aBadSettingIsAnErrorNamingFileLineAndKey(text: String, message: String) throws {
        let got = try #require(error(text))
        #expect(got.hasPrefix(message), "got: \(got)")
    }

    func loadError(_ write: (String) throws -> Void) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hotline-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("hotline.yaml").path
        try write(path)
        do {
            _ = try ConfigLoader.load(path: path)
            return ""
        } catch {
            return "\(error)".replacingOccurrences(of: path, with: "hotline.yaml")
        }
    }

    @Test func aConfigurationThatCannotBeReadSaysWhy() throws {
        let directory = try loadError {
            try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: true)
        }
        #expect(directory == "hotline.yaml: cannot read the configuration file: it is a directory, not a file")
        let latin1 = try loadError {
            try Data("time_zone: UTC\n# caf\u{E9}\n".utf8.map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 }).write(
                to: URL(fileURLWithPath: $0))
        }
        #expect(
            latin1
                == "hotline.yaml:2: cannot read the configuration file: not UTF-8 text (byte 21 is not UTF-8); save it as UTF-8"
        )
        let huge = try loadError {
            try Data(repeating: UInt8(ascii: "#"), count: (1 << 20) + 1).write(to: URL(fileURLWithPath: $0))
        }
        #expect(
            huge
                == "hotline.yaml: cannot read the configuration file: larger than 1048576 bytes (1 MiB), the limit for a configuration file"
        )
    }

    @Test func aMissingConfigurationFileSaysSoWithoutALineNumber() throws {
        let missing = try loadError { _ in }
        #expect(missing == "hotline.yaml: cannot read the configuration file: no such file")
    }

    @Test func aFixedOffsetIsAZone() throws {
        let config = try ConfigLoader.parse("time_zone: \"+08:00\"\n", file: "hotline.yaml")
        #expect(config.timeZone == "+08:00")
    }

    @Test func aHugeValueIsCutInTheMessage() throws {
        let got = try #require(error("time_zone: " + String(repeating: "x", count: 100_000) + "\n"))
        #expect(got.utf8.count < 400)
        #expect(got.contains(String(repeating: "x", count: 200) + "…'"))
    }

    @Test func aFileLoadedAgainGivesWhatItSaysNowAndPathsRelativeToItsOwnFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hotline-reload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let (one, two) = (root.appendingPathComponent("one"), root.appendingPathComponent("two"))
        for folder in [one, two] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let path = one.appendingPathComponent("hotline.yaml").path
        let text = "interval_minutes: 15\nnightly: {store: s.sqlite}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let first = try ConfigLoader.load(path: path)
        #expect(first.intervalMinutes == 15 && first.nightly.store == one.path + "/s.sqlite")
        #expect(try ConfigLoader.load(path: path) == first)

        try "interval_minutes: 60\nnightly: {store: s.sqlite}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ConfigLoader.load(path: path).intervalMinutes == 60)

        // The same text elsewhere: its paths are under its own folder.
        let other = two.appendingPathComponent("hotline.yaml").path
        try text.write(toFile: other, atomically: true, encoding: .utf8)
        #expect(try ConfigLoader.load(path: other).nightly.store == two.path + "/s.sqlite")
        try "interval_minutes: [\n".write(toFile: other, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: other) }
    }

    @Test func theKeptSettingsAreGivenOnlyForTheSamePathAndTheSameBytes() {
        let kept = ConfigLoader.LastLoaded()
        var config = HotlineConfiguration()
        config.intervalMinutes = 15
        let text = "categories:\n  rules: [{field: label, match: [caf\u{E9}], category: other}]\n"
        kept.keep(config, path: "/etc/hotline/hotline.yaml", text: text)
        #expect(kept.config(path: "/etc/hotline/hotline.yaml", text: text) == config)
        #expect(kept.config(path: "/srv/hotline/hotline.yaml", text: text) == nil)
        // The same word with the accent as a combining mark: equal as Swift strings, not as bytes.
        let decomposed = "categories:\n  rules: [{field: label, match: [cafe\u{301}], category: other}]\n"
        #expect(decomposed == text)
        #expect(kept.config(path: "/etc/hotline/hotline.yaml", text: decomposed) == nil)
    }
}
