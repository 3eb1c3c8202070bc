/// The five categories of the hotline's taxonomy (docs/DESIGN.md, "Categories").
///
/// The raw case order is the display order of every report.
public enum CallCategory: UInt8, CaseIterable, Comparable, Sendable {
    case account, payment, billing, other, complaint

    public var name: String {
        switch self {
        case .account: "account"
        case .payment: "payment"
        case .billing: "billing"
        case .other: "other"
        case .complaint: "complaint"
        }
    }

    public var chineseName: String {
        switch self {
        case .account: "账户"
        case .payment: "支付"
        case .billing: "账务"
        case .other: "其他"
        case .complaint: "投诉"
        }
    }

    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = match
    }

    public static func < (a: CallCategory, b: CallCategory) -> Bool { a.rawValue < b.rawValue }
}
