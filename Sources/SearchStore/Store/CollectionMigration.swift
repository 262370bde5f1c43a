import Foundation

/// Copies a collection into another, on any two backends (`tilshi migrate`: SQLite → PostgreSQL and back), and
/// verifies the copy.
///
/// Documents are copied with their stored analysis through the ``CollectionStore`` interface, oldest first, so the
/// destination derives its own index, entity links, near-duplicate links and collection names with its own code, in
/// the order the source did. The copy is **resumable**: a document's identity is its content hash, so a run that was
/// killed and is started again skips what the destination already holds and never stores a document twice (each
/// store writes a batch whole or not at all). It is **verified**: counts and an order-independent checksum per table
/// of both collections, keyed by content rather than by ids (which differ between collections).
public struct CollectionMigration {
    /// Where documents come from; read only.
    public let source: any CollectionStore
    /// Where they go.
    public let destination: any CollectionStore
    /// Documents per ``CollectionStore/store(_:)`` call (one transaction on SQLite).
    public var batchSize = 100
    /// Told the progress of the copy (documents copied so far, documents to copy).
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// A migration from `source` into `destination`.
    public init(from source: any CollectionStore, to destination: any CollectionStore) {
        self.source = source
        self.destination = destination
    }

    /// What a run did and what it found.
    public struct Report: Sendable {
        /// Documents of the source.
        public var sourceDocuments = 0
        /// Documents the destination already held when the run started (a previous, interrupted run's).
        public var alreadyThere = 0
        /// Documents this run copied.
        public var copied = 0
        /// Per table: the source's and the destination's count and checksum.
        public var tables: [TableCheck] = []
        /// Whether every table's count and checksum agree.
        public var verified: Bool { !tables.isEmpty && tables.allSatisfy(\.matches) }
    }

    /// One table's figures on both sides.
    public struct TableCheck: Sendable, Equatable {
        /// The table ("documents", "layers", "near_duplicates", "document_entities", "entities", "events").
        public var table: String
        public var sourceCount: Int
        public var destinationCount: Int
        public var sourceChecksum: String
        public var destinationChecksum: String
        /// Whether count and checksum agree.
        public var matches: Bool { sourceCount == destinationCount && sourceChecksum == destinationChecksum }
    }

    /// The destination holds documents the source does not: not a copy of it (nor an interrupted one).
    public struct ForeignDocuments: Error, CustomStringConvertible {
        /// How many.
        public var count: Int
        /// The first of them, by id in the destination.
        public var example: Int64
        public var description: String {
            "the destination holds \(count) document(s) that are not in the source (document \(example) for one): "
                + "migrate into an empty collection, or into one an interrupted migrate of the same source left"
        }
    }

    /// Copies what the destination lacks, then compares both collections table by table.
    public func run() throws -> Report {
        var report = Report()
        // What the destination already holds (an interrupted run's documents), by content hash.
        var present = Set<String>()
        var foreign: [Int64] = []
        let sourceTables = try Self.fingerprint(source)
        report.sourceDocuments = sourceTables.order.count
        let sourceHashes = Set(sourceTables.order.map(\.hash))
        try destination.forEachDocument { document in
            let hash = NewsDatabase.contentHash(document.text)
            present.insert(hash)
            if !sourceHashes.contains(hash) { foreign.append(document.id) }
        }
        if let first = foreign.first { throw ForeignDocuments(count: foreign.count, example: first) }
        let missing = sourceTables.order.filter { !present.contains($0.hash) }.map(\.id)
        report.alreadyThere = sourceTables.order.count - missing.count

        for start in stride(from: 0, to: missing.count, by: batchSize) {
            let ids = Array(missing[start..<min(missing.count, start + batchSize)])
            var prepared: [PreparedDocument] = []
            prepared.reserveCapacity(ids.count)
            for id in ids {
                guard let stored = try source.document(id: id, withTokens: true) else { continue }
                prepared.append(destination.prepare(stored: stored))
            }
            let stored = try destination.store(prepared)
            report.copied += stored.added.count
            progress?(report.alreadyThere + start + ids.count, sourceTables.order.count)
        }

        let destinationTables = try Self.fingerprint(destination)
        for name in Fingerprint.tableNames {
            let (sourceCount, sourceSum) = sourceTables.tables[name] ?? (0, Checksum())
            let (destinationCount, destinationSum) = destinationTables.tables[name] ?? (0, Checksum())
            report.tables.append(TableCheck(
                table: name, sourceCount: sourceCount, destinationCount: destinationCount,
                sourceChecksum: sourceSum.hex, destinationChecksum: destinationSum.hex
            ))
        }
        return report
    }

