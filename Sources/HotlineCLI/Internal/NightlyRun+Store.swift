import Foundation
import HotlineModel
import HotlineStore

/// The night's first and commit steps: the store and its lock, and the one transaction that changes it.
extension NightlyRun {
    /// The store a night works on, with the lock that keeps a second run out while this one lives.
    struct OpenedStore {
        var store: Store
        /// Nil for a dry run: it only reads.
        var lock: RunLock?
        /// The settings the night derives with, stored with its snapshots.
        var fingerprint: String
        /// A dry run's empty stand-in when there is no store yet; removed at ``close()``.
        var standIn: String?

        /// Removes the stand-in and lets the lock go: call it when the night ends, whatever way.
        func close() {
            if let standIn { try? FileManager.default.removeItem(atPath: standIn) }
            withExtendedLifetime(lock) {}
        }
    }

    /// Takes the lock and opens the store; refuses a store built with other settings unless rebuilding. A dry run
    /// takes no lock and creates nothing: with no store yet, an empty one in a temporary folder stands in.
    func openStore() throws -> OpenedStore {
        if !dryRun {
            let folder = (storePath as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure.unusable("\(folder): cannot create the store's folder (\(error.localizedDescription))")
            }
        }
        let lock = dryRun ? nil : try RunLock(path: storePath + ".lock")
        if !dryRun && lock == nil { throw Failure.locked(storePath + ".lock") }
        var standIn: String?
        if dryRun && !FileManager.default.fileExists(atPath: storePath) {
            logger.notice("\(storePath): no store yet; the run would create it")
            standIn = NSTemporaryDirectory() + "hotline-dry-run-\(UUID().uuidString).sqlite"
        }
        let fingerprint = SettingsFingerprint.of(config, settings: settings, zone: zone, sourceZone: sourceZone)
        let opened = OpenedStore(
            store: try Store(path: standIn ?? storePath, readOnly: dryRun && standIn == nil), lock: lock,
            fingerprint: fingerprint, standIn: standIn)
        if let stored = try? opened.store.fingerprint(), stored != fingerprint, !rebuild {
            opened.close()
            throw Failure.unusable(
                "\(storePath): the configuration's zone, interval, thresholds, rules or ticket settings changed since the store was built (\(stored) -> \(fingerprint)); run with --rebuild"
            )
        }
        return opened
    }

    /// Everything the night learnt, in one transaction: a run killed before it leaves the store as it was.
    ///
    /// Late records for an earlier day whose daily report exists: that report is written again. The set goes in
    /// the transaction and is cleared report by report once written, so a night that fails after the commit
    /// (killed while writing, a folder it cannot write) leaves the work to the next run.
    func commit(_ opened: OpenedStore, _ changes: InboxChanges, _ read: FilesRead, _ derived: DerivedDays) throws {
        var night = NightChanges()
        night.touched = changes.touched
        night.fingerprint = opened.fingerprint
        night.replaceAll = rebuild
        night.files = read.files
        night.snapshots = derived.snapshots
        night.removedDays = derived.removedDays
        let reportDay = reportDate().dayNumber
        night.pendingReports = read.dirty.filter {
            Int($0) < reportDay && needsRewrite(CivilDate(dayNumber: Int($0)))
        }.sorted()
        try opened.store.commit(night)
    }
}
