// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Sanad",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sanad", targets: ["sanad"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.0"),
        // Reading and writing .xlsx registers (issue 14): the zip container and the sheet XML.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash.git", from: "8.1.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // The API document as typed values; without its default trait, which loads external references we never use.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.4.0", traits: []),
    ],
    targets: [
        .target(
            name: "SanadCore",
            dependencies: [],
            resources: [.process("Resources")]
        ),
        // zlib, to compress what field offices send over slow links (issue 11); named apart from ZIPFoundation's CZlib.
        .systemLibrary(name: "SanadZlib", path: "Sources/SanadZlib"),
        .target(
            name: "SanadStore",
            dependencies: [
                "SanadCore",
                "SanadZlib",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ]
        ),
        .target(
            name: "SanadWeb",
            dependencies: [
                "SanadCore",
                "SanadStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            resources: [.process("Resources")]
        ),
        .executableTarget(
            name: "sanad",
            dependencies: [
                "SanadWeb",
                "SanadStore",
                "SanadCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        // Shared by the store and web tests: a configured app on SQLite (a temporary file) or PostgreSQL.
        .target(
            name: "SanadTestSupport",
            dependencies: ["SanadWeb", "SanadStore", .product(name: "VaporTesting", package: "vapor")],
            path: "Tests/SanadTestSupport"
        ),
        .testTarget(
            name: "SanadCoreTests",
            dependencies: [
                "SanadCore", .product(name: "PropertyBased", package: "swift-property-based"),
                // CSVText's tests read what it writes back with CSV.swift's reader.
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .testTarget(
            name: "SanadStoreTests",
            dependencies: [
                "SanadStore", "SanadTestSupport", .product(name: "VaporTesting", package: "vapor"),
                // The spreadsheet tests build their .xlsx files part by part.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "SanadWebTests",
            dependencies: ["SanadWeb", "SanadTestSupport", .product(name: "VaporTesting", package: "vapor")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
