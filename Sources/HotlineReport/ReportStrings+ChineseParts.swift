import HotlineModel

extension ReportStrings.ExceptionStrings {
    static let chinese = Self(
        nothingStandsOut: "无异常：没有连续低于目标的时段，没有突增，呼入量无明显偏离，数据完整。",
        textNote: "按受影响来电从多到少排列；通常值 = 其他日期同星期同时段",
        htmlNote: "按受影响来电从多到少排列；通常值 = 其他日期同星期同时段。",
        moreText: { "  ……另有 \($0) 条，见 HTML 和 JSON 报表。" },
        moreHTML: { "……另有 \($0) 条，见 JSON 报表。" },
        allDay: "全天", wholePeriod: "全期", dated: { "\($1) \($0)" },
        serviceLevel: { queue, value, usual, target in
            (queue.map { "队列 \($0) 服务水平" } ?? "服务水平") + " \(value)" + (usual.map { "，通常 \($0)" } ?? "")
                + "，目标 \(target)"
        },
        notAnswered: { calls, seconds, abandoned, longest in
            "\(DisplayFormat.count(calls)) 通来电未在 \(seconds)秒内接通"
                + (abandoned.map { $0 > 0 ? "，其中放弃 \(DisplayFormat.count($0)) 通" : "" } ?? "")
                + (longest.map { "，最长等待 \($0)" } ?? "")
        },
        abandonment: { value, usual, limit in
            "放弃率 \(value)" + (usual.map { "，通常 \($0)" } ?? "") + "，上限 \(limit)"
        },
        abandonedOf: { "\(DisplayFormat.count($1)) 通呼入中放弃 \(DisplayFormat.count($0)) 通" },
        queueAbandonment: { "队列 \($0) 放弃率 \($1)，目标不超过 \($2)" },
        abandonedBeyond: { "超出目标放弃 \(DisplayFormat.count($0)) 通 (共放弃 \(DisplayFormat.count($1)) 通)" },
        volume: { offered, usual, sign, difference in
            "呼入量 \(DisplayFormat.count(offered)) 通，通常 \(usual) 通 (\(sign)\(difference))"
        },
        categoryShare: { name, share, usual, more in
            "\(name) 占来电 \(share)，通常 \(usual) (多 \(DisplayFormat.count(more)) 通)"
        },
        ivrDropOff: { "IVR 节点 \($0)：\($1) 的来电在此挂机 (通常 \($2))" },
        ivrHungUp: { hung, entered, more in
            "进入 \(DisplayFormat.count(entered)) 通，其中 \(DisplayFormat.count(hung)) 通在此挂机，比通常多 \(DisplayFormat.count(more)) 通"
        },
        ticketSLA: { "工单 SLA 超时率 \($0)，对比期为 \($1)" },
        ticketSLADetail: { "按对比期比例计，多超时约 \(DisplayFormat.count($0)) 张工单" },
        backlogJump: { "积压工单 \($0) 张，对比期末为 \($1) 张" },
        missingData: { "仅读到 \(DisplayFormat.count($0)) 通来电，通常 \($1) 通" },
        missingDetail: "话单导出是否缺失或不完整？当日数据不可信。")
}

