import HotlineModel

/// Writes a ``SampleCall`` as a calls-csv row, in the style of the system that exported it.
enum SampleRow {
    enum Style {
        /// Local time with `+08:00`, whole seconds.
        case local
        /// UTC with `Z`.
        case utc
        /// Local time with milliseconds, durations with decimals.
        case millis
        /// Local time, Chinese labels (the GB18030 export).
        case chinese
    }

    static let chineseLabels: [String: [String]] = [
        "password-reset": ["密码重置", "忘记密码"], "login": ["登录失败", "无法登录"], "locked": ["账户锁定", "账号被冻结"],
        "registration": ["注册问题", "开户注册"], "profile": ["修改资料", "实名认证"], "failed": ["支付失败", "付款失败"],
        "refund": ["退款", "申请退款"], "duplicate": ["重复支付", "重复扣款"], "delayed": ["到账延迟", "款项未到账"],
        "records": ["交易记录查询", "交易流水"], "statement": ["账单", "对账单"], "promotion": ["活动咨询", "优惠活动"],
        "product": ["产品更新", "新功能咨询"], "service": ["投诉", "服务不满"], "escalation": ["投诉升级", "要求升级处理"],
    ]
    static let englishLabels: [String: [String]] = [
        "password-reset": ["password reset", "Reset password"], "login": ["login problem", "Cannot log in"],
        "locked": ["account locked", "Unlock account"], "registration": ["registration", "Sign up help"],
        "profile": ["profile update", "KYC profile"], "failed": ["payment failed", "Card declined"],
        "refund": ["refund request", "Refund"], "duplicate": ["duplicate payment", "Charged twice"],
        "delayed": ["payment delayed", "Payment not received"],
        "records": ["transaction records", "Transaction history"],
        "statement": ["monthly statement", "Invoice"], "promotion": ["promotion", "Coupon question"],
        "product": ["product update", "New feature"], "service": ["service complaint", "Complaint"],
        "escalation": ["escalation", "Escalate to supervisor"],
    ]
    static let chineseMenu: [String: String] = [
        "password-reset": "账户>密码", "login": "账户>登录", "locked": "账户>解锁", "registration": "账户>注册",
        "profile": "账户>资料", "failed": "支付>支付失败", "refund": "支付>退款", "duplicate": "支付>重复支付",
        "delayed": "支付>到账", "records": "账单>交易记录", "statement": "账单>对账单", "promotion": "其他>活动",
        "product": "其他>产品更新", "service": "投诉>投诉", "escalation": "投诉>升级",
    ]
    static let englishMenu: [String: String] = [
        "password-reset": "account>password", "login": "account>login", "locked": "account>locked",
        "registration": "account>registration", "profile": "account>profile", "failed": "payment>declined",
        "refund": "payment>refund", "duplicate": "payment>duplicate", "delayed": "payment>delayed",
        "records": "billing>records", "statement": "billing>statement", "promotion": "other>promotion",
        "product": "other>product", "service": "complaint>service", "escalation": "complaint>escalation",
    ]

    static func line(_ call: SampleCall, style: Style) -> String {
        let chinese =
            style == .chinese || call.queue == "hotline-cn" || call.queue == "merchant"
            || (call.queue == "vip" && call.labelVariant == 0)
        let labels = chinese ? chineseLabels : englishLabels
        var label = labels[call.subcategory]?[call.labelVariant] ?? call.category.name
        var ivr = (chinese ? "主菜单>" : "main>") + ((chinese ? chineseMenu : englishMenu)[call.subcategory] ?? "0")
        if call.labelMissing { label = "" }
        if let unknown = call.unknownLabel {
            label = unknown
            ivr = chinese ? "主菜单>0" : "main>0"
        }
        let fields: [String] = [
            call.id, call.queue, label, "inbound", call.caller, call.agent, time(call.enqueued, style),
            call.answered.map { time($0, style) } ?? "", time(call.ended, style), seconds(call.wait, style),
            call.answered == nil ? "" : seconds(call.talk, style),
            call.answered == nil ? "" : seconds(call.hold, style),
            call.answered == nil ? "" : seconds(call.wrap, style), call.outcome.name, ivr,
            call.csat.map(String.init) ?? "", String(SampleIVR.secondsBeforeQueue(call.id)),
        ]
        return fields.joined(separator: ",")
    }

    static func time(_ millis: Int64, _ style: Style) -> String {
        let utc = style == .utc
        let local = millis + (utc ? 0 : SampleGenerator.offsetSeconds * 1000)
        let day = local.floorDivided(by: 86_400_000)
        let ms = local - day * 86_400_000
        let date = CivilDate(dayNumber: Int(day))
        let s = Int(ms / 1000)
        var text = "\(date)T\(two(s / 3600)):\(two(s % 3600 / 60)):\(two(s % 60))"
        if style == .millis {
            let frac = String(ms % 1000)
            text += "." + String(repeating: "0", count: 3 - frac.count) + frac
        }
        return text + (utc ? "Z" : "+08:00")
    }

    static func seconds(_ millis: Int64, _ style: Style) -> String {
        guard style == .millis, millis % 1000 != 0 else { return String(millis / 1000) }
        var frac = String(millis % 1000)
        frac = String(repeating: "0", count: 3 - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        return "\(millis / 1000).\(frac)"
    }

    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
