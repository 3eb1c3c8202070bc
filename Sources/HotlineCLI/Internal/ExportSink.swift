import HotlineIngest
import HotlineMetrics
import HotlineModel

/// Where `hotline export` sends what ingest reads: every call, ticket and agent event as a row of its table,
/// partitioned by local day, and every reject as a row of the rejects table (docs/EXPORT.md). Rows go out in the
/// order ingest gives them, which is the reading order whatever the number of threads, so the files are the same
/// bytes for the same inputs.
///
/// A sink cannot throw: the first write failure is kept in ``failure`` and writing stops; the command reports it.
final class ExportSink: IngestSink {
    /// What the export writes and how.
    struct Options {
        var folder: String
        var format: ExportFormat = .csv
        /// The caller as the input gives it instead of a hash of it.
        var showCallers = false
        /// The zone and interval length of `local_day` and `local_interval`.
        var calendar: LocalCalendar
        /// Service-level thresholds (`sl_threshold_s`).
        var settings: MetricSettings
        /// The days, queues and categories kept (an empty set keeps all).
        var query: CallQuery
        /// Day partitions of a table open at once (``ExportTableWriter/openLimit``).
        var openParts = 64
        /// The nightly's export of one derived day (nil for `hotline export`).
        var night: NightDay?
        /// libdeflate's level, 1 (fastest) to 12.
        var level = ExportSink.defaultLevel
    }

    /// What the nightly export of one day changes: the query holds the day, so only its calls, tickets and agent
    /// events are written; the rejects go to `rejects/day=D/` too, only those of `rejectFiles` (the files whose
    /// first day D is, so that each file's rejects are in one partition, written again whenever that day is); and a
    /// table with no row on the day loses the partition an earlier night wrote, so the day is exactly its records.
    struct NightDay {
        var day: Int
        var rejectFiles: Set<String>
    }

    /// libdeflate's level for the parts. On 86 MB of exported calls, in 256 KiB members: level 1 0.43 s for
    /// 18.0 MB, level 3 0.79 s for 16.7 MB, level 6 1.42 s for 14.1 MB; zlib's level 3, used before, 1.06 s for
    /// 17.3 MB. Deflate is the export's largest cost, so the fastest level.
    static let defaultLevel: Int32 = 1

    let options: Options
    private let symbols: SymbolTable
    private let context: ReadContext
    /// The run's input files: a record's `location.file` indexes them.
    private let files: [String]
    private let calls: ExportTableWriter
    private let tickets: ExportTableWriter
    private let agentEvents: ExportTableWriter
    private let rejects: ExportTableWriter
    private let callRow: ExportRow
    private let ticketRow: ExportRow
    private let eventRow: ExportRow
    private let rejectRow: ExportRow
    /// Compresses and writes for all four tables, beside the reading.
    private let deflater: DeflateWorker
    /// Encoded cells of interned text (queues, agents, labels, paths), by symbol number: each is escaped once.
    private var symbolCells: [[UInt8]?] = []
    private var fileCells: [[UInt8]] = []
    /// The names of categories, outcomes and directions as bytes, by raw value.
    private let categoryWords = CallCategory.allCases.map { Array($0.name.utf8) }
    private let outcomeWords = CallOutcome.allCases.map { Array($0.name.utf8) }
    private let directionWords = [CallDirection.inbound, .outbound, .internal].map {
        Array(ExportSink.name(of: $0).utf8)
    }
    /// Thresholds in seconds by queue symbol and category (-1: not looked up yet).
    private var thresholds: [Int] = []
    private let fromDay: Int?
    private let toDay: Int?
    private(set) var failure: Error?
    private(set) var written = (calls: 0, tickets: 0, agentEvents: 0, rejects: 0)

    init(options: Options, context: ReadContext, files: [String]) {
        self.options = options
        self.symbols = context.symbols
        self.context = context
        self.files = files
        let deflater = DeflateWorker(level: options.level)
        self.deflater = deflater
        func table(_ name: String, _ columns: [ExportColumn], partitioned: Bool = true) -> ExportTableWriter {
            ExportTableWriter(
                folder: options.folder, name: name, columns: columns, format: options.format, partitioned: partitioned,
                deflater: deflater, openLimit: options.openParts)
        }
        calls = table("calls", ExportSchema.calls)
        tickets = table("tickets", ExportSchema.tickets)
        agentEvents = table("agent_events", ExportSchema.agentEvents)
        rejects = table("rejects", ExportSchema.rejects, partitioned: options.night != nil)
        callRow = ExportRow(format: options.format, columns: ExportSchema.calls)
        ticketRow = ExportRow(format: options.format, columns: ExportSchema.tickets)
        eventRow = ExportRow(format: options.format, columns: ExportSchema.agentEvents)
        rejectRow = ExportRow(format: options.format, columns: ExportSchema.rejects)
        fileCells = files.map { ExportRow.encodedText($0, format: options.format) }
        fromDay = options.query.from?.dayNumber
        toDay = options.query.to?.dayNumber
    }

