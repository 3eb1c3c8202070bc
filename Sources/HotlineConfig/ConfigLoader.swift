import Foundation
import HotlineModel
import Yams

/// Reads the YAML configuration file into a ``HotlineConfiguration``.
///
/// Walks the YAML node tree itself rather than decoding, so every error names the file, the line and the key:
/// an unknown key (with the known ones), a wrong type, a value out of range, a zone, category or pattern that does
/// not exist.
public enum ConfigLoader {
    /// The largest configuration file read: a real one is a few kilobytes; a larger file is not one (and YAML
    /// parsing takes memory many times its size).
    public static let maxFileBytes = 1 << 20

    public static func load(path: String) throws -> HotlineConfiguration {
        let text = try readText(path: path)
        // Kept by the absolute path: the paths in the settings are resolved against its folder.
        let absolute = URL(fileURLWithPath: path).path
        if let config = lastLoaded.config(path: absolute, text: text) { return config }
        var config = try parse(text, file: path)
        // Paths in the file are relative to its folder, so cron can run the job from anywhere.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        func resolved(_ p: String) -> String { p.hasPrefix("/") ? p : folder + "/" + p }
        config.nightly.inbox = config.nightly.inbox.map { .init(path: resolved($0.path), format: $0.format) }
        config.nightly.store = config.nightly.store.map(resolved)
        config.nightly.output = config.nightly.output.map(resolved)
        config.nightly.callbacks = config.nightly.callbacks.map(resolved)
        config.nightly.export = config.nightly.export.map(resolved)
        lastLoaded.keep(config, path: absolute, text: text)
        return config
    }

    /// A command loads its file twice, in `validate` (a bad file is a usage error) and in `run`; parsing it again
    /// was 3.3 M instructions of a one-day report. The same path and text give the same settings.
    private static let lastLoaded = LastLoaded()

    /// The file's text, or an error saying why it cannot be read: missing, a directory, unreadable, over
    /// ``maxFileBytes``, or not UTF-8 (with the line of the first bad byte).
    static func readText(path: String) throws -> String {
        func failure(_ why: String, line: Int = 0) -> ConfigError {
            ConfigError(file: path, line: line, key: "", message: "cannot read the configuration file: \(why)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("no such file")
        }
        if isDirectory.boolValue { throw failure("it is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw failure("permission denied") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxFileBytes + 1) ?? Data()
        } catch {
            throw failure("\(error.localizedDescription)")
        }
        guard data.count <= maxFileBytes else {
            throw failure("larger than \(maxFileBytes) bytes (1 MiB), the limit for a configuration file")
        }
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var line = 1
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == UInt8(ascii: "\n") { line += 1 }
                offset += scalar.count
                continue
            case .error:
                throw failure("not UTF-8 text (byte \(offset + 1) is not UTF-8); save it as UTF-8", line: line)
            case .emptyInput:
                break
            }
            break
        }
        return String(decoding: data, as: UTF8.self)
    }

