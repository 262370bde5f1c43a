public import Foundation

/// Why a NER model file could not be loaded; the message names the file.
public struct EntityModelError: Error, CustomStringConvertible, Equatable {
    /// The model file that failed to load.
    public let path: String
    /// What is wrong with it (no such file, unreadable, a bad header or checksum…).
    public let reason: String
    /// Creates an error for the model file at `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    /// `path: reason`, for a one-line report.
    public var description: String { "\(path): \(reason)" }
}

/// A trained NER model: BIO tags, tag-transition weights and sparse, quantised feature weights.
///
/// Tag 0 is `O`; class `c` has `B-` at `1 + 2c` and `I-` at `2 + 2c`, so the decoder can tell which
/// transitions are valid (an `I-X` only after `B-X` or `I-X`) without string work.
///
/// ## File format (little-endian)
/// `TLSNER01`, feature-set version (u32), tag-name block (u32 byte count + UTF-8, one name per line),
/// weight scale (f32), start weights (T × f32), transition weights (T × T × f32), feature count F (u32),
/// sorted feature ids (F × u32), entry offsets ((F + 1) × u32), entry tags (E × u8), entry weights (E × i16),
/// the training-name lexicon (u32 count, then per name: class mask u32, word count u8, stem hashes u64 each),
/// and an FNV-1a checksum (u64) of everything before it.
public struct EntityModel: Sendable {
    static let magic = Array("TLSNER02".utf8)

    /// The class names, in tag order (`PERSON`, `ORGANISATION`, …).
    public let classes: [String]
    /// Number of BIO tags: `O` plus a `B-` and an `I-` tag per class.
    public var tagCount: Int { 1 + 2 * classes.count }
    /// Score of starting a sentence with each tag.
    let start: [Float]
    /// `transitions[previous * tagCount + current]`.
    let transitions: [Float]
    /// `start` and `transitions` laid out for the decoder.
    let decoderTransitions: BIOViterbi.Transitions
    let scale: Float
    let featureIDs: [UInt32]
    let entryOffsets: [UInt32]
    let entryTags: [UInt8]
    let entryWeights: [Int16]
    /// Names seen in training, matched as features.
    let lexicon: EntityLexicon
    /// The feature-set version the model was trained with (``EntityFeatures/supportedVersions``).
    public let featureVersion: UInt32
    /// Open-addressing index from feature id to its weights: key, first entry and entry count side by side,
    /// and each entry packs its tag and weight into one word, so a lookup touches two cache lines, not five.
    let slots: [Slot]
    let packedEntries: [Int32]
    let slotMask: Int

    /// 8 bytes: the feature id, and its first entry (high 24 bits) with its entry count (low 8 bits).
    struct Slot {
        var key: UInt32 = 0
        var startAndCount: UInt32 = 0
    }

    /// The BIO tag name of a tag index.
    public func tagName(_ tag: Int) -> String {
        tag == 0 ? "O" : (tag % 2 == 1 ? "B-" : "I-") + classes[(tag - 1) / 2]
    }

    /// The tag index of a BIO tag name, or nil for an unknown class.
    public func tagIndex(_ name: String) -> Int? {
        if name == "O" { return 0 }
        guard name.count > 2, let c = classes.firstIndex(of: String(name.dropFirst(2))) else { return nil }
        return name.hasPrefix("B-") ? 1 + 2 * c : 2 + 2 * c
    }