    /// Counts and checksums of a collection's tables, by content.
    struct Fingerprint {
        static let tableNames = ["documents", "layers", "near_duplicates", "document_entities", "entities", "events"]
        /// Every document's id and content hash, in id order.
        var order: [(id: Int64, hash: String)] = []
        var tables: [String: (Int, Checksum)] = [:]

        mutating func add(_ table: String, _ fields: [String]) {
            var entry = tables[table] ?? (0, Checksum())
            entry.0 += 1
            entry.1.add(fields)
            tables[table] = entry
        }
    }

    /// Reads every document of `store` once (and its events), fingerprinting each table.
    static func fingerprint(_ store: any CollectionStore) throws -> Fingerprint {
        var result = Fingerprint()
        var hashOfID: [Int64: String] = [:]
        var entities: [String: (documents: Int, mentions: Int)] = [:]
        var links: [(document: String, original: Int64)] = []
        try store.forEachDocument { document in
            let hash = NewsDatabase.contentHash(document.text)
            hashOfID[document.id] = hash
            result.order.append((document.id, hash))
            // Seconds only: SQLite keeps milliseconds, PostgreSQL microseconds.
            let ingested = String(Int64(document.ingestedAt.timeIntervalSince1970.rounded(.down)))
            result.add("documents", [
                hash, document.externalID ?? "\u{0}", document.title ?? "\u{0}", document.text, document.url ?? "\u{0}",
                document.source ?? "\u{0}", document.published ?? "\u{0}", document.language, document.origin, ingested,
            ])
            result.add("layers", [hash, NewsDatabase.layerFingerprint(document.analysis).base64EncodedString()])
            if let original = document.duplicateOf { links.append((hash, original.id)) }
            for entity in document.entities {
                result.add("document_entities", [hash, entity.label, entity.canonical, String(entity.mentionCount)])
                let key = entity.label + "\u{1F}" + entity.canonical
                var total = entities[key] ?? (0, 0)
                total.documents += 1
                total.mentions += entity.mentionCount
                entities[key] = total
            }
        }
        for link in links {
            result.add("near_duplicates", [link.document, hashOfID[link.original] ?? "missing \(link.original)"])
        }
        for (key, total) in entities {
            result.add("entities", [key, String(total.documents), String(total.mentions)])
        }
        // Events by batches of documents (a store's reads are not nested inside its document scan).
        let ids = result.order.map(\.id)
        for start in stride(from: 0, to: ids.count, by: 500) {
            for event in try store.storedEvents(ofDocuments: Array(ids[start..<min(ids.count, start + 500)])) {
                result.add("events", [
                    hashOfID[event.documentID] ?? "missing \(event.documentID)", event.kind, event.title ?? "\u{0}", event.time ?? "\u{0}",
                    event.place ?? "\u{0}", event.participants.joined(separator: "\u{1F}"), String(event.start), String(event.end),
                ])
            }
        }
        return result
    }
}

/// An order-independent checksum of a multiset of rows: the sum (mod 2¹²⁸, as two 64-bit halves) of a 128-bit hash of
/// each row, so rows may be read in any order and a row stored twice or missing changes it.
struct Checksum: Sendable {
    private var high: UInt64 = 0
    private var low: UInt64 = 0

    mutating func add(_ fields: [String]) {
        // Two FNV-1a passes with different offsets, each finalised; fields separated by a byte no text holds.
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for field in fields {
            for byte in field.utf8 {
                a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
                b = (b ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            a = (a ^ 0xFF) &* 0x100_0000_01b3
            b = (b ^ 0xFE) &* 0x100_0000_01b3
        }
        high &+= MinHash.mix(a)
        low &+= MinHash.mix(b ^ 0x9e37_79b9_7f4a_7c15)
    }

    /// 32 hexadecimal digits.
    var hex: String {
        func padded(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return padded(high) + padded(low)
    }
}