extension ReportStrings.NoteStrings {
    static let chinese = Self(
        loadNote: { $0 > 1 ? "\($0) 天合计；峰值 = 同时排队的最多来电数" : "峰值 = 同时排队的最多来电数" },
        htmlLoadTitle: { "按时段话务" + ($0 > 1 ? " (\($0) 天合计)" : "") },
        quietIntervals: { "  另有 \($0) 个无来电的时段未列出。\n" },
        categoriesNote: { "满意率 = 满意度 \($0)分；重复率 = \($1)小时内客户再次来电" },
        htmlCategoriesNote: { "满意率 = 满意度 \($0)分的占比。重复来电率 = 已接通来电中，客户在 \($1)小时内再次来电的占比。" },
        agentsNote: "签入、示忙时长取自队列日志；占用率 = 处理时长 / (签入 - 示忙)",
        htmlAgentsNote: "签入和示忙时长取自队列日志，截取到本期之内。占用率 = 处理时长 / (签入时长 − 示忙时长)。",
        agentsMore: { "……另有 \($0) 名" },
        agentsShown: { "  列出接通量最多和最少的各 \($0) 名坐席；全部 \($1) 名见 HTML、CSV 和 JSON 报表。" },
        staffingNote: { "Erlang C：\($1)秒接通率达到 \($0) 所需坐席，按平均日的每个时段" },
        staffingObservedNote: "实际坐席 = 该时段接听来电的不同坐席数 (日均)；缺口 < 0 = 少于所需；SL = 该时段坐席够数但未达标。",
        htmlStaffingNote: { target, seconds, observed in
            "所需坐席 = 按该时段平均日的来电量和平均处理时长，\(seconds)秒接通率达到 \(target) 的最少坐席数 (Erlang C)。"
                + (observed ? "实际接听坐席 = 该时段接听来电的不同坐席数，按日平均；“未达标”：该时段以实际坐席未达到目标。" : "")
        },
        staffingByWeekdayNote: "各星期平均日中坐席不足或低于目标的时段",
        htmlStaffingByWeekday: "按星期：各星期平均日中坐席不足或低于目标的时段",
        weekdayDays: { "\($0) (\($1) 天)" },
        staffingRun: { from, to, gap, lowest in
            var parts = ["\(from)-\(to)"]
            parts.append(gap > 0 ? "最多缺 \(gap) 名坐席" : "坐席数量足够")
            if let lowest { parts.append("服务水平最低 \(lowest)") }
            return parts.joined(separator: "，")
        },
        gapMissed: "SL", htmlGapMissed: "未达标",
        staffingTitle: { from, to, days, zone in "人力需求  \(from) 至 \(to) (\(days) 天)，\(zone)\n" },
        busiestNote: "按小时和星期的呼入量；* 为最繁忙时段",
        waitsNote: { "已接通来电；P50 \($0)，P90 \($1)，P99 \($2)" },
        htmlWaitsNote: { p50, p90, p99, longest, threshold in
            "已接通来电。中位数 \(p50)，P90 \(p90)，P99 \(p99)，所有来电中最长等待 \(longest)。"
                + "蓝色柱为 \(threshold)秒服务水平阈值以内。"
        },
        waitBucket: { from, to in to.map { "\(from)-\($0)秒" } ?? "\(from - 1)秒以上" },
        chartWaitBucket: { from, to in to.map { "\(from)-\($0)秒" } ?? ">\(from - 1)秒" },
        serviceLevelMapNote: {
            "绿色为达到目标 \($0)，红色为低于目标 (颜色越深越低)；来电少于 5 通的时段为浅色，无来电为空白。鼠标悬停可看数值。"
        },
        serviceLevelMapCell: { "\($0) \($1)：\(DisplayFormat.count($3)) 通来电，服务水平 \($2)" },
        offTargetMark: "! = 未达目标：服务水平低于目标，或放弃率高于目标",
        target: { level, seconds, abandonment in
            "\(seconds)秒接通率 \(level)" + (abandonment.map { "，放弃率不超过 \($0)" } ?? "")
        },
        ownTargets: { "单独设定的目标：\($0)；其余按默认目标。" },
        footer: { seconds, short in
            "呼入量 = 进入队列的来电。服务水平 = \(seconds)秒内接通 / (呼入量 − 短时放弃)。"
                + "放弃率 = 等待 \(short)秒及以上后放弃 / (呼入量 − 短时放弃)。平均应答速度 (ASA) 和等待时长百分位按已接通来电计算"
                + " (最近秩，整秒)。平均处理时长 (AHT) = 通话 + 保持 + 话后处理。排队峰值 = 同一秒内排队的最多来电数。"
                + "由 hotline 生成；指标定义见 docs/METRICS.md。"
        },
        chartDays: "按日呼入量与服务水平",
        chartLoad: "按时段的呼入量、接通量、放弃量与服务水平",
        chartWaits: "接通前等待时长", chartResolution: "解决时长", chartBacklog: "积压工单：按日",
        legendAnswered: "接通", legendAbandoned: "放弃", legendOther: "短时放弃、超时溢出、预约回呼",
        legendServiceLevel: "服务水平 (SL，右轴)", legendTarget: { "目标 " + $0 }, legendCreated: "新建",
        legendBacklog: "当日结束时未解决")
}

