/// A growable array written by one owner only: a class over memory it allocates itself, so writing an element is
/// a store.
///
/// Writing an element of an `Array` stored in a class first makes the array unique (`_makeMutableAndUnique`).
/// In the call aggregator's large `add` that check was not inlined: a call and ~100 instructions for each
/// counter written, 4% of the instructions of the 10M-call benchmark. The owner never hands this out, so there is
/// nothing to copy on write; `elements` copies the values out for the results.
final class UnsharedArray<Element> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    convenience init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        append(repeating: value, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// An element, read or changed in place. Nothing may append while it is changed: an append may move the
    /// elements.
    @inline(__always) subscript(index: Int) -> Element {
        get {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "UnsharedArray index out of range")
            return base[index]
        }
        _modify {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "UnsharedArray index out of range")
            yield &base[index]
        }
    }

    func append(_ value: Element) {
        reserve(count + 1)
        (base + count).initialize(to: value)
        count += 1
    }

    func append(repeating value: Element, count n: Int) {
        guard n > 0 else { return }
        reserve(count + n)
        (base + count).initialize(repeating: value, count: n)
        count += n
    }

    /// Empties the array, keeping its memory.
    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    /// The values, copied out.
    var elements: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Room for `needed` values, at least doubling: appends take amortised constant time.
    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let newCapacity = Swift.max(needed, 2 * capacity)
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