    package init(classes: [String], start: [Float], transitions: [Float], scale: Float,
         featureIDs: [UInt32], entryOffsets: [UInt32], entryTags: [UInt8], entryWeights: [Int16], lexicon: EntityLexicon,
         featureVersion: UInt32 = EntityFeatures.version) {
        self.lexicon = lexicon
        self.featureVersion = featureVersion
        self.classes = classes
        self.start = start
        self.transitions = transitions
        self.decoderTransitions = BIOViterbi.Transitions(start: start, transitions: transitions, tagCount: 1 + 2 * classes.count)
        self.scale = scale
        self.featureIDs = featureIDs
        self.entryOffsets = entryOffsets
        self.entryTags = entryTags
        self.entryWeights = entryWeights
        var capacity = 16
        while capacity < featureIDs.count + featureIDs.count / 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        let mask = capacity - 1
        for (index, id) in featureIDs.enumerated() {
            var slot = Int(id) & mask
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: id, startAndCount: entryOffsets[index] << 8 | (entryOffsets[index + 1] - entryOffsets[index]))
        }
        self.slots = slots
        self.packedEntries = zip(entryTags, entryWeights).map { Int32($1) << 16 | Int32($0) }
        self.slotMask = mask
    }

    /// Number of stored (feature, tag) weights.
    public var weightCount: Int { entryWeights.count }

    /// ``accumulate(_:into:scratch:)`` for a whole sentence: the features of token `i`,
    /// `ids[offsets[i]..<offsets[i + 1]]`, go into row `i` of `scores` (`tagCount` wide).
    ///
    /// Every home slot of the sentence is read before any probing, so far more independent loads overlap than
    /// within one token's two dozen features. Each row is summed in the same order as one-token calls, so the
    /// scores are bit-identical.
    func accumulate(sentence ids: [UInt32], offsets: [Int], into scores: UnsafeMutablePointer<Float>, scratch: inout [Slot]) {
        // Left uninitialised (a plain 8-byte struct): the first loop below writes every slot it later reads, and the
        // tagger gets a fresh scratch for each sentence, so zeroing it was pure overhead.
        if scratch.count < ids.count {
            let count = ids.count * 2
            scratch = [Slot](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
        let tagCount = self.tagCount
        slots.withUnsafeBufferPointer { slots in
            packedEntries.withUnsafeBufferPointer { entries in
                scratch.withUnsafeMutableBufferPointer { found in
                    ids.withUnsafeBufferPointer { ids in
                        for k in 0..<ids.count { found[k] = slots[Int(ids[k]) & slotMask] }
                        // A feature the model does not know keeps an empty slot: no entries.
                        for k in 0..<ids.count {
                            let id = ids[k]
                            var slot = Int(id) & slotMask
                            var candidate = found[k]
                            while candidate.key != id, candidate.key != 0 {
                                slot = (slot + 1) & slotMask
                                candidate = slots[slot]
                            }
                            found[k] = candidate.key == id ? candidate : Slot()
                            // Load the feature's first weight now, while the other lookups are in flight: the weight
                            // lists lie scattered over the table, and the summing loop below used to stall on each
                            // one in turn. The key is not needed past this point, so it keeps the loaded value (a
                            // load whose result is unused would be dropped by the compiler).
                            if candidate.key == id {
                                found[k].key = UInt32(bitPattern: entries[Int(candidate.startAndCount >> 8)])
                            }
                        }
                        for i in 0..<(offsets.count - 1) {
                            let row = scores + i * tagCount
                            for k in offsets[i]..<offsets[i + 1] {
                                let start = Int(found[k].startAndCount >> 8)
                                for entry in entries[start..<(start + Int(found[k].startAndCount & 0xFF))] {
                                    row[Int(entry & 0xFF)] += Float(entry >> 16) * scale
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds the weights of the given features to `scores` (one slot per tag).
    ///
    /// Two passes: first every feature's home slot is read (independent loads the CPU overlaps), then probing
    /// and the weight sums run over slots already in cache. The tagger is memory-bound, so this matters.
    @inline(__always)
    func accumulate(_ ids: ArraySlice<UInt32>, into scores: UnsafeMutablePointer<Float>, scratch: inout [Slot]) {
        if scratch.count < ids.count { scratch = [Slot](repeating: Slot(), count: ids.count * 2) }
        slots.withUnsafeBufferPointer { slots in
            packedEntries.withUnsafeBufferPointer { entries in
                scratch.withUnsafeMutableBufferPointer { home in
                    for (k, id) in ids.enumerated() { home[k] = slots[Int(id) & slotMask] }
                    for (k, id) in ids.enumerated() {
                        var found = home[k]
                        var slot = Int(id) & slotMask
                        while found.key != id {
                            if found.key == 0 { break }
                            slot = (slot + 1) & slotMask
                            found = slots[slot]
                        }
                        guard found.key == id else { continue }
                        let start = Int(found.startAndCount >> 8)
                        for entry in entries[start..<(start + Int(found.startAndCount & 0xFF))] {
                            scores[Int(entry & 0xFF)] += Float(entry >> 16) * scale
                        }
                    }
                }
            }
        }
    }
}

extension EntityModel {
    /// Serialises the model in the documented binary format.
    public func serialized() -> Data {
        var out = ByteWriter()
        out.bytes(Self.magic)
        out.u32(featureVersion)
        let names = Array(classes.joined(separator: "\n").utf8)
        out.u32(UInt32(names.count))
        out.bytes(names)
        out.f32(scale)
        for value in start { out.f32(value) }
        for value in transitions { out.f32(value) }
        out.u32(UInt32(featureIDs.count))
        for id in featureIDs { out.u32(id) }
        for offset in entryOffsets { out.u32(offset) }
        out.bytes(entryTags)
        for weight in entryWeights { out.u16(UInt16(bitPattern: weight)) }
        out.u32(UInt32(lexicon.entries.count))
        for entry in lexicon.entries {
            out.u32(entry.classMask)
            out.bytes([UInt8(entry.words.count)])
            for word in entry.words { out.u64(word) }
        }
        out.u64(ByteWriter.checksum(out.data))
        return Data(out.data)
    }

    /// Loads a model file, or throws an ``EntityModelError`` saying what is wrong with it.
    public init(contentsOf url: URL) throws(EntityModelError) {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw EntityModelError(path: path, reason: "no such NER model file (train one with `tilshi train ner`)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EntityModelError(path: path, reason: "cannot read the NER model file")
        }
        try self.init(data: data, path: path)
    }

    /// Parses a serialised model; `path` only names the source in errors.
    public init(data: Data, path: String) throws(EntityModelError) {
        func fail(_ reason: String) -> EntityModelError { EntityModelError(path: path, reason: reason) }
        let bytes = [UInt8](data)
        guard bytes.count >= Self.magic.count + 8, Array(bytes.prefix(Self.magic.count)) == Self.magic else {
            throw fail("not a Tilshi NER model (bad magic number)")
        }
        let body = bytes[..<(bytes.count - 8)]
        var tail = ByteReader(bytes: bytes, position: bytes.count - 8)
        guard let stored = tail.u64(), stored == ByteWriter.checksum(body) else {
            throw fail("corrupt NER model (checksum mismatch; the file is truncated or damaged)")
        }
        var reader = ByteReader(bytes: Array(body), position: Self.magic.count)
        guard let version = reader.u32() else { throw fail("corrupt NER model (truncated header)") }
        guard EntityFeatures.supportedVersions.contains(version) else {
            throw fail("NER model has feature-set version \(version), this build needs \(EntityFeatures.supportedVersions.lowerBound)–\(EntityFeatures.supportedVersions.upperBound); retrain it")
        }
        guard let nameLength = reader.u32(), let nameBytes = reader.bytes(Int(nameLength)),
              let names = String(validating: nameBytes, as: UTF8.self), let scale = reader.f32()
        else { throw fail("corrupt NER model (truncated header)") }
        let classes = names.split(separator: "\n").map(String.init)
        let tagCount = 1 + 2 * classes.count
        guard tagCount <= 255 else { throw fail("corrupt NER model (too many classes)") }
        guard let start = reader.f32s(tagCount), let transitions = reader.f32s(tagCount * tagCount),
              let featureCount = reader.u32().map(Int.init), let ids = reader.u32s(featureCount),
              let offsets = reader.u32s(featureCount + 1), let entryCount = offsets.last.map(Int.init),
              let tags = reader.bytes(entryCount), let weights = reader.u16s(entryCount), let lexiconCount = reader.u32()
        else { throw fail("corrupt NER model (truncated or inconsistent sections)") }
        var entries: [EntityLexicon.Entry] = []
        for _ in 0..<lexiconCount {
            guard let mask = reader.u32(), let length = reader.bytes(1)?.first, length > 0,
                  let words = reader.u64s(Int(length)) else { throw fail("corrupt NER model (truncated lexicon)") }
            entries.append(.init(words: words, classMask: mask))
        }
        guard reader.isAtEnd else { throw fail("corrupt NER model (unexpected bytes after the lexicon)") }
        guard tags.allSatisfy({ Int($0) < tagCount }), zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              Set(ids).count == ids.count, !ids.contains(0), entryCount < 1 << 24
        else { throw fail("corrupt NER model (inconsistent weight table)") }
        self.init(classes: classes, start: start, transitions: transitions, scale: scale, featureIDs: ids,
                  entryOffsets: offsets, entryTags: tags, entryWeights: weights.map { Int16(bitPattern: $0) },
                  lexicon: EntityLexicon(entries: entries), featureVersion: version)
    }
}

/// Little-endian writer for the model format.
struct ByteWriter {
    var data: [UInt8] = []
    mutating func bytes(_ values: [UInt8]) { data.append(contentsOf: values) }
    mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func f32(_ value: Float) { u32(value.bitPattern) }

    static func checksum<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

/// Little-endian reader for the model format; every read returns nil past the end.
struct ByteReader {
    let bytes: [UInt8]
    var position: Int
    var isAtEnd: Bool { position == bytes.count }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, position + count <= bytes.count else { return nil }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    private mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard position + size <= bytes.count else { return nil }
        var value: T = 0
        for k in 0..<size { value |= T(bytes[position + k]) << (8 * k) }
        position += size
        return value
    }

    private mutating func integers<T: FixedWidthInteger>(_: T.Type, _ count: Int) -> [T]? {
        let size = MemoryLayout<T>.size
        guard count >= 0, position + count * size <= bytes.count else { return nil }
        var result = [T](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            result.withUnsafeMutableBytes { target in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[position..<(position + count * size)]))
            }
        }
        position += count * size
        return result.map { T(littleEndian: $0) }
    }

    mutating func u32() -> UInt32? { integer(UInt32.self) }
    mutating func u64() -> UInt64? { integer(UInt64.self) }
    mutating func f32() -> Float? { u32().map(Float.init(bitPattern:)) }
    mutating func u16s(_ count: Int) -> [UInt16]? { integers(UInt16.self, count) }
    mutating func u32s(_ count: Int) -> [UInt32]? { integers(UInt32.self, count) }
    mutating func u64s(_ count: Int) -> [UInt64]? { integers(UInt64.self, count) }
    mutating func f32s(_ count: Int) -> [Float]? { u32s(count)?.map(Float.init(bitPattern:)) }
}
