/// Why an input, or a setting of how inputs are read, gives no records (or stops giving them): the one error
/// shape of ingest. A kind to branch on, where it happened (the file, and the line when known), the value at
/// fault when there is one, and the detail a person reads. Kept typed in ``InputSummary/error`` so a report,
/// the store and `--strict` see the same thing. Rejected records are ``Reject``s; this is for whole files.
public struct IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The file cannot be opened or read (missing, a directory, permissions, an I/O error).
        case unreadable
        /// Readable, but no format hotline knows.
        case notACallLog
        case empty
        /// Its bytes cannot be decoded (gzip, iconv, libxml2 could not start).
        case undecodable
        /// Recognised and read to its end, and not one record in it.
        case noRecords
        /// Recognised and read in part: the records before the problem count.
        case stopped
        /// Malformed structure (XML, JSON) where the reader found it; the reader turns it into one of the above
        /// with the file's counts.
        case malformed
        /// A setting of how files are read (a CDR column list) that cannot be used.
        case setting
    }

    public var kind: Kind
    /// The file (as shown), or the setting's name.
    public var path: String
    /// The line the problem is on, when known.
    public var line: Int?
    /// The value at fault (a header, a column list), shown as read.
    public var value: String?
    /// What a person reads after the kind's words.
    public var detail: String

    public init(_ kind: Kind, path: String, line: Int? = nil, value: String? = nil, detail: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.value = value
        self.detail = detail
    }

    public static func unreadable(path: String, reason: String) -> IngestError {
        IngestError(.unreadable, path: path, detail: reason)
    }
    public static func notACallLog(path: String, reason: String) -> IngestError {
        IngestError(.notACallLog, path: path, detail: reason)
    }
    public static func empty(path: String) -> IngestError { IngestError(.empty, path: path, detail: "") }
    public static func undecodable(path: String, reason: String) -> IngestError {
        IngestError(.undecodable, path: path, detail: reason)
    }
    /// `found` says what the file holds instead.
    public static func noRecords(path: String, found: String) -> IngestError {
        IngestError(.noRecords, path: path, detail: found)
    }
    /// `reason` says what stopped the reading after the records before it.
    public static func stopped(path: String, reason: String) -> IngestError {
        IngestError(.stopped, path: path, detail: reason)
    }

    /// The message without the path, for tables that already name the file.
    public var reason: String {
        switch kind {
        case .unreadable: "cannot read: \(detail)"
        case .notACallLog: "not a call log or ticket export: \(detail)"
        case .empty: "empty file"
        case .undecodable: "cannot decode: \(detail)"
        case .noRecords: "no records: \(detail)"
        case .stopped: "reading stopped: \(detail)"
        case .malformed, .setting: detail
        }
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }

    /// The error a stored reason stands for (the nightly store keeps the reason text of each file).
    public init(path: String, storedReason: String) {
        let prefixes: [(String, Kind)] = [
            ("cannot read: ", .unreadable), ("not a call log or ticket export: ", .notACallLog),
            ("cannot decode: ", .undecodable), ("no records: ", .noRecords), ("reading stopped: ", .stopped),
        ]
        if storedReason == "empty file" {
            self.init(.empty, path: path, detail: "")
            return
        }
        for (prefix, kind) in prefixes where storedReason.hasPrefix(prefix) {
            self.init(kind, path: path, detail: String(storedReason.dropFirst(prefix.count)))
            return
        }
        self.init(.malformed, path: path, detail: storedReason)
    }
}
