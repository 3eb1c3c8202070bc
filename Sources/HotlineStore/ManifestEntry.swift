import Foundation
import GRDB
import HotlineModel

/// One input file the store has read: where, which bytes (size and SHA-256), what it held, and the local days
/// its records fall on.
public struct ManifestEntry: Sendable, Equatable {
    public var path: String
    public var size: Int64
    /// Modification time, nanoseconds since 1970: an unchanged size and time skip the hashing.
    public var modified: Int64
    public var sha256: String
    public var summary: InputSummary
    /// Local days touched, ascending: call enqueue days, ticket creation and solve days.
    public var days: [Int32]

    public init(path: String, size: Int64, modified: Int64, sha256: String, summary: InputSummary, days: [Int32]) {
        self.path = path
        self.size = size
        self.modified = modified
        self.sha256 = sha256
        self.summary = summary
        self.days = days
    }

    init(row: Row, days: [Int32]) {
        path = row["path"]
        size = row["size"]
        modified = row["modified"]
        sha256 = row["sha256"]
        var summary = InputSummary(
            path: row["path"], format: InputFormat(rawValue: row["format"] as String), encoding: row["encoding"])
        summary.records = row["records"]
        summary.accepted = row["accepted"]
        summary.error = (row["error"] as String?).map { IngestError(path: summary.path, storedReason: $0) }
        if let data = (row["rejectedByKind"] as String?)?.data(using: .utf8),
            let counts = try? JSONSerialization.jsonObject(with: data) as? [String: Int]
        {
            for (kind, n) in counts { if let kind = RejectKind(rawValue: kind) { summary.rejectedByKind[kind] = n } }
        }
        if let data = (row["notes"] as String?)?.data(using: .utf8),
            let notes = try? JSONSerialization.jsonObject(with: data) as? [String]
        {
            summary.notes = notes
        }
        self.summary = summary
        self.days = days
    }

    static func encode(_ counts: [RejectKind: Int]) -> String {
        let object = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func encode(_ notes: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: notes)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
