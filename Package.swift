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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
        // News readers: plain text, JSONL, HTML main text, RSS/Atom feeds, as source documents.
        .target(name: "NewsSources", dependencies: ["KazakhData", "TextModel", "Corpora"], swiftSettings: swiftSettings),
        // The collection: SQLite via GRDB, Kazakh FTS5 tokenizer, query parser, near-duplicates.
        .target(
            name: "SearchStore",
            dependencies: [
                "Analysis", "Corpora", "KazakhData", "Pipeline", "TextModel", "NewsSources",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command-line commands as a library, so tests can parse and run them.
        .target(
            name: "TilshiCLI",
            dependencies: [
                "Pipeline", "Analysis", "Corpora", "TextModel", "KazakhData", "NewsSources", "SearchStore", "NewsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The HTTP JSON API and the server-rendered web page (Hummingbird 2, Mustache templates).
        .target(
            name: "NewsServer",
            dependencies: [
                "Pipeline", "Analysis", "Corpora", "TextModel", "SearchStore", "NewsSources",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "tilshi", dependencies: ["TilshiCLI"], swiftSettings: swiftSettings),

        .testTarget(
            name: "NewsServerTests",
            dependencies: [
                "NewsServer", "TextModel", "SearchStore", "NewsSources",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "KazakhDataTests", dependencies: ["KazakhData"], swiftSettings: swiftSettings),
        .testTarget(name: "TextModelTests", dependencies: ["TextModel"], swiftSettings: swiftSettings),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "TextModel", "KazakhData"], swiftSettings: swiftSettings),
        .testTarget(name: "CorporaTests", dependencies: ["Corpora", "TextModel"], swiftSettings: swiftSettings),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "TextModel"], swiftSettings: swiftSettings),
        .testTarget(name: "NewsSourcesTests", dependencies: ["NewsSources", "TextModel", "Corpora"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SearchStoreTests",
            dependencies: ["SearchStore", "NewsSources", "Pipeline", "TextModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TilshiCLITests",
            dependencies: [
                "TilshiCLI", "Pipeline", "TextModel", "Corpora", "SearchStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
