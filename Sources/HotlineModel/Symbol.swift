/// An interned string: a small integer that stands for a queue, agent, label or other repeated value.
public struct Symbol: Hashable, Comparable, Sendable {
    public let rawValue: UInt32

    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The empty string, always symbol 0.
    public static let none = Symbol(rawValue: 0)

    @inlinable public var isNone: Bool { rawValue == 0 }

    @inlinable public static func < (a: Symbol, b: Symbol) -> Bool { a.rawValue < b.rawValue }
}

/// The strings of one run, each stored once.
///
/// Not thread-safe: one table per pipeline; merging across tables goes through the strings.
public final class SymbolTable: @unchecked Sendable {
    private var ids: [String: Symbol] = ["": .none]
    private var strings: [String] = [""]

    public init() {}

    public func intern(_ string: String) -> Symbol {
        if let id = ids[string] { return id }
        let id = Symbol(rawValue: UInt32(strings.count))
        strings.append(string)
        ids[string] = id
        return id
    }

    public subscript(symbol: Symbol) -> String {
        Int(symbol.rawValue) < strings.count ? strings[Int(symbol.rawValue)] : ""
    }

    public var count: Int { strings.count }
}
