import ArgumentParser
import HotlineMetrics
import HotlineModel

/// Which calls a report keeps.
struct FilterOptions: ParsableArguments {
    @Option(
        name: .customLong("queue"),
        help: ArgumentHelp("Only this queue (exact name); repeat for several.", valueName: "name"))
    var queues: [String] = []

    @Option(
        name: .customLong("category"),
        help: ArgumentHelp(
            "Only this category (account, payment, billing, other, complaint); repeat for several.",
            valueName: "category"))
    var categories: [String] = []

    func validate() throws {
        for name in categories where CallCategory(name: name) == nil {
            let known = CallCategory.allCases.map(\.name).joined(separator: ", ")
            throw ValidationError("Unknown category '\(name)': use one of \(known).")
        }
    }

    var categorySet: Set<CallCategory> { Set(categories.compactMap(CallCategory.init(name:))) }

    /// The calls of `period` these filters keep (report and staffing ask the same).
    func query(over period: PeriodOptions) -> CallQuery {
        var query = CallQuery()
        query.from = period.fromDate
        query.to = period.toDate
        query.queues = Set(queues)
        query.categories = categorySet
        return query
    }
}
