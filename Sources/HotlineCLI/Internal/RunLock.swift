import Foundation

/// An exclusive lock on a file beside the store (`flock`), held for the life of the process: a second nightly run
/// fails at once instead of waiting, and a run that dies releases it with its file descriptor.
final class RunLock {
    private let fd: Int32

    /// Takes the lock, or returns nil when another process holds it.
    init?(path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
