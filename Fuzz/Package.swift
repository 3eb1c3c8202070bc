// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses for hotline, outside the product: `scripts/fuzz` builds this package with
// `-sanitize=fuzzer,address` in its own scratch folder and runs one target at a time (HOTLINE_FUZZ_TARGET).
let package = Package(
    name: "hotline-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "hotline", path: "..")],
    targets: [
        .executableTarget(
            name: "HotlineFuzz",
            dependencies: [
                .product(name: "HotlineIngest", package: "hotline"),
                .product(name: "HotlineConfig", package: "hotline"),
                .product(name: "HotlineMetrics", package: "hotline"),
            ],
            // libFuzzer brings `main`.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