extension ReportStrings.TicketStrings {
    static let chinese = Self(
        businessHours: chineseBusinessHours,
        clockNote: { $0.map { "按工作时间计：\(chineseBusinessHours($0))" } ?? "按自然时间计 (未配置工作时间)" },
        htmlClockNote: {
            $0.map { "首次响应和解决时长只计工作时间：\(chineseBusinessHours($0))。" } ?? "首次响应和解决时长按自然时间计 (未配置工作时间)。"
        },
        solvedLine: { solved, resolutions, replies, breached, withTarget, ratings in
            "已解决 \(DisplayFormat.count(solved)) 张，其中 \(DisplayFormat.count(resolutions)) 张有解决时长；"
                + "\(DisplayFormat.count(replies)) 张有首次响应时长；SLA：有目标的 \(DisplayFormat.count(withTarget)) 张中"
                + "超时 \(DisplayFormat.count(breached)) 张；满意度来自 \(DisplayFormat.count(ratings)) 条评价。"
        },
        htmlSolvedLine: { solved, resolutions, replies, ratings in
            "已解决 \(DisplayFormat.count(solved)) 张，其中 \(DisplayFormat.count(resolutions)) 张有解决时长；"
                + "\(DisplayFormat.count(replies)) 张有首次响应时长；满意度来自 \(DisplayFormat.count(ratings)) 条评价。"
        },
        outsidePeriod: { "另有 \(DisplayFormat.count($0)) 张工单不在本期或筛选范围内 (仍计入积压)。" },
        solvedWithoutTime: { "\(DisplayFormat.count($0)) 张工单已解决或关闭但无解决时间：不计入解决时长和积压。" },
        categoriesNote: "新建按创建日计；已解决、解决时长、SLA 和满意率按解决日计",
        htmlCategoriesNote: {
            "新建和首次响应按创建日计；已解决、解决时长、SLA、重开和满意度按解决日计。满意率 = 好评 (及 \($0)分) 占全部评价的比例。"
        },
        slaNote: "超时数 / 有目标的已解决数，按业务分类和优先级",
        noTargets: "未配置 SLA 目标 (配置文件中的 tickets.sla)。",
        noneWithTarget: "本期已解决的工单都没有 SLA 目标。",
        targets: { "目标 (按顺序取第一个匹配)：" + $0.joined(separator: "；") + "。" },
        htmlTargets: { "超时数 / 有目标的已解决数；超过 20% 标红。目标按顺序取第一个匹配：" + $0.joined(separator: "；") + "。" },
        slaTarget: { category, priority, reply, resolution in
            let scope = [category.map(\.chineseName), priority.map { ReportStrings.chinesePriority($0) + "优先级" }]
                .compactMap { $0 }.joined(separator: " ")
            let limits = [reply.map { "首次响应 \($0)" }, resolution.map { "解决 \($0)" }].compactMap { $0 }
            return "\(scope.isEmpty ? "所有工单" : scope)：\(limits.joined(separator: "，"))"
        },
        resolutionNote: { "已解决工单；P50 \($0)，P90 \($1)" },
        htmlResolutionTitle: { "解决时长 · 中位数 \($0)，P90 \($1)" },
        resolutionBucket: { from, to, _ in
            func unit(_ m: Int) -> String { m % 1440 == 0 && m >= 1440 ? "\(m / 1440)天" : "\(m / 60)小时" }
            guard let to else { return ">\(unit(from))" }
            if from == 0 { return "<\(unit(to))" }
            // Both bounds in one unit: `1-4小时`, `1-2天`.
            return to >= 1440 && from % 1440 == 0
                ? "\(from / 1440)-\(to / 1440)天" : "\(from / 60)-\(to / 60)小时"
        },
        byDayNote: "积压 = 当日结束时未解决")

    /// `Mon-Fri 09:00-18:00, 2 holidays` as `周一至周五 09:00-18:00，2 个节假日`.
    @Sendable static func chineseBusinessHours(_ english: String) -> String {
        var text = english
        for (name, chinese) in zip(CivilDate.weekdayNames, ReportStrings.chineseWeekdays) {
            text = text.replacing(name + "-", with: chinese + "至").replacing(name, with: chinese)
        }
        return text.replacing(", ", with: "，").replacing(" holidays", with: " 个节假日")
            .replacing(" holiday", with: " 个节假日").replacing(",", with: "、")
    }
}

extension ReportStrings.DataQualityStrings {
    static let chinese = Self(
        noneRejected: "没有被拒绝的记录。", allMatched: "所有来电都匹配到业务分类规则。",
        rejectedByReason: { "按原因拒绝：" + $0.joined(separator: "，") + "。" },
        firstRejects: "前几条被拒绝的记录：",
        unmatched: { "未匹配任何业务分类规则的取值 (\(DisplayFormat.count($0)) 条记录，计入“其他”)：" },
        htmlUnmatched: "未匹配任何业务分类规则的取值 (计入“其他”)：请添加规则进行分类。",
        moreUnmatched: { "……另有 \($0) 个取值 (见 JSON 报表)。" },
        error: { "错误 \($0)：\($1)" }, note: { "说明 \($0)：\($1)" }, htmlError: { "\($0)：错误：\($1)" },
        htmlNote: { "\($0)：\($1)" },
        listingSummary: { files, noneListed, records, rejected in
            (noneListed ? "" : "另有 ") + "\(DisplayFormat.count(files)) 个文件 (\(DisplayFormat.count(records)) 条记录，"
                + (rejected == 0 ? "全部接收" : "拒绝 \(DisplayFormat.count(rejected)) 条")
                + ")\(noneListed ? "，均无问题" : "未列出")；JSON 报表列出全部文件。"
        })
}

extension ReportStrings.IndexStrings {
    static let chinese = Self(
        title: "呼叫中心运营报表",
        note: { "最新在前。服务水平低于目标 \($0) 时标红；红色行表示当日话单数据疑似缺失。" },
        day: "日期", daily: "日报", weekToDate: "本周累计", monthToDate: "本月累计", html: "HTML", text: "文本",
        missing: { offered, usual in
            offered == 0 || usual == nil ? "无来电" : "仅 \(offered) 通来电，通常 \(usual ?? 0) 通"
        })
}