    public static func parse(_ text: String, file: String) throws -> HotlineConfiguration {
        let root: Node?
        do {
            // The basic resolver: every value is read as text by NodeReader, so the default one's tag regexes
            // (~9 M instructions to compile, a fifth of a one-day report's start) would be unused.
            root = try Yams.compose(yaml: text, .basic)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, _) {
            let key = duplicates.first ?? ""
            throw ConfigError(file: file, line: Self.secondLine(of: key, in: text), key: key, message: "given twice")
        } catch let error as YamlError {
            throw ConfigError(
                file: file, line: Self.line(of: error), key: "", message: "not valid YAML: \(Self.problem(of: error))")
        }
        var config = HotlineConfiguration()
        guard let root else { return config }
        let reader = NodeReader(file: file)
        for (key, value) in try reader.mapping(root, at: "", known: Keys.top) {
            switch key {
            case "time_zone": config.timeZone = try reader.zone(value, at: key)
            case "source_time_zone": config.sourceTimeZone = try reader.zone(value, at: key)
            case "interval_minutes":
                config.intervalMinutes = try reader.int(value, at: key)
                guard [15, 30, 60].contains(config.intervalMinutes) else {
                    throw reader.error(value, key, "expected 15, 30 or 60, found \(config.intervalMinutes)")
                }
            case "service_level": try serviceLevel(value, reader: reader, into: &config)
            case "short_abandon_seconds": config.shortAbandonSeconds = try reader.int(value, at: key, range: 0...600)
            case "repeat_window_hours": config.repeatWindowHours = try reader.int(value, at: key, range: 1...8760)
            case "satisfied_score": config.satisfiedScore = try reader.int(value, at: key, range: 1...5)
            case "mask_callers": config.maskCallers = try reader.bool(value, at: key)
            case "language":
                let code = try reader.string(value, at: key)
                guard let language = ReportLanguage(code: code) else {
                    throw reader.error(value, key, ReportLanguage.refusal(of: code))
                }
                config.language = language
            case "categories": config.categoryRules = try categories(value, reader: reader)
            case "calls_csv": try callsCSV(value, reader: reader, into: &config)
            case "asterisk_cdr":
                for (sub, node) in try reader.mapping(value, at: key, known: ["columns", "contexts"]) {
                    if sub == "columns" { config.cdrColumns = try reader.strings(node, at: "\(key).\(sub)") }
                    if sub == "contexts" {
                        for (name, target) in try reader.mapping(node, at: "\(key).\(sub)", known: nil) {
                            let at = "\(key).\(sub).\(name)"
                            let word = try reader.string(target, at: at)
                            let directions: [String: CallDirection] = [
                                "inbound": .inbound, "outbound": .outbound, "internal": .internal,
                            ]
                            guard let direction = directions[word] else {
                                throw reader.error(
                                    target, at,
                                    "expected inbound, outbound or internal, found '\(DisplayText.shown(word))'")
                            }
                            config.mappings.cdrContexts[name.lowercased()] = direction
                        }
                    }
                }
            case "exceptions": config.exceptions = try exceptions(value, reader: reader)
            case "tickets": try ConfigLoader.tickets(value, reader: reader, into: &config)
            case "nightly": config.nightly = try ConfigLoader.nightly(value, reader: reader)
            case "callbacks": config.callbacks = try ConfigLoader.callbacks(value, reader: reader)
            case "csv": try ConfigLoader.csv(value, reader: reader, into: &config)
            case "ivr": try ConfigLoader.ivr(value, reader: reader, into: &config)
            default: break
            }
        }
        return config
    }

    enum Keys {
        static let top = [
            "time_zone", "source_time_zone", "interval_minutes", "service_level", "short_abandon_seconds",
            "repeat_window_hours", "satisfied_score", "mask_callers", "language", "categories", "calls_csv",
            "asterisk_cdr", "exceptions", "tickets", "nightly", "callbacks", "csv", "ivr",
        ]
    }

    private static func exceptions(_ node: Node, reader: NodeReader) throws -> ExceptionThresholds {
        var t = ExceptionThresholds()
        let known = [
            "min_calls_per_interval", "abandonment_limit", "abandonment_times_usual", "volume_change", "share_jump",
            "missing_share", "min_queue_calls", "ivr_min_node_entries", "ivr_drop_off_jump",
        ]
        for (key, value) in try reader.mapping(node, at: "exceptions", known: known) {
            let at = "exceptions.\(key)"
            switch key {
            case "min_calls_per_interval": t.minCallsPerInterval = try reader.int(value, at: at, range: 1...100_000)
            case "abandonment_limit": t.abandonmentLimit = try reader.fraction(value, at: at)
            case "abandonment_times_usual":
                let text = try reader.string(value, at: at)
                guard let times = Double(text), times >= 1, times <= 100 else {
                    throw reader.error(value, at, "expected a factor from 1 to 100 such as 2, found '\(text)'")
                }
                t.abandonmentTimesUsual = times
            case "volume_change": t.volumeChange = try reader.fraction(value, at: at)
            case "share_jump": t.shareJump = try reader.fraction(value, at: at)
            case "missing_share": t.missingShare = try reader.fraction(value, at: at)
            case "min_queue_calls": t.minQueueCalls = try reader.int(value, at: at, range: 1...1_000_000)
            case "ivr_min_node_entries": t.ivrMinNodeEntries = try reader.int(value, at: at, range: 1...1_000_000)
            case "ivr_drop_off_jump": t.ivrDropOffJump = try reader.fraction(value, at: at)
            default: break
            }
        }
        return t
    }