    /// Whether a local day is in the period asked for.
    private func inPeriod(_ day: Int) -> Bool { day >= (fromDay ?? .min) && day <= (toDay ?? .max) }

    func call(_ call: CallRecord) {
        guard failure == nil else { return }
        let stamp = options.calendar.stamp(call.enqueuedAt)
        let day = Int(stamp.day)
        guard inPeriod(day) else { return }
        if !options.query.categories.isEmpty && !options.query.categories.contains(call.category) { return }
        if !options.query.queues.isEmpty && !options.query.queues.contains(symbols[call.queue]) { return }
        let row = callRow
        row.begin()
        if call.callKey == 0 { row.null() } else { row.hex(call.callKey) }
        row.word(directionWords[Int(call.direction.rawValue)])
        row.encoded(cell(call.queue))
        row.word(categoryWords[Int(call.category.rawValue)])
        row.encoded(cell(call.subcategory))
        row.encoded(cell(call.agent))
        if let caller = call.caller {
            if options.showCallers { row.text(context.callerText(caller)) } else { row.hex(callerHash(caller)) }
        } else {
            row.null()
        }
        row.time(call.enqueuedAt)
        row.time(call.answeredAt)
        row.time(call.endedAt)
        row.localDay(day)
        let interval = Int(options.calendar.intervalSeconds)
        row.clock(Int(stamp.secondOfDay) / interval * interval)
        row.seconds(call.wait)
        row.seconds(call.talk)
        row.seconds(call.hold)
        row.seconds(call.wrap)
        row.word(outcomeWords[Int(call.outcome.rawValue)])
        row.integer(call.outcome.endsInIVR ? nil : threshold(of: call))
        row.encoded(cell(call.ivrPath))
        row.seconds(call.ivrTime)
        if let ivrCategory = call.ivrCategory { row.word(categoryWords[Int(ivrCategory.rawValue)]) } else { row.null() }
        row.integer(call.csat)
        row.integer(call.nps)
        row.encoded(fileCell(call.location.file))
        row.integer(call.location.line)
        row.end()
        add(row.bytes, day: day, to: calls)
        written.calls += 1
    }

    func ticket(_ ticket: TicketRecord) {
        guard failure == nil else { return }
        let day = Int(options.calendar.stamp(ticket.createdAt).day)
        guard inPeriod(day) else { return }
        if !options.query.categories.isEmpty && !options.query.categories.contains(ticket.category) { return }
        let row = ticketRow
        row.begin()
        row.text(ticket.id)
        row.word(ticket.status.name)
        row.word(ticket.priority.name)
        row.word(ticket.category.name)
        row.encoded(cell(ticket.subcategory))
        row.encoded(cell(ticket.channel))
        row.encoded(cell(ticket.group))
        row.encoded(cell(ticket.assignee))
        row.time(ticket.createdAt)
        row.time(ticket.firstReplyAt)
        row.time(ticket.solvedAt)
        row.integer(ticket.reopens)
        switch ticket.satisfaction {
        case .good: row.word("good")
        case .bad: row.word("bad")
        case .score(let score): row.word(String(score))
        case nil: row.null()
        }
        if ticket.callKey == 0 { row.null() } else { row.hex(ticket.callKey) }
        if let requester = ticket.requester {
            if options.showCallers { row.text(context.callerText(requester)) } else { row.hex(callerHash(requester)) }
        } else {
            row.null()
        }
        row.localDay(day)
        row.encoded(fileCell(ticket.location.file))
        row.integer(ticket.location.line)
        row.end()
        add(row.bytes, day: day, to: tickets)
        written.tickets += 1
    }

