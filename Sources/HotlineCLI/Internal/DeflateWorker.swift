import Foundation

/// The thread an export compresses on: the filled buffers of every part go, in order, to one thread that deflates
/// each into a gzip member and writes it, while the rows after them are read and encoded.
///
/// One thread, jobs in the order sent: each gzip file gets the same members in the same order whatever `--threads`
/// is, so the bytes do not change. At most `capacity` buffers wait; when deflate falls behind, the sender waits:
/// memory stays bounded.
final class DeflateWorker: @unchecked Sendable {
    enum Step {
        case write([UInt8])
        /// ``GzipFileWriter/suspend()``: the part's file is closed until its day comes again.
        case suspend
        /// ``GzipFileWriter/commit()``: the part is put in place.
        case commit
    }

    private typealias Job = (writer: GzipFileWriter, step: Step)

    /// The first failure of a job, shared with the thread; later jobs are skipped.
    private final class Failure: @unchecked Sendable {
        let lock = NSLock()
        var error: Error?
        var value: Error? { lock.withLock { error } }
        func keep(_ error: Error) { lock.withLock { self.error = self.error ?? error } }
    }

    private let pipe: BatchPipe<Job>
    private let failure: Failure
    private let worker: WorkerThread
    private var finished = false

    /// `level`: libdeflate's, 1 (fastest) to 12.
    init(level: Int32, capacity: Int = 8) {
        let pipe = BatchPipe<Job>(capacity: capacity)
        let failure = Failure()
        self.pipe = pipe
        self.failure = failure
        // A writer is touched only by this thread from its first job on, until ``finish()`` joins it.
        worker = WorkerThread {
            // Made and used on this thread only.
            let compressor = GzipCompressor(level: level)
            while let batch = pipe.pop() {
                for job in batch where failure.value == nil {
                    do {
                        switch job.step {
                        case .write(let bytes): try job.writer.write(bytes, with: compressor)
                        case .suspend: try job.writer.suspend()
                        case .commit: try job.writer.commit(with: compressor)
                        }
                    } catch {
                        failure.keep(error)
                    }
                }
            }
        }
    }

    deinit { pipe.close() }

    /// Queues a step of `writer`, waiting while `capacity` are queued; throws the failure of an earlier step.
    func send(_ step: Step, to writer: GzipFileWriter) throws {
        if let error = failure.value { throw error }
        pipe.push([(writer, step)])
    }

    /// Waits for every step sent; throws the first failure. The writers may be used on this thread again after.
    func finish() throws {
        if !finished {
            pipe.close()
            worker.join()
            finished = true
        }
        if let error = failure.value { throw error }
    }
}