    private static func categories(_ node: Node, reader: NodeReader) throws -> CategoryRules {
        var replace = false
        var rules: [CategoryRule] = []
        for (key, value) in try reader.mapping(node, at: "categories", known: ["replace_defaults", "rules"]) {
            if key == "replace_defaults" { replace = try reader.bool(value, at: "categories.replace_defaults") }
            if key == "rules" {
                for (index, item) in try reader.sequence(value, at: "categories.rules").enumerated() {
                    let at = "categories.rules[\(index + 1)]"
                    var field = CategoryRule.Field.label
                    var words: [String] = []
                    var pattern: String?
                    var category: CallCategory?
                    var subcategory: String?
                    for (k, v) in try reader.mapping(
                        item, at: at, known: ["field", "match", "pattern", "category", "subcategory"])
                    {
                        switch k {
                        case "field":
                            let name = try reader.string(v, at: "\(at).field")
                            guard let known = CategoryRule.Field(rawValue: name) else {
                                throw reader.error(
                                    v, "\(at).field",
                                    "expected \(CategoryRule.Field.allCases.map(\.rawValue).joined(separator: ", ")), found '\(DisplayText.shown(name))'"
                                )
                            }
                            field = known
                        case "match": words = try reader.strings(v, at: "\(at).match")
                        case "pattern":
                            let text = try reader.string(v, at: "\(at).pattern")
                            do {
                                _ = try NSRegularExpression(pattern: text)
                            } catch {
                                throw reader.error(
                                    v, "\(at).pattern", "not a valid regular expression: '\(DisplayText.shown(text))'")
                            }
                            pattern = text
                        case "category":
                            let name = try reader.string(v, at: "\(at).category")
                            guard let known = CallCategory(name: name) else {
                                let names = CallCategory.allCases.map(\.name).joined(separator: ", ")
                                throw reader.error(
                                    v, "\(at).category", "expected one of \(names), found '\(DisplayText.shown(name))'")
                            }
                            category = known
                        case "subcategory": subcategory = try reader.string(v, at: "\(at).subcategory")
                        default: break
                        }
                    }
                    guard let category else { throw reader.error(item, at, "a rule needs a category") }
                    guard !words.isEmpty || pattern != nil else {
                        throw reader.error(item, at, "a rule needs match words or a pattern")
                    }
                    rules.append(
                        CategoryRule(
                            field: field, words: words, category: category, subcategory: subcategory, pattern: pattern))
                }
            }
        }
        return CategoryRules(rules: replace ? rules : rules + CategoryRules.default.rules)
    }

    private static func callsCSV(_ node: Node, reader: NodeReader, into config: inout HotlineConfiguration) throws {
        let native = [
            "call_id", "queue", "category", "direction", "caller", "agent", "enqueued_at", "answered_at", "ended_at",
            "wait_s", "talk_s", "hold_s", "wrap_s", "outcome", "ivr_path", "csat", "nps",
        ]
        let known = ["columns", "outcomes", "directions", "date_order"]
        for (key, value) in try reader.mapping(node, at: "calls_csv", known: known) {
            let at = "calls_csv.\(key)"
            switch key {
            case "date_order": config.mappings.callsDateOrder = try dateOrder(value, at: at, reader: reader)
            case "columns":
                for (column, header) in try reader.mapping(value, at: at, known: native) {
                    config.mappings.callsColumns[column] = try reader.string(header, at: "\(at).\(column)")
                }
            case "outcomes":
                for (word, target) in try reader.mapping(value, at: at, known: nil) {
                    let name = try reader.string(target, at: "\(at).\(word)")
                    guard let outcome = CallOutcome.allCases.first(where: { $0.name == name }) else {
                        throw reader.error(
                            target, "\(at).\(word)",
                            "expected answered, abandoned, timeout, transferred or callback, found '\(DisplayText.shown(name))'"
                        )
                    }
                    config.mappings.outcomeWords[word.lowercased()] = outcome
                }
            case "directions":
                for (word, target) in try reader.mapping(value, at: at, known: nil) {
                    let name = try reader.string(target, at: "\(at).\(word)")
                    guard name == "inbound" || name == "outbound" else {
                        throw reader.error(
                            target, "\(at).\(word)", "expected inbound or outbound, found '\(DisplayText.shown(name))'")
                    }
                    config.mappings.directionWords[word.lowercased()] = name == "inbound" ? .inbound : .outbound
                }
            default: break
            }
        }
    }

    /// `dmy`, `mdy` or `ymd`.
    static func dateOrder(_ node: Node, at: String, reader: NodeReader) throws -> DateOrder {
        let name = try reader.string(node, at: at)
        guard let order = DateOrder(rawValue: name.lowercased()) else {
            throw reader.error(
                node, at,
                "expected dmy (25/01/2025), mdy (01/25/2025) or ymd (2025-01-25), found '\(DisplayText.shown(name))'")
        }
        return order
    }

    /// The line of the second `key:` in `text`, where a duplicate is.
    private static func secondLine(of key: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Plain or quoted: `1:` and `"1":` are the same key to the basic resolver.
        let forms = [key + ":", "\"" + key + "\":", "'" + key + "':"]
        let hits = lines.indices.filter { i in
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            return forms.contains { line.hasPrefix($0) }
        }
        return hits.count > 1 ? hits[1] + 1 : 0
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
        default: return 0
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }
}
