import HotlineModel

/// Calls of a CDR that ended in the IVR (docs/METRICS.md, "Calls from CDRs").
///
/// A menu context is FreePBX's `ivr-N` or one listed in `ivr.contexts`; the menu applications are `Background`,
/// `Read` and `WaitExten` (waiting for a choice) and `Playback` (an announcement). An inbound call that reached no
/// `Queue()` and was bridged to no channel, and whose last leg ended in a menu context or a menu application, is
/// IVR-only: its path is the menu contexts its legs ended in (shown under their configured names), else the
/// context of its last leg; its time in the menus is the whole call; it was `self_served` when its last node is in
/// `ivr.self_service`, else `ivr_abandoned`.
extension CDRCallAssembler {
    static let menuApplications: Set<String> = ["background", "read", "waitexten", "playback"]

    /// The call, when it ended in the IVR.
    func ivrOnlyCall(_ legs: [CDRLeg], caller: CallerKey?, end: Instant) -> CallRecord? {
        guard let first = legs.first, let last = legs.last,
            isMenu(last.context) || Self.menuApplications.contains(last.app),
            !legs.contains(where: { $0.answered && !$0.dstChannel.isEmpty })
        else { return nil }
        let menus = legs.map(\.context).filter(isMenu)
        let path = path(menus.isEmpty ? [last.context] : menus)
        guard !path.isNone else { return nil }
        let served =
            context.mappings.ivr.isSelfService(context.symbols[path].split(separator: ">").last.map(String.init) ?? "")
            || context.mappings.ivr.isSelfService(last.context)
        return CallRecord(
            location: first.location, callKey: CallRecord.key(first.callID), ivrPath: path, ivrTime: end - first.start,
            caller: caller, enqueuedAt: first.start, endedAt: end, outcome: served ? .selfServed : .ivrAbandoned)
    }

    /// FreePBX's `ivr-N` (`ivr-` and digits) or a configured menu context.
    func isMenu(_ name: String) -> Bool {
        let lower = name.lowercased()
        if context.mappings.ivr.contexts[lower] != nil { return true }
        guard lower.hasPrefix("ivr-") else { return false }
        let number = lower.dropFirst(4)
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
    }

    /// The path of menu contexts in the order the legs ended in them, each under its configured name, a context
    /// repeated at once being one node.
    func path(_ contexts: [String]) -> Symbol {
        var nodes: [String] = []
        for name in contexts {
            let shown = context.mappings.ivr.contexts[name.lowercased()] ?? name
            let node = shown.replacingOccurrences(of: ">", with: "/")
            if !node.isEmpty && nodes.last != node { nodes.append(node) }
        }
        return context.symbols.intern(nodes.joined(separator: ">"))
    }
}
