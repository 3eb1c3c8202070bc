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
        #expect(config.callsColumns == ["call_id": "Call ID", "enqueued_at": "Queue Start"])
        #expect(config.outcomeWords == ["已接听": .answered] && config.directionWords == ["呼入": .inbound])
        #expect(config.cdrColumns?.count == 8)
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
            "hotline.yaml:2: service_level.target: expected a fraction like 0.8 or a percentage like 80%, found 'high'"
        ),
        ("service_level:\n  target: 120%\n", "hotline.yaml:2: service_level.target: expected a fraction"),
        ("interval_minutes: 20\n", "hotline.yaml:1: interval_minutes: expected 15, 30 or 60, found 20"),
        ("repeat_window_hours: soon\n", "hotline.yaml:1: repeat_window_hours: expected a whole number, found 'soon'"),
        ("time_zone: Mars/Olympus\n", "hotline.yaml:1: time_zone: unknown time zone 'Mars/Olympus'"),
        ("mask_callers: maybe\n", "hotline.yaml:1: mask_callers: expected true or false, found 'maybe'"),
        (
            "categories:\n  rules:\n    - {match: [x], category: sales}\n",
            "hotline.yaml:3: categories.rules[1].category: expected one of account, payment"
        ),
        (
            "categories:\n  rules:\n    - {field: agent, match: [x], category: other}\n",
            "hotline.yaml:3: categories.rules[1].field: expected label, ivr_path or queue"
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
        ("interval_minutes: 30\ninterval_minutes: 60\n", "hotline.yaml:2: interval_minutes: given twice"),
        ("service_level:\n  target: [0.8\n", "hotline.yaml:3: not valid YAML"),
    ])
    func aBadSettingIsAnErrorNamingFileLineAndKey(text: String, message: String) throws {
        let got = try #require(error(text))
        #expect(got.hasPrefix(message), "got: \(got)")
    }
}
