import HotlineConfig
import HotlineMetrics

/// The thresholds of the configuration file as the metrics take them, with a command's flags over them: one place
/// for what every command (report, staffing, nightly, a report from the store) must agree on.
extension MetricSettings {
    init(
        _ config: HotlineConfiguration, intervalMinutes: Int? = nil, serviceLevelSeconds: Int? = nil,
        serviceLevelTarget: Double? = nil, queues: [String] = []
    ) {
        self.init()
        self.intervalMinutes = intervalMinutes ?? config.intervalMinutes
        self.serviceLevelSeconds = config.serviceLevelSeconds
        self.serviceLevelTarget = config.serviceLevelTarget
        shortAbandonSeconds = config.shortAbandonSeconds
        repeatWindowHours = config.repeatWindowHours
        satisfiedScore = config.satisfiedScore
        abandonmentTarget = config.abandonmentTarget
        targets = config.serviceTargets
        self = focused(onQueues: queues)
        // The command line's flags over all of it.
        self.serviceLevelSeconds = serviceLevelSeconds ?? self.serviceLevelSeconds
        self.serviceLevelTarget = serviceLevelTarget ?? self.serviceLevelTarget
    }

    /// A report of only some queues that share one target is judged by that target throughout (its headline,
    /// intervals and days), not the default no call of it is held to.
    private func focused(onQueues queues: [String]) -> MetricSettings {
        guard !queues.isEmpty, !targets.queues.isEmpty else { return self }
        let own = Set(queues.map { target(queue: $0) })
        guard own.count == 1, let only = own.first else { return self }
        var s = self
        s.serviceLevelSeconds = only.thresholdSeconds
        s.serviceLevelTarget = only.serviceLevelTarget
        s.abandonmentTarget = only.abandonmentTarget
        return s
    }
}

extension TicketSettings {
    init(_ config: HotlineConfiguration) {
        self.init()
        businessHours = config.businessHours
        slaTargets = config.slaTargets
        satisfiedScore = config.satisfiedScore
        linkWindowHours = config.ticketLinkWindowHours
    }
}

extension ExceptionSettings {
    init(_ config: HotlineConfiguration) {
        self.init()
        let t = config.exceptions
        minOfferedPerInterval = t.minCallsPerInterval ?? minOfferedPerInterval
        abandonmentLimit = t.abandonmentLimit ?? abandonmentLimit
        abandonmentTimesUsual = t.abandonmentTimesUsual ?? abandonmentTimesUsual
        volumeChange = t.volumeChange ?? volumeChange
        shareJump = t.shareJump ?? shareJump
        missingShare = t.missingShare ?? missingShare
        minQueueOffered = t.minQueueCalls ?? minQueueOffered
        ivrMinNodeEntries = t.ivrMinNodeEntries ?? ivrMinNodeEntries
        ivrDropOffJump = t.ivrDropOffJump ?? ivrDropOffJump
    }
}
