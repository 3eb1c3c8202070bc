/// A problem with a whole input file: it gives no records, and the rest of the batch goes on.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notACallLog(path: String, reason: String)
    case empty(path: String)
    case undecodable(path: String, reason: String)
    /// Recognised and read to its end, and not one record in it: `found` says what the file holds instead.
    case noRecords(path: String, found: String)
    /// Recognised and read in part: `reason` says what stopped the reading after the records before it.
    case stopped(path: String, reason: String)

    public var path: String {
        switch self {
        case .unreadable(let path, _), .notACallLog(let path, _), .empty(let path), .undecodable(let path, _),
            .noRecords(let path, _), .stopped(let path, _):
            path
        }
    }

    /// The message without the path, for tables that already name the file.
    public var reason: String {
        switch self {
        case .unreadable(_, let reason): "cannot read: \(reason)"
        case .notACallLog(_, let reason): "not a call log or ticket export: \(reason)"
        case .empty: "empty file"
        case .undecodable(_, let reason): "cannot decode: \(reason)"
        case .noRecords(_, let found): "no records: \(found)"
        case .stopped(_, let reason): "reading stopped: \(reason)"
        }
    }

    public var description: String { "\(path): \(reason)" }
}
