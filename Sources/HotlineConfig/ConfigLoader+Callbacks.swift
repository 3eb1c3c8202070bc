import Yams

extension ConfigLoader {
    /// The `callbacks` section: the list of callers to call back, for `hotline callbacks` and the nightly job.
    static func callbacks(_ node: Node, reader: NodeReader) throws -> CallbackSettings {
        var settings = CallbackSettings()
        for (key, value) in try reader.mapping(node, at: "callbacks", known: ["window_hours", "show_callers"]) {
            let at = "callbacks.\(key)"
            switch key {
            case "window_hours": settings.windowHours = try reader.int(value, at: at, range: 1...720)
            case "show_callers": settings.showCallers = try reader.bool(value, at: at)
            default: break
            }
        }
        return settings
    }
}
