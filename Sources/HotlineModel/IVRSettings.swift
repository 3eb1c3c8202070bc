/// How the PBX formats tell IVR calls: the configuration's `ivr` section (docs/CONFIG.md). Part of
/// ``ExportMappings``, so every reader gets it with the other mappings.
public struct IVRSettings: Sendable, Equatable {
    /// Node names or ids (queue_log: also `menu:choice`), lower-cased: a call that ends there without reaching a
    /// queue was served by the menus (`self_served`); any other such call is `ivr_abandoned`.
    public var selfService: Set<String> = []
    /// Asterisk dialplan contexts that are menus (lower-cased), each with the node name to show for it (the context
    /// itself when none is given). FreePBX's `ivr-N` contexts are menus without being listed.
    public var contexts: [String: String] = [:]
    /// FreeSWITCH channel variables: the path (nodes separated by `>`), the menu status and the digits dialled.
    public var pathVariable = "ivr_path"
    public var statusVariable = "ivr_menu_status"
    public var digitsVariable = "digits_dialed"
    /// Values of the status variable (lower-cased) that mean the caller was served by the menus.
    public var selfServiceStatuses: Set<String> = ["success"]

    public init() {}

    /// True when `node` (a name, an id, or `menu:choice`) is configured as self-service.
    public func isSelfService(_ node: String) -> Bool {
        !selfService.isEmpty && selfService.contains(node.lowercased())
    }

    /// True when nothing differs from the defaults (settings fingerprints leave the section out then).
    public var isDefault: Bool { self == IVRSettings() }
}
