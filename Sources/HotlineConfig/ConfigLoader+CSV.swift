import HotlineModel
import Yams

/// The `csv` section: how CSV outputs are encoded (a BOM for Excel in a Chinese locale, or GB18030).
extension ConfigLoader {
    static let csvEncodings = ["utf-8", "gb18030"]

    static func csv(_ node: Node, reader: NodeReader, into config: inout HotlineConfiguration) throws {
        for (key, value) in try reader.mapping(node, at: "csv", known: ["bom", "encoding"]) {
            let at = "csv.\(key)"
            switch key {
            case "bom": config.csvBOM = try reader.bool(value, at: at)
            case "encoding":
                let name = try reader.string(value, at: at).lowercased()
                guard csvEncodings.contains(name) else {
                    throw reader.error(
                        value, at, "expected utf-8 or gb18030, found '\(DisplayText.shown(name))'")
                }
                config.csvEncoding = name
            default: break
            }
        }
    }
}
