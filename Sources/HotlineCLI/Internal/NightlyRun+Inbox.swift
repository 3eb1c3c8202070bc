import Foundation
import HotlineIngest
import HotlineModel
import HotlineStore

/// The night's inbox steps: which files are there, and which of them are new or changed.
extension NightlyRun {
    /// The inbox tonight: its files in the order found, and the format the configuration names for some.
    struct Inbox {
        var files: [String] = []
        var overrides: [String: InputFormat] = [:]
    }

    /// A new or changed inbox file, hashed.
    struct ChangedFile {
        var path: String
        var size: Int64
        var modified: Int64
        var digest: String
    }

    /// The inbox against the manifest: the files to read, and those only touched (new time, same content).
    struct InboxChanges {
        var changed: [ChangedFile] = []
        var touched: [ManifestEntry] = []
        /// The manifest before tonight, by path.
        var known: [String: ManifestEntry]
    }

    /// Resolves the configured inbox entries to files. Regular files only, and links only to files inside the
    /// inbox: a FIFO would hold the lock forever, a link could lead to any file root can read.
    func scanInbox(_ outcome: inout Outcome) -> Inbox {
        var inbox = Inbox()
        let roots = config.nightly.inbox.map { InputResolver.root(of: $0.path) }
        for entry in config.nightly.inbox {
            let resolution = InputResolver.resolve([entry.path], within: roots)
            for problem in resolution.problems {
                logger.error("\(problem.description)")
                outcome.failures.append(problem.description)
            }
            for skipped in resolution.skipped { logger.warning("\(skipped)") }
            for file in resolution.files where !inbox.files.contains(file) {
                inbox.files.append(file)
                if let format = entry.format { inbox.overrides[file] = format }
            }
        }
        return inbox
    }

    /// The inbox files whose content is new or changed since the manifest (all of them for a rebuild).
    func findChanged(_ inbox: Inbox, store: Store) throws -> InboxChanges {
        var changes = InboxChanges(known: Dictionary(uniqueKeysWithValues: try store.manifest().map { ($0.path, $0) }))
        for file in inbox.files.sorted() {
            let (size, modified) = Self.sizeAndTime(file)
            // Same size and modification time as stored: the same file, not hashed again (a year of exports
            // would be hashed every night otherwise). Anything else is hashed; only new content is read.
            if !rebuild, let known = changes.known[file], known.size == size, known.modified == modified { continue }
            let (hashedSize, digest) = try Store.sha256(path: file)
            if rebuild || changes.known[file]?.sha256 != digest {
                changes.changed.append(ChangedFile(path: file, size: hashedSize, modified: modified, digest: digest))
            } else if var entry = changes.known[file] {
                // Touched but not changed: remember the new time, read nothing.
                entry.modified = modified
                changes.touched.append(entry)
            }
        }
        return changes
    }

    /// A dry run's whole output: what a night would read and write.
    func tellDryRun(_ changes: InboxChanges) {
        for file in changes.changed {
            logger.notice("would read \(file.path) (\(changes.known[file.path] == nil ? "new" : "changed"))")
        }
        logger.notice("would write the reports for \(reportDate().description) into \(outputDirectory)")
    }

    /// A file's size and modification time (nanoseconds), 0 when it cannot be read.
    static func sizeAndTime(_ path: String) -> (Int64, Int64) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (0, 0) }
        return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
