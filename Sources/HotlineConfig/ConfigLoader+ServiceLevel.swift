import HotlineModel
import Yams

/// `service_level:` — the default threshold and targets, and the queues' and categories' own.
extension ConfigLoader {
    static func serviceLevel(_ node: Node, reader: NodeReader, into config: inout HotlineConfiguration) throws {
        let key = "service_level"
        let known = ["threshold_seconds", "target", "abandonment_target", "queues", "categories"]
        for (sub, value) in try reader.mapping(node, at: key, known: known) {
            let at = "\(key).\(sub)"
            switch sub {
            case "threshold_seconds": config.serviceLevelSeconds = try reader.int(value, at: at, range: 1...3600)
            case "target": config.serviceLevelTarget = try reader.fraction(value, at: at)
            case "abandonment_target": config.abandonmentTarget = try reader.fraction(value, at: at)
            case "queues":
                for (queue, targets) in try reader.mapping(value, at: at, known: nil) {
                    config.serviceTargets.queues[queue] = try override(targets, at: "\(at).\(queue)", reader: reader)
                }
            default:
                for (name, targets) in try reader.mapping(value, at: at, known: nil) {
                    guard let category = CallCategory(name: name) else {
                        let names = CallCategory.allCases.map(\.name).joined(separator: ", ")
                        throw reader.error(value, "\(at).\(name)", "not a category; the categories are \(names)")
                    }
                    config.serviceTargets.categories[category] = try override(
                        targets, at: "\(at).\(name)", reader: reader)
                }
            }
        }
    }

    /// One queue's or category's targets; what it leaves out is the default's.
    private static func override(_ node: Node, at key: String, reader: NodeReader) throws -> ServiceTargetOverride {
        var o = ServiceTargetOverride()
        let known = ["threshold_seconds", "target", "abandonment_target"]
        for (sub, value) in try reader.mapping(node, at: key, known: known) {
            let at = "\(key).\(sub)"
            switch sub {
            case "threshold_seconds": o.thresholdSeconds = try reader.int(value, at: at, range: 1...3600)
            case "target": o.serviceLevelTarget = try reader.fraction(value, at: at)
            default: o.abandonmentTarget = try reader.fraction(value, at: at)
            }
        }
        return o
    }
}
