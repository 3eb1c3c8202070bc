import HotlineModel
import Yams

/// The `nightly` section: where the inputs arrive, where the store and the outputs live, how long outputs stay.
extension ConfigLoader {
    static let reportFormats = ["text", "html", "json", "csv", "xlsx"]

    /// `nightly.formats`: known names, each once, and `html` among them (the index page links the HTML reports).
    private static func formats(_ node: Node, reader: NodeReader, at: String) throws -> [String] {
        var formats: [String] = []
        for (index, item) in try reader.sequence(node, at: at).enumerated() {
            let name = try reader.string(item, at: "\(at)[\(index + 1)]")
            guard reportFormats.contains(name) else {
                throw reader.error(
                    item, "\(at)[\(index + 1)]",
                    "expected one of \(reportFormats.joined(separator: ", ")), found '\(DisplayText.shown(name))'")
            }
            guard !formats.contains(name) else {
                throw reader.error(item, "\(at)[\(index + 1)]", "\(name) is listed twice")
            }
            formats.append(name)
        }
        guard formats.contains("html") else {
            throw reader.error(node, at, "html must be among the formats: the index page links the HTML reports")
        }
        return formats
    }

    static func nightly(_ node: Node, reader: NodeReader) throws -> NightlySettings {
        var settings = NightlySettings()
        for (key, value) in try reader.mapping(
            node, at: "nightly",
            known: ["inbox", "store", "output", "callbacks", "export", "retention_days", "formats"])
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
                            guard let format = InputFormat(rawValue: name) else {
                                throw reader.error(
                                    v, "\(itemAt).format",
                                    "expected one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")), found '\(DisplayText.shown(name))'"
                                )
                            }
                            entry.format = format
                        }
                    }
                    guard !entry.path.isEmpty else { throw reader.error(item, itemAt, "an inbox entry needs a path") }
                    settings.inbox.append(entry)
                }
            case "store": settings.store = try reader.string(value, at: at)
            case "output": settings.output = try reader.string(value, at: at)
            case "callbacks": settings.callbacks = try reader.string(value, at: at)
            case "export": settings.export = try reader.string(value, at: at)
            case "retention_days": settings.retentionDays = try reader.int(value, at: at, range: 1...36500)
            case "formats": settings.formats = try formats(value, reader: reader, at: at)
            default: break
            }
        }
        return settings
    }
}
