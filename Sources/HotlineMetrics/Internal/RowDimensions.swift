import HotlineModel

/// The dimensions of a `--by` table, decided once per pass: the one place a row's ``RowKey`` is made, for a call
/// read (`CallAggregator`) and for a stored row (`StoredPeriod`) alike.
struct RowDimensions {
    // One flag per dimension: a Set look-up per call and dimension showed in the profile.
    let date, interval, hour, weekday, queue, category, subcategory, agent: Bool
    /// Rows are kept by the call's path when the table has `ivr_path` or `ivr_node`: the nodes are fanned out from
    /// the path rows at the end (``IVRNodes``), not per call.
    let ivrPath, keepsPath, ivrNode: Bool

    init(_ dimensions: [Dimension]) {
        let dims = Set(dimensions)
        date = dims.contains(.date)
        interval = dims.contains(.interval)
        hour = dims.contains(.hour)
        weekday = dims.contains(.weekday)
        queue = dims.contains(.queue)
        // A subcategory row names its category too.
        category = dims.contains(.category) || dims.contains(.subcategory)
        subcategory = dims.contains(.subcategory)
        agent = dims.contains(.agent)
        ivrPath = dims.contains(.ivrPath)
        ivrNode = dims.contains(.ivrNode)
        keepsPath = ivrPath || ivrNode
    }

    /// The row of a call or stored row: the values of the chosen dimensions, the others left at zero. The interval
    /// is the elapsed interval of the day when the table has dates, else the wall-clock slot.
    func key(
        day: Int32, interval elapsed: Int32, slot: Int32, hour: Int8, weekday: Int8, queue: Symbol, category: UInt8,
        subcategory: Symbol = .none, agent: Symbol = .none, ivrPath: Symbol = .none
    ) -> RowKey {
        var key = RowKey()
        if date { key.day = day }
        if interval { key.interval = date ? elapsed : slot }
        if self.hour { key.hour = hour }
        if self.weekday { key.weekday = weekday }
        if self.queue { key.queue = queue }
        if self.category { key.category = category }
        if self.subcategory { key.subcategory = subcategory }
        if self.agent { key.agent = agent }
        if keepsPath { key.ivrPath = ivrPath }
        return key
    }
}
