import HotlineConfig
import HotlineMetrics

/// The thresholds of the configuration file as the metrics take them, with a command's flags over them: one place
/// for what every command (report, staffing, nightly, a report from the store) must agree on.
extension MetricSettings {
    init(
        _ config: HotlineConfiguration, intervalMinutes: Int? = nil, serviceLevelSeconds: Int? = nil,
        serviceLevelTarget: Double? = nil
    ) {
        self.init()
        self.intervalMinutes = intervalMinutes ?? config.intervalMinutes
        self.serviceLevelSeconds = serviceLevelSeconds ?? config.serviceLevelSeconds
        self.serviceLevelTarget = serviceLevelTarget ?? config.serviceLevelTarget
        shortAbandonSeconds = config.shortAbandonSeconds
        repeatWindowHours = config.repeatWindowHours
        satisfiedScore = config.satisfiedScore
    }
}

extension TicketSettings {
    init(_ config: HotlineConfiguration) {
        self.init()
        businessHours = config.businessHours
        slaTargets = config.slaTargets
        satisfiedScore = config.satisfiedScore
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
    }
}
