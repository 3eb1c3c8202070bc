import HotlineModel

/// What a figure column means to a reader beyond its number: whether the row's target judges it.
///
/// The text report marks a judged cell that misses its target with `!`, the HTML colours it; a column's role, not
/// its position, says which cell that is, so a column added or moved keeps the mark on the right figure.
enum ColumnRole: Sendable, Equatable {
    /// A figure no target judges.
    case plain
    /// A service level: off target below the row's service-level target.
    case serviceLevel
    /// An abandonment rate: off target above the row's abandonment target, when it has one.
    case abandonment

    /// Whether `value`, this column's figure, misses `target`.
    func misses(_ value: Double?, _ target: ServiceTarget) -> Bool {
        switch self {
        case .plain: false
        case .serviceLevel: target.misses(serviceLevel: value)
        case .abandonment: target.misses(abandonmentRate: value)
        }
    }
}