    func agentEvent(_ event: AgentEvent) {
        guard failure == nil else { return }
        let day = Int(options.calendar.stamp(event.time).day)
        guard inPeriod(day) else { return }
        let row = eventRow
        row.begin()
        row.encoded(cell(event.agent))
        switch event.kind {
        case .login: row.word("login")
        case .logoff: row.word("logoff")
        case .pause: row.word("pause")
        case .unpause: row.word("unpause")
        case .ringNoAnswer: row.word("ring_no_answer")
        }
        row.time(event.time)
        if case .pause(let reason) = event.kind { row.encoded(cell(reason)) } else { row.null() }
        row.localDay(day)
        row.end()
        add(row.bytes, day: day, to: agentEvents)
        written.agentEvents += 1
    }

    func reject(_ reject: Reject) {
        guard failure == nil else { return }
        if let night = options.night, !night.rejectFiles.contains(reject.file) { return }
        let row = rejectRow
        row.begin()
        row.text(reject.file)
        row.integer(reject.line)
        row.text(reject.field)
        row.text(reject.kind.rawValue)
        row.text(reject.detail)
        row.end()
        add(row.bytes, day: options.night?.day ?? 0, to: rejects)
        written.rejects += 1
    }

    /// Puts every file in place once the deflate thread has written it, or (after a failure) removes every
    /// temporary file; throws the first failure. For a night's day, removes the partitions of the tables it has no
    /// row of.
    func finish() throws {
        let tables = [calls, tickets, agentEvents, rejects]
        if failure == nil {
            do {
                for table in tables { try table.commit() }
            } catch {
                failure = error
            }
        }
        do {
            try deflater.finish()
        } catch {
            failure = failure ?? error
        }
        if let failure {
            for table in tables { table.discard() }
            throw failure
        }
        if let day = options.night?.day {
            let counts = [written.calls, written.tickets, written.agentEvents, written.rejects]
            for (table, count) in zip(tables, counts) where count == 0 { try table.remove(day: day) }
        }
    }

    /// The nightly, for a day no file touches any more: its partitions of every table go (CSV, as it writes).
    static func removeDay(_ day: Int, folder: String) throws {
        let part = "/day=\(CivilDate(dayNumber: day))/part-0." + ExportFormat.csv.fileExtension
        for table in ExportSchema.tables { try ExportTableWriter.removePart(folder + "/" + table.name + part) }
    }

    private func add(_ row: UnsafeBufferPointer<UInt8>, day: Int, to table: ExportTableWriter) {
        do {
            try table.add(row, day: day)
        } catch {
            failure = error
        }
    }

    /// The encoded cell of an interned text, escaped once per symbol.
    private func cell(_ symbol: Symbol) -> [UInt8] {
        let i = Int(symbol.rawValue)
        if i >= symbolCells.count { symbolCells += Array(repeating: nil, count: i + 1 - symbolCells.count) }
        if let cached = symbolCells[i] { return cached }
        let encoded = symbol.isNone ? [] : ExportRow.encodedText(symbols[symbol], format: options.format)
        symbolCells[i] = encoded
        return encoded
    }

    private func fileCell(_ index: Int32) -> [UInt8] {
        Int(index) < fileCells.count && index >= 0 ? fileCells[Int(index)] : []
    }

    /// The service-level threshold of the call in seconds: its queue's, else its category's, else the default
    /// (``ServiceTargets``, as ``CallAggregator`` holds calls to it).
    private func threshold(of call: CallRecord) -> Int {
        let categories = CallCategory.allCases.count
        let i = Int(call.queue.rawValue) * categories + Int(call.category.rawValue)
        if i >= thresholds.count {
            thresholds += Array(repeating: -1, count: (Int(call.queue.rawValue) + 1) * categories - thresholds.count)
        }
        if thresholds[i] < 0 {
            thresholds[i] =
                options.settings.targets.target(
                    default: options.settings.defaultTarget, queue: symbols[call.queue], category: call.category
                ).thresholdSeconds
        }
        return thresholds[i]
    }

    /// The caller as exported by default (written as 16 hex digits): a 64-bit hash of the normalised caller text, so
    /// the same caller gives the same key in every run, never the number itself. FNV-1a 64 over the text's UTF-8,
    /// taken byte by byte as ``ReadContext/forEachCallerByte(_:_:)`` gives them (no String per call), finished
    /// with a SplitMix64 mix so that close numbers give unrelated keys.
    func callerHash(_ caller: CallerKey) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        context.forEachCallerByte(caller) { hash = (hash ^ UInt64($0)) &* 0x100_0000_01b3 }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }

    static func name(of direction: CallDirection) -> String {
        switch direction {
        case .inbound: "inbound"
        case .outbound: "outbound"
        case .internal: "internal"
        }
    }
}
