import Foundation

/// A fixed set of threads running jobs from one queue; each thread keeps its own state (`State`), made on it.
final class BlockWorkers<State>: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [(inout State) -> Void] = []
    private var closed = false
    private let finished: DispatchGroup

    init(threads: Int, makeState: @escaping () -> State) {
        finished = DispatchGroup()
        // Each thread calls `makeState` once, on itself; what it makes stays on that thread.
        let maker = Unchecked(value: makeState)
        for _ in 0..<max(1, threads) {
            finished.enter()
            let thread = Thread { [self] in
                var state = maker.value()
                while let job = nextJob() { job(&state) }
                finished.leave()
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
    }

    /// Runs `job` on the next free thread.
    func submit(_ job: @escaping (inout State) -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads end once the queue is empty, and waits for them.
    func finish() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }

    private func nextJob() -> ((inout State) -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !closed { condition.wait() }
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }
}

/// A value one thread fills and another waits for.
final class Pending<Value>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var value: Value?

    func fulfil(_ value: Value) {
        self.value = value
        ready.signal()
    }

    /// Waits for the value and takes it (the holder keeps no copy).
    func take() -> Value? {
        ready.wait()
        defer { value = nil }
        return value
    }
}

/// Things handed back for reuse across threads: block buffers and record arrays, which are large enough that
/// allocating them afresh for every block cost page faults (a third of the system time).
final class RecyclePool<Item>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Item] = []

    func take() -> Item? {
        lock.lock()
        defer { lock.unlock() }
        return items.popLast()
    }

    func give(_ item: Item) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }
}

/// Lets a value cross to a worker thread where the code guarantees it is used by one thread at a time.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
}
