import Foundation

/// An interned string: a small integer that stands for a queue, agent, label or other repeated value.
public struct Symbol: Hashable, Comparable, Sendable {
    public let rawValue: UInt32

    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The empty string, always symbol 0. Computed, not a stored `static let`: a global's lazy initialiser is a
    /// call through its addressor at every use, across modules (ten million a month of calls).
    @inlinable @inline(__always) public static var none: Symbol { Symbol(rawValue: 0) }

    @inlinable @inline(__always) public var isNone: Bool { rawValue == 0 }

    @inlinable public static func < (a: Symbol, b: Symbol) -> Bool { a.rawValue < b.rawValue }
}

/// The strings of one run, each stored once.
///
/// Shared by the reading threads of a run, so every access takes a lock. The hot paths never come here: readers
/// keep their own byte-keyed caches (`FieldInterner`) and ask the table only for a value they have not seen.
/// Which number a string gets depends on which thread meets it first; reports order by the strings, never by
/// the numbers, so the output does not.
public final class SymbolTable: @unchecked Sendable {
    private var ids: [String: Symbol] = ["": .none]
    private var strings: [String] = [""]
    private let lock = NSLock()

    public init() {}

    public func intern(_ string: String) -> Symbol {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[string] { return id }
        let id = Symbol(rawValue: UInt32(strings.count))
        strings.append(string)
        ids[string] = id
        return id
    }

    public subscript(symbol: Symbol) -> String {
        lock.lock()
        defer { lock.unlock() }
        return Int(symbol.rawValue) < strings.count ? strings[Int(symbol.rawValue)] : ""
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return strings.count
    }
}
