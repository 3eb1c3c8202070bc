extension ReportStrings {
    /// The Excel workbook's sheet names and column titles that no other group has in the same words: a sheet takes
    /// ``sections``, ``columns`` and ``figures`` where they say the same thing, these for the rest. Sheet names at
    /// most 31 characters, without `[]:*?/\`.
    public struct WorkbookStrings: Sendable {
        // MARK: Sheet names

        public var intervals: String
        public var categories: String
        /// The `--by` table.
        public var table: String

        // MARK: Column titles

        public var figure: String
        public var target: String
        public var note: String
        /// The title over the period, zone and thresholds under the headline.
        public var report: String
        public var day: String
        public var from: String
        public var to: String
        public var when: String
        public var what: String
        public var detail: String
        public var usual: String
        public var callsAffected: String
        public var shortAbandons: String
        public var serviceLevel: String
        public var abandonment: String
        public var repeatCalls: String
        public var weekday: String
        public var interval: String
        public var chineseName: String
        public var subcategory: String
        public var timedOut: String
        public var callbacks: String
        public var waitP50: String
        public var waitP99: String
        public var longestWait: String
        public var transfers: String
        public var csatResponses: String
        public var ringsNotAnswered: String
        public var requiredAgents: String
        public var observedAgents: String
        public var serviceLevelThen: String
        public var asaThen: String
        public var occupancyThen: String
        public var observedServiceLevel: String
        public var error: String
        public var notes: String
        public var rejectedByReason: String
        public var firstRejects: String
        public var unmatchedField: String
        public var firstReplyP50: String
        public var firstReplyP90: String
        public var resolutionP50: String
        public var resolutionP90: String
        public var satisfaction: String
        public var solvedWithTarget: String
        public var breached: String
        public var breachRate: String
    }
}

extension ReportStrings.WorkbookStrings {
    /// The titles of the English workbook, as before the catalogue.
    static let english = Self(
        intervals: "Intervals", categories: "Categories", table: "Table",
        figure: "Figure", target: "Target", note: "Note", report: "Report", day: "Day", from: "From", to: "To",
        when: "When", what: "What", detail: "Detail", usual: "Usual", callsAffected: "Calls affected",
        shortAbandons: "Short abandons", serviceLevel: "Service level", abandonment: "Abandonment",
        repeatCalls: "Repeat calls", weekday: "Weekday", interval: "Interval", chineseName: "Name (zh)",
        subcategory: "Subcategory", timedOut: "Timed out", callbacks: "Callbacks", waitP50: "Wait p50",
        waitP99: "Wait p99", longestWait: "Longest wait", transfers: "Transfers", csatResponses: "CSAT responses",
        ringsNotAnswered: "Rings not answered", requiredAgents: "Required agents", observedAgents: "Observed agents",
        serviceLevelThen: "Service level then", asaThen: "ASA then", occupancyThen: "Occupancy then",
        observedServiceLevel: "Observed service level", error: "Error", notes: "Notes",
        rejectedByReason: "Rejected by reason", firstRejects: "First rejects",
        unmatchedField: "No rule matched: field", firstReplyP50: "First reply p50", firstReplyP90: "First reply p90",
        resolutionP50: "Resolution p50", resolutionP90: "Resolution p90", satisfaction: "Satisfaction",
        solvedWithTarget: "Solved with a target", breached: "Breached", breachRate: "Breach rate")

    /// The Chinese workbook, in the terms of the team's Chinese glossary (GLOSSARY-zh).
    static let chinese = Self(
        intervals: "时段", categories: "业务分类", table: "分组统计",
        figure: "指标", target: "目标", note: "说明", report: "报表信息", day: "日期", from: "开始", to: "结束",
        when: "时间", what: "异常", detail: "详情", usual: "通常值", callsAffected: "受影响来电",
        shortAbandons: "短时放弃", serviceLevel: "服务水平", abandonment: "放弃率", repeatCalls: "重复来电率",
        weekday: "星期", interval: "时段", chineseName: "中文名称", subcategory: "子分类", timedOut: "超时溢出",
        callbacks: "预约回呼", waitP50: "等待时长 P50", waitP99: "等待时长 P99", longestWait: "最长等待",
        transfers: "转接率", csatResponses: "满意度参评数", ringsNotAnswered: "振铃未接", requiredAgents: "所需坐席",
        observedAgents: "实际接听坐席", serviceLevelThen: "所需坐席下的服务水平", asaThen: "所需坐席下的平均应答速度",
        occupancyThen: "所需坐席下的占用率", observedServiceLevel: "实际服务水平", error: "错误", notes: "说明",
        rejectedByReason: "已拒绝 (按原因)", firstRejects: "前几条被拒绝的记录", unmatchedField: "未匹配规则的字段",
        firstReplyP50: "首次响应 P50", firstReplyP90: "首次响应 P90", resolutionP50: "解决时长 P50",
        resolutionP90: "解决时长 P90", satisfaction: "满意率", solvedWithTarget: "有目标的已解决数", breached: "超时数",
        breachRate: "超时率")
}
