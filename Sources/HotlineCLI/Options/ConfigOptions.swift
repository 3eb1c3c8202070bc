import ArgumentParser
import HotlineConfig

/// The configuration file; flags given on the command line override it.
struct ConfigOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "YAML configuration file (docs/CONFIG.md). Command-line flags override its settings.", valueName: "file"))
    var config: String?

    func validate() throws { _ = try load() }

    /// The file's settings, or the defaults without a file. A bad file is a usage error naming file, line and key.
    func load() throws -> HotlineConfiguration { try Self.load(config) }

    /// The settings of the file at `config` (a missing, unreadable or bad file is a usage error saying why), or the
    /// defaults for nil.
    static func load(_ config: String?) throws -> HotlineConfiguration {
        guard let config else { return HotlineConfiguration() }
        do {
            return try ConfigLoader.load(path: config)
        } catch let error as ConfigError {
            throw ValidationError("configuration: \(error)")
        }
    }
}
