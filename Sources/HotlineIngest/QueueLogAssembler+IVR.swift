import HotlineModel

/// The menus of queue_log calls: FreePBX's QueueMetrics module writes `DID|<did>` when a call arrives and
/// `INFO|IVRAPPEND|<choice>|<ivr id>|<ivr name>` for each choice made in a menu, with the caller's uniqueid as
/// callid and before the call's ENTERQUEUE.
///
/// The path is the menus chosen in, in order: each IVRAPPEND adds its menu's name (else its id) as a node; a menu
/// chosen in again at once (an invalid key, a repeat) is one node. The choice is not a node of its own: where it
/// leads is the next menu, or the queue, or the end of the call. A call whose last choice was in a menu (or of a
/// `menu:choice`) listed in `ivr.self_service` and that never entered a queue was served by the menus.
///
/// A queued call gets the path and, as its time in the menus, ENTERQUEUE − its first DID or IVRAPPEND. A callid
/// with menu choices and no ENTERQUEUE within ``PendingIVRTable/window`` of log time (or by the last file) is an
/// IVR-only call: `self_served` or `ivr_abandoned`, from its first event to its last, that long in the menus. A DID
/// without a menu choice or a queue tells nothing about the call: counted in a note.
extension QueueLogAssembler {
    /// Adds a DID or IVRAPPEND to its callid's pending menus.
    func addMenuEvent(_ event: QueueLogEvent) {
        let at = event.time.milliseconds
        var entry =
            pendingIVR[event.callKey]
            ?? PendingIVRTable.Entry(
                key: event.callKey, firstAt: at, lastAt: at, path: .none, lastNode: .none, selfService: false,
                location: event.location)
        entry.firstAt = min(entry.firstAt, at)
        entry.lastAt = max(entry.lastAt, at)
        if event.kind == .ivrAppend {
            if event.ivrNode != entry.lastNode {
                entry.path = extend(entry.path, with: event.ivrNode)
                entry.lastNode = event.ivrNode
            }
            entry.selfService = isSelfService(event)
        }
        pendingIVR[event.callKey] = entry
    }

    /// The path and time in the menus of the call with `key` entering a queue at `enqueuedAt`, taking its pending
    /// menus; nil when it chose in no menu.
    func menusBefore(_ key: UInt64, enqueuedAt: Instant) -> (Symbol, Milliseconds)? {
        guard let entry = pendingIVR.take(key), !entry.path.isNone else { return nil }
        return (entry.path, max(0, enqueuedAt.milliseconds - entry.firstAt))
    }

    /// Hands on the pending menus that can no longer reach a queue: IVR-only calls, or DIDs alone.
    func flushIVR(_ entries: [PendingIVRTable.Entry], accept: (inout CallRecord) -> Void) {
        for entry in entries {
            guard !entry.path.isNone else {
                didsAlone[entry.location.file, default: 0] += 1
                continue
            }
            ivrOnlyCalls[entry.location.file, default: 0] += 1
            var call = CallRecord(
                location: entry.location, callKey: entry.key, ivrPath: entry.path,
                ivrTime: entry.lastAt - entry.firstAt, enqueuedAt: Instant(milliseconds: entry.firstAt),
                endedAt: Instant(milliseconds: entry.lastAt), outcome: entry.selfService ? .selfServed : .ivrAbandoned)
            accept(&call)
        }
    }

    /// After the last file: every callid still waiting in the menus ended there.
    func drainIVR(accept: (inout CallRecord) -> Void) {
        flushIVR(pendingIVR.drain(), accept: accept)
    }

    /// `path>node`, worked out once per pair.
    private func extend(_ path: Symbol, with node: Symbol) -> Symbol {
        if path.isNone { return node }
        let key = UInt64(path.rawValue) << 32 | UInt64(node.rawValue)
        if let known = extendedPaths[key] { return known }
        let symbol = context.symbols.intern(context.symbols[path] + ">" + context.symbols[node])
        extendedPaths[key] = symbol
        return symbol
    }

    /// The menu's name, its id, or either with `:choice` is configured as self-service; worked out once per triple.
    private func isSelfService(_ event: QueueLogEvent) -> Bool {
        let settings = context.mappings.ivr
        guard !settings.selfService.isEmpty else { return false }
        let key = SIMD3(event.ivrNode.rawValue, event.ivrOther.rawValue, event.ivrChoice.rawValue)
        if let known = selfServiceChoices[key] { return known }
        let choice = context.symbols[event.ivrChoice]
        let served = [event.ivrNode, event.ivrOther].filter { !$0.isNone }.contains { menu in
            let name = context.symbols[menu]
            return settings.isSelfService(name) || (!choice.isEmpty && settings.isSelfService(name + ":" + choice))
        }
        selfServiceChoices[key] = served
        return served
    }
}
