import ArgumentParser
import HotlineConfig
import HotlineModel
import HotlineReport

/// How CSV outputs are encoded: the report's CSV table and the rejects file.
struct CSVOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help:
            "Start CSV outputs with a UTF-8 byte-order mark, so Excel or WPS in a Chinese locale reads them as UTF-8 (configuration csv.bom). Default: a BOM with --lang zh-CN, none otherwise."
    )
    var csvBom: Bool?

    @Option(
        help: ArgumentHelp(
            "Character encoding of CSV outputs: utf-8 or gb18030 (configuration csv.encoding). Default: utf-8.",
            valueName: "encoding"))
    var csvEncoding: CSVEncoding?

    func validate() throws {
        if csvBom == true && csvEncoding == .gb18030 {
            throw ValidationError(
                "--csv-bom is a UTF-8 byte-order mark: a GB18030 file has none. Drop --csv-bom or --csv-encoding gb18030."
            )
        }
    }

    /// The flags over the configuration's `csv` section.
    func output(_ config: HotlineConfiguration, language: ReportLanguage) -> CSVOutput {
        Self.output(config, bomFlag: csvBom, encodingFlag: csvEncoding, language: language)
    }

    /// The configuration's `csv` section under what the command line says (the nightly job has no flags).
    static func output(
        _ config: HotlineConfiguration, bomFlag: Bool? = nil, encodingFlag: CSVEncoding? = nil,
        language: ReportLanguage
    ) -> CSVOutput {
        CSVOutput.resolve(
            bomFlag: bomFlag, configuredBOM: config.csvBOM, encodingFlag: encodingFlag,
            configuredEncoding: config.csvEncoding.flatMap(CSVEncoding.init(rawValue:)), language: language)
    }
}

extension CSVEncoding: ExpressibleByArgument {}
