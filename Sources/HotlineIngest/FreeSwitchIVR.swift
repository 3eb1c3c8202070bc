import HotlineModel

/// What a FreeSWITCH CDR's variables say about the menus (names from `ivr.freeswitch`, docs/CONFIG.md).
///
/// The path is the path variable (`ivr_path`, nodes separated by `>`), else the menu of a call that hung up in
/// `ivr` (`current_application_data`). A call went through the IVR when it has a path, a menu status
/// (`ivr_menu_status`) or digits dialled (`digits_dialed`; FreeSWITCH writes `none` for none). It was served by the
/// menus when the status is one of `self_service_statuses` (default `success`) or its last node is in
/// `ivr.self_service`; a bridge (`bridge_channel`, `last_bridge_to`, `bridge_uuid`) means it reached someone.
struct FreeSwitchIVR {
    var path = Symbol.none
    var isIVR = false
    var selfServed = false
    var bridged = false

    init(variables v: [String: String], settings: IVRSettings, symbols: SymbolTable) {
        func value(_ name: String) -> String? {
            guard let text = v[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty,
                text.lowercased() != "none"
            else { return nil }
            return text
        }
        var nodes = (value(settings.pathVariable) ?? "").split(separator: ">").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        if nodes.isEmpty, v["current_application"]?.lowercased() == "ivr", let menu = value("current_application_data")
        {
            nodes = [menu.replacingOccurrences(of: ">", with: "/")]
        }
        path = symbols.intern(nodes.joined(separator: ">"))
        let status = value(settings.statusVariable)?.lowercased()
        isIVR = !nodes.isEmpty || status != nil || value(settings.digitsVariable) != nil
        selfServed =
            status.map { settings.selfServiceStatuses.contains($0) } ?? false
            || nodes.last.map(settings.isSelfService) ?? false
        bridged = ["bridge_channel", "last_bridge_to", "bridge_uuid"].contains { value($0) != nil }
    }
}
