/// A caller identity, exact and 8 bytes wide, for repeat-call analysis over millions of callers.
///
/// Phone numbers (digits, an optional leading `+`, separators ` -().` ignored, up to 17 digits) are packed
/// into the value itself; anything else (SIP URIs, names) is interned and its symbol number stored with a
/// tag bit, so two keys are equal exactly when the normalised callers are equal.
public struct CallerKey: Hashable, Sendable {
    public let rawValue: UInt64

    @inlinable public init(rawValue: UInt64) { self.rawValue = rawValue }

    private static let numberTag: UInt64 = 1 << 63
    private static let plusBit: UInt64 = 1 << 62

    /// Packs a phone number; nil when `bytes` is not one (then intern it instead).
    public static func phoneNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> CallerKey? {
        var value: UInt64 = 0
        var digits: UInt64 = 0
        var plus = false
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 17 else { return nil }
                value = value * 10 + UInt64(b &- UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "+") where i == 0:
                plus = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."):
                continue
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        // The digit count keeps "0123" and "123" apart.
        return CallerKey(rawValue: numberTag | (plus ? plusBit : 0) | (digits << 57) | value)
    }

    /// Packs a phone number given as text; nil when it is not one.
    public static func phoneNumber(_ text: String) -> CallerKey? {
        var text = text
        return text.withUTF8 { phoneNumber($0) }
    }

    /// A key for a caller that is not a phone number, from its interned symbol.
    public static func interned(_ symbol: Symbol) -> CallerKey {
        CallerKey(rawValue: UInt64(symbol.rawValue))
    }

    /// Callers that say nothing about who called: repeat-call figures leave them out.
    public static let anonymousWords: Set<String> = [
        "anonymous", "unknown", "private", "restricted", "unavailable", "withheld", "blocked", "none", "null",
        "匿名", "未知", "隐藏", "私人号码",
    ]
}
