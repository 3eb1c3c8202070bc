import Foundation
import HotlineModel
import Yams

/// The `ivr` section: which menu ends mean self-service, which Asterisk contexts are menus, and the FreeSWITCH
/// variables that carry the IVR data.
extension ConfigLoader {
    static func ivr(_ node: Node, reader: NodeReader, into config: inout HotlineConfiguration) throws {
        var settings = IVRSettings()
        for (key, value) in try reader.mapping(node, at: "ivr", known: ["self_service", "contexts", "freeswitch"]) {
            let at = "ivr.\(key)"
            switch key {
            case "self_service":
                settings.selfService = Set(
                    try nonEmpty(reader.strings(value, at: at), value, at, reader).map {
                        $0.lowercased()
                    })
            case "contexts":
                // A list of context names (shown as they are), or context -> the node name to show.
                if value.mapping != nil {
                    for (name, shown) in try reader.mapping(value, at: at, known: nil) {
                        let text = try reader.string(shown, at: "\(at).\(name)")
                        guard !text.isEmpty, !text.contains(">") else {
                            throw reader.error(shown, "\(at).\(name)", "expected a node name without '>'")
                        }
                        settings.contexts[name.lowercased()] = text
                    }
                } else {
                    for name in try nonEmpty(reader.strings(value, at: at), value, at, reader) {
                        settings.contexts[name.lowercased()] = name
                    }
                }
            case "freeswitch":
                let known = ["path_variable", "status_variable", "digits_variable", "self_service_statuses"]
                for (sub, item) in try reader.mapping(value, at: at, known: known) {
                    let subAt = "\(at).\(sub)"
                    switch sub {
                    case "self_service_statuses":
                        settings.selfServiceStatuses = Set(try reader.strings(item, at: subAt).map { $0.lowercased() })
                    default:
                        let name = try reader.string(item, at: subAt)
                        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                            throw reader.error(
                                item, subAt, "expected a channel variable name, found '\(DisplayText.shown(name))'")
                        }
                        switch sub {
                        case "path_variable": settings.pathVariable = name
                        case "status_variable": settings.statusVariable = name
                        default: settings.digitsVariable = name
                        }
                    }
                }
            default: break
            }
        }
        config.mappings.ivr = settings
    }

    /// The names of a list, refusing empty ones (a stray comma would match nothing, silently).
    private static func nonEmpty(_ names: [String], _ node: Node, _ at: String, _ reader: NodeReader) throws
        -> [String]
    {
        guard !names.contains(where: \.isEmpty) else { throw reader.error(node, at, "an empty name in the list") }
        return names
    }
}
