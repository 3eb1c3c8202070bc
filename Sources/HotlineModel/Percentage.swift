/// A share written as a person writes it: `80`, `80%` and `0.8` all mean 80% (a bare number above 1 is a
/// percentage, one of 1 or below a fraction), on the command line and in the configuration alike.
public struct Percentage: Sendable, Equatable {
    /// 0 < fraction <= 1.
    public var fraction: Double

    public init?(parsing text: String) {
        func trimmed(_ s: Substring) -> Substring {
            var s = s.drop { $0 == " " }
            while s.last == " " { s = s.dropLast() }
            return s
        }
        let text = trimmed(Substring(text))
        let percent = text.hasSuffix("%")
        guard let number = Double(trimmed(percent ? text.dropLast() : text)), number.isFinite else { return nil }
        let value = percent || number > 1 ? number / 100 : number
        guard value > 0, value <= 1 else { return nil }
        fraction = value
    }
}
