import Foundation

/// A bounded hand-off of batches from one producer thread to one consumer thread.
///
/// The reading stage (bytes -> classified records) and the aggregating stage each take about half the time of a
/// large report; running them on the two cores of this machine in a pipeline nearly halves the wall time
/// without merging symbol tables or accumulators. At most `capacity` batches wait, so memory stays bounded
/// when one stage is faster.
final class BatchPipe<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int = 4) { self.capacity = capacity }

    /// Hands a batch over, waiting while the pipe is full.
    func push(_ batch: [Element]) {
        condition.lock()
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// No more batches will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil once the pipe is closed and empty.
    func pop() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }
}

/// Runs `body` on a new thread; `join()` waits for it to finish.
final class WorkerThread: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Void) {
        let done = self.done
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    func join() { done.wait() }
}

/// Lets a value cross to the worker thread. Used only where the value is handed over whole: the producer stops
/// touching it until the worker is joined.
struct HandOver<Value>: @unchecked Sendable {
    let value: Value
}
