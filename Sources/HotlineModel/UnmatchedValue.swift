/// A raw value that no category rule matched.
public struct UnmatchedValue: Hashable, Sendable {
    public var field: String
    /// The value as shown: cut to ``DisplayText/maxCharacters`` (values sharing that start are counted together).
    public var value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = DisplayText.cut(value)
    }
}
