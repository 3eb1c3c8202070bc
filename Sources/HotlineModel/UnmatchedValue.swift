/// A raw value that no category rule matched.
public struct UnmatchedValue: Hashable, Sendable {
    public var field: String
    public var value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }
}
