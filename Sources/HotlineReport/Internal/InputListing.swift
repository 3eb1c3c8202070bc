import HotlineMetrics

/// Which input files the text and HTML reports list: all of a few, or of many (a directory of 100,000 CDRs) only
/// those with a problem, the rest summed in one line. The JSON report keeps every file.
struct InputListing {
    static let limit = 40

    var shown: [InputRow]
    var hiddenFiles = 0
    var hiddenRecords = 0
    var hiddenAccepted = 0

    init(_ inputs: [InputRow]) {
        guard inputs.count > Self.limit else {
            shown = inputs
            return
        }
        shown = Array(inputs.filter { $0.error != nil || $0.rejected > 0 }.prefix(Self.limit))
        let listed = Set(shown.map(\.path))
        for input in inputs where !listed.contains(input.path) {
            hiddenFiles += 1
            hiddenRecords += input.records
            hiddenAccepted += input.accepted
        }
    }

    /// The line that stands for the files not listed, if any.
    func summary(_ s: ReportStrings) -> String? {
        guard hiddenFiles > 0 else { return nil }
        return s.dataQuality.listingSummary(hiddenFiles, shown.isEmpty, hiddenRecords, hiddenRecords - hiddenAccepted)
    }
}
