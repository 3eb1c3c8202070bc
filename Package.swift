// swift-tools-version:6.0
import PackageDescription

// A generic type the code names (`[Symbol: CallAccumulator]`) is made by calling its metadata accessor with the
// conformances it needs, not by demangling its name at run time: the run time then looks each conformance up
// over every conformance record of the binary (7,200, Foundation linked in), ~0.4 M instructions each. Types
// made from their names went from 17.5 M to 8.9 M instructions of a one-day report (the rest are the
// packages'), outputs the same.
let startUp: [SwiftSetting] = [
    .unsafeFlags(
        ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release))
]

// The hot targets skip the run-time exclusivity checks in release builds: the compiler still proves exclusivity
// statically, and the dynamic checks on class properties (with their thread-local look-ups) cost ~7% of a
// report over 10 million calls.
let hotPath: [SwiftSetting] =
    [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))] + startUp

let package = Package(
    name: "hotline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hotline", targets: ["hotline"]),
        // For the fuzzing harnesses in Fuzz/ (a package of their own): the stages they feed bytes to.
        .library(name: "HotlineIngest", targets: ["HotlineIngest"]),
        .library(name: "HotlineConfig", targets: ["HotlineConfig"]),
        .library(name: "HotlineMetrics", targets: ["HotlineMetrics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Records, categories, local time: the vocabulary every stage shares.
        .target(name: "HotlineModel", swiftSettings: hotPath),
        // libxml2, for streaming XML (FreeSWITCH CDRs): the system library, found through pkg-config.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // zlib, for .gz inputs (rotated logs).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libdeflate, for the export's gzip parts: whole-buffer deflate, 2.5 times zlib's speed for the same size
        // (docs/EXPORT.md, "Throughput"; Debian libdeflate-dev 1.14).
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // glibc's malloc.h, for capping the malloc arenas (Sources/hotline/main.swift): part of libc.
        .systemLibrary(name: "CMalloc"),
        // libxlsxwriter, for the .xlsx workbook (Debian libxlsxwriter-dev 1.1.4).
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // The CSV reader's delimiter scan with SSE2 (`static inline` in its header, inlined into HotlineIngest).
        .target(name: "CCSVScan"),
        // Bytes -> records: sniffing, decoding, CSV tokenizing, one reader per format, classification.
        .target(
            name: "HotlineIngest",
            dependencies: [
                "HotlineModel", "CLibXML2", "CZlib", "CCSVScan", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: hotPath
        ),
        // Records -> mergeable aggregates -> the report model.
        .target(name: "HotlineMetrics", dependencies: ["HotlineModel"], swiftSettings: hotPath),
        // The report model -> text, HTML, JSON, CSV, an Excel workbook.
        .target(
            name: "HotlineReport", dependencies: ["HotlineModel", "HotlineMetrics", "CXLSXWriter"],
            swiftSettings: startUp),
        // The nightly store: SQLite through GRDB (system libsqlite3): the manifest of files read and the per-day
        // aggregates every report of the nightly job is merged from.
        .target(
            name: "HotlineStore",
            dependencies: [
                "HotlineModel", "HotlineMetrics", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: startUp
        ),
        // The YAML configuration file: every setting, its default, and errors that name the key and line.
        .target(
            name: "HotlineConfig", dependencies: ["HotlineModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: startUp),
        // Deterministic sample inputs for the bundled payment hotline.
        .target(name: "HotlineSamples", dependencies: ["HotlineModel"], swiftSettings: startUp),
        // The commands: glue between the stages, options, exit codes.
        .target(
            name: "HotlineCLI",
            dependencies: [
                "HotlineModel", "HotlineIngest", "HotlineMetrics", "HotlineReport", "HotlineSamples", "HotlineConfig",
                "HotlineStore", "CLibDeflate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The export encodes every record here (ExportRow): the same dynamic checks as the readers'.
            swiftSettings: hotPath
        ),
        .executableTarget(name: "hotline", dependencies: ["HotlineCLI", "CMalloc"], swiftSettings: startUp),

        .testTarget(name: "HotlineModelTests", dependencies: ["HotlineModel"]),
        .testTarget(name: "HotlineConfigTests", dependencies: ["HotlineConfig"]),
        .testTarget(
            name: "HotlineStoreTests",
            dependencies: [
                "HotlineStore", "HotlineMetrics", "HotlineModel", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "HotlineIngestTests", dependencies: ["HotlineIngest", "HotlineSamples"], exclude: ["Fixtures"]),
        .testTarget(name: "HotlineMetricsTests", dependencies: ["HotlineMetrics", "HotlineIngest"]),
        .testTarget(
            name: "HotlineReportTests", dependencies: ["HotlineReport", "HotlineMetrics", "HotlineModel", "CZlib"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "HotlineCLITests",
            dependencies: [
                "HotlineCLI", "HotlineIngest", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
