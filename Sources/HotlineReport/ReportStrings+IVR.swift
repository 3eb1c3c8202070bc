/// The words of the IVR section (docs/METRICS.md, "IVR"), in each language.
public struct IVRStrings: Sendable {
    public var title: String
    /// Calls entering the menus and how they left: entries, self-served (share), hung up (share), to a queue (share).
    public var summary: @Sendable (String, String, String, String, String, String, String) -> String
    /// Time in the menus: mean, 90th percentile.
    public var time: @Sendable (String, String) -> String
    public var node: String
    public var entries: String
    public var selfServed: String
    public var hungUp: String
    public var queued: String
    public var dropOff: String
    public var misroutes: String
    public var misroutesNote: String
    public var path: String
    public var queuedKnown: String
    public var misrouted: String
    public var rate: String
    /// The funnel chart's bars.
    public var funnelEntered: String

    public static let english = IVRStrings(
        title: "IVR (menus before the queues)",
        summary: { entries, served, servedShare, hung, hungShare, queued, queuedShare in
            "\(entries) calls entered the menus: \(served) self-served (\(servedShare)), \(hung) hung up in the menus (\(hungShare)), \(queued) went on to a queue (\(queuedShare))."
        },
        time: { mean, p90 in "Time in the menus: mean \(mean), 90th percentile \(p90)." },
        node: "Menu node", entries: "Entered", selfServed: "Self-served", hungUp: "Hung up", queued: "To a queue",
        dropOff: "Drop-off", misroutes: "Misroutes",
        misroutesNote: "queued calls whose menu choice names another category than the agent's wrap-up",
        path: "Menu path", queuedKnown: "Queued, both known", misrouted: "Misrouted", rate: "Rate",
        funnelEntered: "Entered the menus")

    public static let chinese = IVRStrings(
        title: "语音导航（IVR）",
        summary: { entries, served, servedShare, hung, hungShare, queued, queuedShare in
            "进入语音导航 \(entries) 通：自助解决 \(served) 通（\(servedShare)），IVR 内挂机 \(hung) 通（\(hungShare)），转入队列 \(queued) 通（\(queuedShare)）。"
        },
        time: { mean, p90 in "菜单停留时长：平均 \(mean)，90 分位 \(p90)。" },
        node: "菜单节点", entries: "进入", selfServed: "自助解决", hungUp: "挂机", queued: "转入队列", dropOff: "流失率",
        misroutes: "错误分流", misroutesNote: "菜单选择的类别与坐席小结的类别不同的排队来电", path: "菜单路径",
        queuedKnown: "排队（两者已知）", misrouted: "错误分流", rate: "比例", funnelEntered: "进入菜单")
}
