import HotlineModel

extension ReportStrings {
    /// Simplified Chinese, in the terms of the project's glossary for a call-center manager: 呼入量, 接通量,
    /// 服务水平, 放弃率, 坐席, 工单, ... Numbers keep Western digits and separators; durations stay m:ss and h:mm.
    public static let chinese = ReportStrings(
        htmlLang: "zh-CN",
        counted: { n, noun in
            let count = DisplayFormat.count(n)
            return switch noun {
            case .call: "\(count) 通来电"
            case .ticket: "\(count) 张工单"
            case .file: "\(count) 个文件"
            case .moreFile: "另有 \(count) 个文件"
            case .record: "\(count) 条记录"
            case .rating: "\(count) 条评价"
            case .shortAbandon: "短时放弃 \(count) 通"
            case .callback: "预约回呼 \(count) 通"
            case .resolutionTime: "\(count) 个解决时长"
            case .day: "\(count) 天"
            }
        },
        seconds: { "\($0)秒" },
        hours: { "\($0)小时" },
        weekdays: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
        day: { "\($0.year)年\($0.month)月\($0.day)日 (\(chineseWeekdays[$0.weekday]))" },
        tableDate: { DisplayFormat.pad2($0.month) + "-" + DisplayFormat.pad2($0.day) },
        span: { from, to, days, _ in
            let end = to.year == from.year ? "\(to.month)月\(to.day)日" : "\(to.year)年\(to.month)月\(to.day)日"
            return "\(from.year)年\(from.month)月\(from.day)日至\(end)" + (days.map { " (共 \($0) 天)" } ?? "")
        },
        minutes: { m in
            if m < 60 { return "\(m)分钟" }
            if m < 2880 { return "\(m / 60)小时" + DisplayFormat.pad2(m % 60) + "分" }
            return "\(m / 1440)天" + DisplayFormat.pad2(m % 1440 / 60) + "小时"
        },
        points: "个百分点",
        clockRange: { "\($0)-\($1)" },
        noData: "无数据",
        category: { $0.chineseName },
        priority: chinesePriority,
        unspecified: "(未细分)",
        noQueue: "(无队列)",
        ok: "正常",
        textTitle: { calls, tickets in !tickets ? "呼叫中心运营报表" : calls ? "呼叫与工单运营报表" : "工单运营报表" },
        htmlTitle: { calls, tickets, span in
            (!tickets ? "呼叫中心运营报表" : calls ? "呼叫与工单运营报表" : "工单运营报表") + " · " + span
        },
        htmlDocumentTitle: { "呼叫中心运营报表 " + $0 },
        navigation: ("← 前一天", "全部报表", "后一天 →"),
        alarm: { day, offered, usual in
            "告警：\(day) 仅读到 \(DisplayFormat.count(offered)) 通来电，通常约 \(usual) 通：话单数据缺失或不完整。"
        },
        textSettings: { zone, interval, seconds, target in
            "时区 \(zone)，时段 \(interval) 分钟。\n服务水平 (SL)：\(seconds)秒内接通，目标 \(target)。\n"
        },
        textRates: { short, window in
            "\(short)秒内放弃为短时放弃，不计入比率；重复来电统计窗口 \(window)小时。\n"
        },
        textZone: { "时区 \($0)。\n" },
        htmlDays: { days, zone in "\(days) 天 · 时区 \(zone)" },
        htmlSettings: { interval, seconds, target in
            " · 时段 \(interval) 分钟 · 服务水平 = \(seconds)秒内接通，目标 \(target)"
        },
        comparison: { from, to, days, partial in
            let what =
                days == 1
                ? "较上周同日 (\(from.year)年\(from.month)月\(from.day)日 \(chineseWeekdays[from.weekday]))"
                : "较上期 (\(from.year)年\(from.month)月\(from.day)日至\(to.month)月\(to.day)日，前 \(days) 天)"
            return "变化：" + what + (partial == nil ? "。" : "；上期数据不完整，不显示变化。")
        },
        filters: { queues, categories in
            let parts = [
                queues.isEmpty ? nil : "队列 " + queues.joined(separator: "、"),
                categories.isEmpty
                    ? nil
                    : "业务分类 "
                        + categories.map { CallCategory(name: $0)?.chineseName ?? $0 }.joined(separator: "、"),
            ].compactMap { $0 }
            return "仅统计\(parts.joined(separator: "；"))。"
        },
        ticketsNotFilteredByQueue: "工单不按队列筛选：工单导出不含队列。",
        sites: { "合并站点：\($0.joined(separator: "、"))。重复来电及来电与工单的关联只在各站点内计算。" },
        warning: { "注意：" + $0 + "。" },
        textInputs: { files, records, accepted, rejected, failed in
            "输入：\(DisplayFormat.count(files)) 个文件，\(DisplayFormat.count(records)) 条记录："
                + "已接收 \(DisplayFormat.count(accepted))，已拒绝 \(DisplayFormat.count(rejected))"
                + (failed > 0 ? "；\(DisplayFormat.count(failed)) 个文件无法读取" : "")
                + (rejected + failed > 0 ? " (见“数据质量”)" : "") + "。"
        },
        htmlInputs: { files, records, accepted, rejected, failed in
            "输入 \(DisplayFormat.count(files)) 个文件，\(DisplayFormat.count(records)) 条记录："
                + "已接收 \(DisplayFormat.count(accepted))，已拒绝 \(DisplayFormat.count(rejected))"
                + (failed > 0 ? "，\(failed) 个文件无法读取" : "") + "。"
        },
        callsOutsidePeriod: { "另有 \(DisplayFormat.count($0)) 通来电不在本期或筛选范围内，未计入。" },
        sections: Sections(
            needsAttention: "异常提示", headline: "核心指标", queues: "队列", tickets: "工单", queueLoad: "按时段话务",
            days: "按日", categories: "业务分类与子分类", agents: "坐席", staffing: "人力需求",
            htmlStaffing: "人力需求 (Erlang C)", staffingByWeekday: "按星期人力需求", busiestHours: "繁忙时段 (小时×星期)",
            htmlHeatmap: "繁忙时段：按小时和星期的呼入量", waits: "接通前等待时长", dataQuality: "数据质量",
            ticketsByCategory: "工单：按业务分类", ticketsByPriority: "工单：按优先级", slaBreaches: "SLA 超时率",
            htmlSLA: "SLA 超时率：按业务分类和优先级", resolution: "解决时长", ticketsByDay: "工单：按日",
            htmlBacklog: "积压工单：按日", serviceLevelMap: "服务水平：按日和时段"),
        textColumns: Columns.chineseText,
        columns: Columns.chinese,
        figures: FigureLabels(
            offered: "呼入量", answered: "接通量", serviceLevel: { "服务水平 (\($0)秒接通率)" },
            abandonment: { "放弃率 (≥\($0)秒)" }, asa: "平均应答速度 (ASA)", waitP90: "等待时长 P90", aht: "平均处理时长 (AHT)",
            csat: "满意度 (1-5分)", csatSatisfied: { "满意率 (≥\($0)分)" }, repeatCalls: { "重复来电率 (\($0)小时)" },
            transferRate: "转接率", ticketsCreated: "新建工单", ticketsSolved: "已解决工单",
            resolutionMedian: { "解决时长中位数 (\($0 == "business" ? "工作时间" : "自然时间"))" },
            resolutionP90: "解决时长 P90", firstReplyMedian: "首次响应中位数", slaBreaches: "SLA 超时率",
            backlog: "期末积压工单", reopened: "重开率", ticketSatisfaction: "工单满意度"),
        targetMet: { "达标 (目标 \($0))" },
        targetMissed: { "未达标 (目标 \($0))" },
        badgeMet: { "达标 " + $0 },
        badgeMissed: { "未达标 " + $0 },
        versus: { change, previous in change + "，上期 " + previous },
        provisionalCard: "暂定：不作对比",
        alsoLine: { short, timedOut, callback, longest in
            "  另有：短时放弃 \(DisplayFormat.count(short))，超时溢出 \(DisplayFormat.count(timedOut))，"
                + "预约回呼 \(DisplayFormat.count(callback))；最长等待 \(longest)。"
        },
        responseLine: { rate, nps in "  满意度参评率 \(rate)" + (nps.map { "；净推荐值 (NPS) \($0)" } ?? "") + "。" },
        provisionalNote: {
            "* 暂定，不作对比：\($0) 之后接通的来电仍可能因客户再次来电而计为重复来电。"
        },
        exceptions: .chinese,
        notes: .chinese,
        tickets: .chinese,
        dataQuality: .chinese,
        index: .chinese,
        workbook: .chinese, ivr: .chinese, journey: .chinese)

