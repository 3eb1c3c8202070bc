// swift-tools-version:6.0
// Benchmark tooling, kept out of the product: a fast writer of large synthetic call logs.
import PackageDescription

let package = Package(
    name: "hotline-benchmarks",
    targets: [
        .executableTarget(name: "bench-data", swiftSettings: [.swiftLanguageMode(.v5)])
    ]
)
