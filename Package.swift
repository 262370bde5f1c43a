// swift-tools-version: 6.1
import PackageDescription

// One shared settings array for every target (as Hummingbird does).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Tilshi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tilshi", targets: ["tilshi"]),
        .library(name: "Tilshi", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Language knowledge: tables and lists in data files, with typed loaders. No algorithms.
        .target(
            name: "KazakhData",
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The one data structure: Document, tokens, spans; offsets in Unicode scalars of the original text.
        .target(name: "TextModel", swiftSettings: swiftSettings),
        // Pure analysis stages, one folder each; every stage is an Annotator.
        .target(name: "Analysis", dependencies: ["KazakhData", "TextModel"], swiftSettings: swiftSettings),
        // Readers/writers for gold corpora (CoNLL-U, IOB2) and the evaluation metrics that use them.
        .target(name: "Corpora", dependencies: ["TextModel"], swiftSettings: swiftSettings),
        // Named chains of annotators ("kk-default", "kk-search").
        .target(name: "Pipeline", dependencies: ["Analysis", "TextModel"], swiftSettings: swiftSettings),
        // The command-line commands as a library, so tests can parse and run them.
        .target(
            name: "TilshiCLI",
            dependencies: [
                "Pipeline", "Analysis", "Corpora", "TextModel", "KazakhData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "tilshi", dependencies: ["TilshiCLI"], swiftSettings: swiftSettings),

        .testTarget(name: "KazakhDataTests", dependencies: ["KazakhData"], swiftSettings: swiftSettings),
        .testTarget(name: "TextModelTests", dependencies: ["TextModel"], swiftSettings: swiftSettings),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "TextModel", "KazakhData"], swiftSettings: swiftSettings),
        .testTarget(name: "CorporaTests", dependencies: ["Corpora", "TextModel"], swiftSettings: swiftSettings),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "TextModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TilshiCLITests",
            dependencies: ["TilshiCLI", "Pipeline", "TextModel", "Corpora", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
    ]
)
