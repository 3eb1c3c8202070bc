import HotlineMetrics

/// The IVR section of the text report: how callers left the menus, the menu tree with its drop-off, misroutes.
extension TextReportRenderer {
    /// The menu tree shown: the nodes with most entries, in tree order (a manager reads the top of it).
    static let ivrNodesShown = 30

    func ivr<Output: TextOutputStream>(_ ivr: IVRSection, _ out: inout Output) {
        let w = s.ivr
        section(w.title, "", &out)
        let line = w.summary(
            DisplayFormat.count(ivr.entries), DisplayFormat.count(ivr.selfServed),
            DisplayFormat.percent(ivr.selfServiceRate), DisplayFormat.count(ivr.ivrAbandoned),
            DisplayFormat.percent(ivr.abandonmentRate), DisplayFormat.count(ivr.queued),
            DisplayFormat.percent(ivr.queuedShare))
        out.write(fitted("  " + line))
        if ivr.timeInIVRMeanSeconds != nil {
            out.write(
                fitted(
                    "  "
                        + w.time(
                            DisplayFormat.duration(ivr.timeInIVRMeanSeconds),
                            DisplayFormat.duration(ivr.timeInIVRP90Seconds))))
        }
        let shown = Set(ivr.nodes.sorted { $0.entries > $1.entries }.prefix(Self.ivrNodesShown).map(\.node))
        var table = TextTable(
            [(w.node, 36), (w.entries, 9), (w.selfServed, 12), (w.hungUp, 9), (w.queued, 11), (w.dropOff, 9)])
        for node in ivr.nodes where shown.contains(node.node) {
            let parts = node.node.split(separator: ">")
            let name = String(repeating: "  ", count: parts.count - 1) + (parts.last.map(String.init) ?? node.node)
            table.add([
                name, DisplayFormat.count(node.entries), DisplayFormat.count(node.selfServed),
                DisplayFormat.count(node.ivrAbandoned), DisplayFormat.count(node.queued),
                DisplayFormat.percent(node.dropOff),
            ])
        }
        table.render(into: &out, indent: "  ")
        let misrouted = ivr.misroutes.filter { $0.misrouted > 0 }.prefix(10)
        guard !misrouted.isEmpty else { return }
        out.write("\n" + fitted("  " + w.misroutes + " (" + w.misroutesNote + ")"))
        var worst = TextTable([(w.path, 40), (w.queuedKnown, 18), (w.misrouted, 10), (w.rate, 8)])
        for m in misrouted {
            worst.add([
                m.path, DisplayFormat.count(m.queuedKnown), DisplayFormat.count(m.misrouted),
                DisplayFormat.percent(m.rate),
            ])
        }
        worst.render(into: &out, indent: "  ")
    }
}
