import HotlineModel

/// Values by local day number in a plain array from the first day seen to the last: a day look-up is an index,
/// not a hash (the ticket aggregator does several per ticket).
struct DayArray<Value> {
    private(set) var base: Int32 = 0
    private(set) var values: [Value] = []
    let empty: Value

    init(empty: Value) { self.empty = empty }

    subscript(day: Int32) -> Value {
        get {
            let i = Int(day) - Int(base)
            return i >= 0 && i < values.count ? values[i] : empty
        }
        set {
            if values.isEmpty { base = day }
            if day < base {
                values.insert(contentsOf: repeatElement(empty, count: Int(base - day)), at: 0)
                base = day
            }
            let i = Int(day) - Int(base)
            if i >= values.count { values.append(contentsOf: repeatElement(empty, count: i + 1 - values.count)) }
            values[i] = newValue
        }
    }

    /// Updates the value of `day` in place.
    mutating func update(_ day: Int32, _ body: (inout Value) -> Void) {
        if values.isEmpty || day < base || Int(day) - Int(base) >= values.count { self[day] = empty }
        body(&values[Int(day) - Int(base)])
    }

    /// Days with their values, in order.
    var days: [(day: Int32, value: Value)] { values.enumerated().map { (base + Int32($0.offset), $0.element) } }
}

extension DayArray where Value == Int {
    /// The sum of the values of every day up to and including `day`: the backlog at that day's end.
    func total(through day: Int32) -> Int {
        guard !values.isEmpty, day >= base else { return 0 }
        return values.prefix(min(values.count, Int(day - base) + 1)).reduce(0, +)
    }
}
