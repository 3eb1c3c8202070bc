import HotlineModel
import Yams

/// The `nightly` section: where the inputs arrive, where the store and the outputs live, how long outputs stay.
extension ConfigLoader {
    static let inputFormats = [
        "calls-csv", "asterisk-queue-log", "asterisk-cdr", "freeswitch-xml-cdr", "freeswitch-cdr-csv", "tickets-csv",
        "tickets-xml",
        "tickets-json",
    ]

    static func nightly(_ node: Node, reader: NodeReader) throws -> NightlySettings {
        var settings = NightlySettings()
        for (key, value) in try reader.mapping(
            node, at: "nightly", known: ["inbox", "store", "output", "retention_days"])
        {
            let at = "nightly.\(key)"
            switch key {
            case "inbox":
                for (index, item) in try reader.sequence(value, at: at).enumerated() {
                    let itemAt = "\(at)[\(index + 1)]"
                    if case .scalar = item {
                        settings.inbox.append(.init(path: try reader.string(item, at: itemAt)))
                        continue
                    }
                    var entry = NightlySettings.Inbox(path: "")
                    for (k, v) in try reader.mapping(item, at: itemAt, known: ["path", "format"]) {
                        if k == "path" { entry.path = try reader.string(v, at: "\(itemAt).path") }
                        if k == "format" {
                            let name = try reader.string(v, at: "\(itemAt).format")
                            guard inputFormats.contains(name) else {
                                throw reader.error(
                                    v, "\(itemAt).format",
                                    "expected one of \(inputFormats.joined(separator: ", ")), found '\(DisplayText.shown(name))'"
                                )
                            }
                            entry.format = name
                        }
                    }
                    guard !entry.path.isEmpty else { throw reader.error(item, itemAt, "an inbox entry needs a path") }
                    settings.inbox.append(entry)
                }
            case "store": settings.store = try reader.string(value, at: at)
            case "output": settings.output = try reader.string(value, at: at)
            case "retention_days": settings.retentionDays = try reader.int(value, at: at, range: 1...36500)
            default: break
            }
        }
        return settings
    }
}
