/// Rules that map raw labels, IVR paths and queue names to a category and subcategory.
///
/// Rules are tried in order and the first match wins. A rule matches when the field's value contains one of
/// its words, compared case-insensitively; Chinese words match as substrings, so `重复支付` matches
/// `支付-重复支付退款`.
public struct CategoryRules: Sendable, Equatable {
    public var rules: [CategoryRule]

    public init(rules: [CategoryRule]) { self.rules = rules }
}

public struct CategoryRule: Sendable, Equatable {
    /// The record field a rule looks at.
    public enum Field: String, Sendable, CaseIterable {
        /// Call fields.
        case label, ivrPath = "ivr_path", queue
        /// Ticket fields, tried in this order: tags, type, group, then subject keywords.
        case tags, ticketType = "ticket_type", group, subject

        public var isTicketField: Bool { self == .tags || self == .ticketType || self == .group || self == .subject }
    }

    public var field: Field
    /// Lower-cased words, any of which matches.
    public var words: [String]
    public var category: CallCategory
    public var subcategory: String?
    /// A regular expression (ICU syntax) the value may match instead of a word, case-insensitively.
    public var pattern: String?

    public init(
        field: Field, words: [String], category: CallCategory, subcategory: String? = nil, pattern: String? = nil
    ) {
        self.field = field
        self.words = words.map { $0.lowercased() }
        self.category = category
        self.subcategory = subcategory
        self.pattern = pattern
    }
}

extension CategoryRules {
    /// The default taxonomy of the payment hotline, English and Chinese (docs/DESIGN.md, "Categories").
    ///
    /// Order matters: complaints first (a complaint about a refund is a complaint), then specific
    /// subcategories before the bare category words, and the longer Chinese phrases before the shorter
    /// ones they contain (`重复支付` before `支付`). The same list is applied to the category label first, then
    /// the IVR path, then the queue name; for tickets to the tags, the ticket type, the group, then the subject.
    public static let `default`: CategoryRules = {
        let words: [(CallCategory, String?, [String])] = [
            (.complaint, "escalation", ["escalation", "escalate", "升级", "上级"]),
            (.complaint, "service", ["complaint", "complain", "投诉", "不满", "态度"]),
            (.payment, "duplicate", ["duplicate", "double charge", "charged twice", "重复支付", "重复扣款", "多扣"]),
            (.payment, "refund", ["refund", "退款", "退钱"]),
            (.payment, "failed", ["payment failed", "failed payment", "declined", "支付失败", "付款失败", "失败"]),
            (.payment, "delayed", ["delayed", "not received", "pending payment", "未到账", "延迟", "到账"]),
            (.billing, "records", ["transaction record", "transaction history", "records", "交易记录", "流水", "明细"]),
            (.billing, "statement", ["statement", "invoice", "reconciliation", "对账", "账单", "发票"]),
            (.account, "password-reset", ["password", "reset", "密码", "重置"]),
            (.account, "locked", ["locked", "unlock", "frozen", "锁定", "解锁", "冻结"]),
            (.account, "registration", ["registration", "register", "sign up", "signup", "注册", "开户"]),
            (.account, "login", ["login", "log in", "sign in", "signin", "登录", "登陆"]),
            (.account, "profile", ["profile", "kyc", "实名", "资料", "绑定手机", "修改手机"]),
            (.other, "promotion", ["promotion", "promo", "campaign", "coupon", "活动", "推广", "优惠"]),
            (.other, "product", ["product update", "new feature", "product", "产品更新", "新功能", "产品"]),
            (.payment, nil, ["payment", "pay", "charge", "mistaken", "支付", "付款", "扣款", "误操作"]),
            (.billing, nil, ["billing", "bill", "账务", "交易"]),
            (.account, nil, ["account", "账户", "账号", "balance", "余额"]),
            (.other, nil, ["other", "general", "inquiry", "enquiry", "其他", "咨询"]),
        ]
        var rules: [CategoryRule] = []
        for field in CategoryRule.Field.allCases {
            for (category, subcategory, list) in words {
                rules.append(CategoryRule(field: field, words: list, category: category, subcategory: subcategory))
            }
        }
        return CategoryRules(rules: rules)
    }()
}
