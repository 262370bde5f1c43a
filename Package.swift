// swift-tools-version: 6.1
import PackageDescription

// One shared settings array for every target (as Hummingbird does).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Tilshi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tilshi", targets: ["tilshi"]),
        // The engine as a Swift library: the document model, the analysis pipeline, the news readers and the collection.
        .library(name: "Tilshi", targets: ["TextModel", "Pipeline", "NewsSources", "SearchStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Without the default trait ConfigurationSupport, which builds swift-configuration for a config reader we don't use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Already a dependency of Hummingbird; named here for NIOEmbedded, the channel of TilshiTesting's in-process client.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Already a dependency of Hummingbird; named here for NIOHTTPTypes, the request parts the server's deadline handler watches.
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        // The PostgreSQL backend of the collection (PostgresStore only).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already a dependency of Hummingbird and postgres-nio; named here for the Logger PostgresStore hands postgres-nio.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // Listed bottom-up: a target depends only on targets above it.

        // Language knowledge: tables and lists in data files, with typed loaders. No algorithms.
        .target(
            name: "KazakhData",
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The one data structure: Document, tokens, spans; offsets in Unicode scalars of the original text.
        .target(name: "TextModel", swiftSettings: swiftSettings),
        // File formats and text input: CoNLL-U, IOB2, iCalendar; reading input files with clear errors.
        .target(name: "Formats", dependencies: ["TextModel"], swiftSettings: swiftSettings),
        // Pure analysis stages, one folder each; every stage is an Annotator. Runtime only: trainers are in Evaluation.
        .target(name: "Analysis", dependencies: ["KazakhData", "TextModel"], swiftSettings: swiftSettings),
        // Named chains of annotators ("kk-default", "kk-search").
        .target(name: "Pipeline", dependencies: ["Analysis", "TextModel"], swiftSettings: swiftSettings),
        // News readers: plain text, JSONL, HTML main text, RSS/Atom feeds, as source documents.
        .target(name: "NewsSources", dependencies: ["KazakhData", "TextModel", "Formats"], swiftSettings: swiftSettings),
        // The five bundled Kazakh seed articles and their one loader (demo, lab, tests).
        .target(name: "SampleArticles", dependencies: ["NewsSources"], resources: [.copy("Articles")], swiftSettings: swiftSettings),
        // The collection: SQLite via GRDB, Kazakh FTS5 tokenizer, query parser, near-duplicates.
        .target(
            name: "SearchStore",
            dependencies: [
                "Analysis", "Formats", "KazakhData", "Pipeline", "TextModel", "NewsSources",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The collection on PostgreSQL: the same CollectionStore interface, index terms from SearchStore's analyser.
        // A target of its own so SQLite-only users of SearchStore do not build or link postgres-nio.
        .target(
            name: "PostgresStore",
            dependencies: [
                "SearchStore", "TextModel", "NewsSources", "Pipeline", "Analysis",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP JSON API and the server-rendered web page (Hummingbird 2, Mustache templates).
        .target(
            name: "NewsServer",
            dependencies: [
                "Pipeline", "Analysis", "Formats", "TextModel", "SearchStore", "NewsSources",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // Measuring and training: metrics, gold readers and bundled gold, the NER and morphology trainers.
        // Never linked into the server.
        .target(
            name: "Evaluation",
            dependencies: ["Analysis", "KazakhData", "Formats", "Pipeline", "TextModel"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The user's commands (analyze, ingest, search, serve, demo, …) as a library, so tests can parse and run them.
        .target(
            name: "TilshiCLI",
            dependencies: [
                "Pipeline", "Analysis", "Formats", "TextModel", "KazakhData", "NewsSources", "SampleArticles", "SearchStore",
                "NewsServer", "PostgresStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // The developers' lab commands: eval, bench, train, tag.
        .target(
            name: "TilshiLab",
            dependencies: [
                "TilshiCLI", "Evaluation", "Pipeline", "Analysis", "Formats", "TextModel", "KazakhData", "NewsSources",
                "SampleArticles", "SearchStore", "PostgresStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The `tilshi` executable: the root command over TilshiCLI and TilshiLab.
        .executableTarget(
            name: "tilshi",
            dependencies: ["TilshiCLI", "TilshiLab", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        // The README's library example, built and run by PipelineTests.
        .executableTarget(name: "LibraryExample", dependencies: ["Pipeline", "TextModel"], path: "Examples/LibraryExample", swiftSettings: swiftSettings),
        // Test support shared by the test targets: the seed articles as source documents, a fresh seeded collection,
        // an in-process HTTP client for the server.
        .target(
            name: "TilshiTesting",
            dependencies: [
                "SampleArticles", "NewsSources", "SearchStore", "NewsServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "KazakhDataTests", dependencies: ["KazakhData"], swiftSettings: swiftSettings),
        .testTarget(name: "TextModelTests", dependencies: ["TextModel"], swiftSettings: swiftSettings),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "TextModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AnalysisTests", dependencies: ["Analysis", "TextModel", "KazakhData", "Evaluation", "TilshiTesting"], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipelineTests", dependencies: ["Pipeline", "TextModel", "TilshiTesting", "LibraryExample"], swiftSettings: swiftSettings
        ),
        .testTarget(name: "NewsSourcesTests", dependencies: ["NewsSources", "TextModel", "Formats"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SearchStoreTests",
            dependencies: ["SearchStore", "NewsSources", "Pipeline", "TextModel", "TilshiTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NewsServerTests",
            dependencies: [
                "NewsServer", "TextModel", "SearchStore", "NewsSources", "TilshiTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: ["PostgresStore", "SearchStore", "NewsSources", "TextModel", "Pipeline", "TilshiTesting", "SampleArticles"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Formats", "TextModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TilshiCLITests",
            dependencies: [
                "TilshiCLI", "Pipeline", "TextModel", "Formats", "SearchStore", "SampleArticles", "TilshiTesting", "NewsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TilshiLabTests",
            dependencies: [
                "TilshiLab", "TilshiCLI", "Evaluation", "Pipeline", "TextModel", "Formats", "SampleArticles", "TilshiTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
