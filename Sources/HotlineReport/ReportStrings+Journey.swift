/// The words of the journey section (docs/METRICS.md, "Journey"), in each language.
public struct JourneyStrings: Sendable {
    public var title: String
    /// Linked tickets: linked, tickets, by call id, by phone.
    public var linked: @Sendable (String, String, String, String) -> String
    /// Tickets naming a call no input has: how many.
    public var unknownReferences: @Sendable (String) -> String
    /// Escalated calls: escalated, answered, rate.
    public var escalation: @Sendable (String, String, String) -> String
    /// Contact to resolution: p50, p90, tickets solved.
    public var resolution: @Sendable (String, String, String) -> String
    /// Chaser calls: calls, rate of offered.
    public var chasers: @Sendable (String, String) -> String
    /// A report from the nightly store: what its chaser calls leave out.
    public var fromStore: String
    public var category: String
    public var answered: String
    public var escalated: String
    public var rate: String
    public var chaserCalls: String
    /// Titles of the tables of the queues and menu paths that send most calls on to a ticket.
    public var mostEscalatedQueues: String
    public var mostEscalatedPaths: String
    public var path: String
    public var queue: String

    public static let english = JourneyStrings(
        title: "Journey: calls that became tickets",
        linked: { linked, tickets, reference, phone in
            "\(linked) of \(tickets) tickets created in the period came from a call (\(reference) by call id, \(phone) by the caller's phone)."
        },
        unknownReferences: { n in "\(n) tickets name a call that is not in the inputs: left unlinked." },
        escalation: { escalated, answered, rate in
            "\(escalated) of \(answered) answered calls became a ticket (escalation rate \(rate))."
        },
        resolution: { p50, p90, solved in
            "Contact to resolution (call to the ticket's solve): median \(p50), 90th percentile \(p90), over \(solved) tickets solved."
        },
        chasers: { calls, rate in
            "Chaser calls: \(calls) (\(rate) of offered calls) came while the caller's ticket was still open."
        },
        fromStore:
            "From the nightly store: each day's calls are linked to the tickets and calls of the day before to three days after, so a call chasing a ticket more than three days after the call it came from is not counted; a report over the files counts them all.",
        category: "Category", answered: "Answered", escalated: "To a ticket", rate: "Rate",
        chaserCalls: "Chaser calls", mostEscalatedQueues: "Queues sending most calls to a ticket",
        mostEscalatedPaths: "Menu paths sending most calls to a ticket", path: "Menu path", queue: "Queue")

    public static let chinese = JourneyStrings(
        title: "客户旅程：来电转工单",
        linked: { linked, tickets, reference, phone in
            "本期新建工单 \(tickets) 张，其中 \(linked) 张来自来电（按通话编号 \(reference) 张，按来电号码 \(phone) 张）。"
        },
        unknownReferences: { n in "\(n) 张工单引用的通话不在输入中，未关联。" },
        escalation: { escalated, answered, rate in "接通来电 \(answered) 通中 \(escalated) 通转工单（转工单率 \(rate)）。" },
        resolution: { p50, p90, solved in
            "问题解决总时长（来电至工单解决）：中位数 \(p50)，90 分位 \(p90)，已解决工单 \(solved) 张。"
        },
        chasers: { calls, rate in "催办来电 \(calls) 通（占呼入 \(rate)）：工单未解决期间客户再次来电。" },
        fromStore: "数据来自夜间存储：每天的来电只与前一天至后三天的工单和来电关联，原来电三天之后的催办来电未计入；对原始文件出报表可得完整数字。",
        category: "类别", answered: "接通", escalated: "转工单", rate: "转工单率", chaserCalls: "催办来电",
        mostEscalatedQueues: "转工单最多的队列", mostEscalatedPaths: "转工单最多的菜单路径", path: "菜单路径", queue: "队列")
}