    static let chineseWeekdays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]

    @Sendable static func chinesePriority(_ priority: TicketPriority) -> String {
        switch priority {
        case .urgent: "紧急"
        case .high: "高"
        case .normal: "普通"
        case .low: "低"
        case .none: "无"
        }
    }
}

extension ReportStrings.Columns {
    /// The HTML report's titles (and a spreadsheet's).
    static let chinese = Self(
        start: "开始", date: "日期", weekday: "星期", hour: "小时", all: "合计", offered: "呼入量", answered: "接通量",
        abandoned: "放弃量", shortAbandoned: "短时放弃", serviceLevel: "服务水平", abandonment: "放弃率",
        asa: "平均应答速度", waitP90: "等待时长 P90", aht: "平均处理时长", csat: "满意度", peak: "排队峰值",
        repeatCalls: "重复来电率", share: "占比", satisfied: "满意率", categoryAndSubcategory: "业务分类",
        category: "业务分类", queue: "队列", agent: "坐席", handleTime: "总处理时长", transfer: "转接率",
        loggedIn: "签入时长", paused: "示忙时长", occupancy: "占用率", rangNoAnswer: "振铃未接", callsPerDay: "日均来电",
        required: "所需坐席", observed: "实际接听坐席", gap: "缺口", serviceLevelAtRequired: "所需坐席下的服务水平",
        asaAtRequired: "所需坐席下的平均应答", file: "文件", format: "格式", encoding: "编码", records: "记录数",
        accepted: "已接收", rejected: "已拒绝", field: "字段", value: "取值", calls: "来电数", created: "新建",
        solved: "已解决", backlog: "积压工单", firstReplyP50: "首次响应 P50", resolutionP50: "解决时长 P50",
        resolutionP90: "解决时长 P90", slaBreaches: "SLA 超时率", reopened: "重开率", ticketSatisfied: "满意率",
        priority: "优先级", within: "解决用时", thisPeriod: "本期", previous: "上期", change: "变化")

    /// The text report's titles: abbreviations the headline spells out (ASA, AHT, SL), so tables fit 100 columns.
    static let chineseText: Self = {
        var c = chinese
        (c.asa, c.waitP90, c.aht, c.peak, c.repeatCalls, c.categoryAndSubcategory) = (
            "ASA", "等待P90", "AHT", "峰值", "重复率", "业务分类 / 子分类"
        )
        (c.handleTime, c.observed, c.serviceLevelAtRequired, c.asaAtRequired, c.backlog) = (
            "处理总时长", "实际坐席", "预计SL", "预计ASA", "积压"
        )
        (c.firstReplyP50, c.resolutionP50, c.resolutionP90, c.slaBreaches) = ("首响P50", "解决P50", "解决P90", "SLA超时")
        return c
    }()
}
