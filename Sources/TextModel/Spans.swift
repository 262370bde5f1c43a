/// A paragraph (one line of the text) with its language and script.
public struct Paragraph: Sendable, Equatable, Codable {
    /// Start offset in Unicode scalars of the original text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int
    /// The language identified for this paragraph.
    public var language: Language
    /// The writing system of the paragraph's letters (``Script/none`` when it has none).
    public var script: Script
    /// Creates a paragraph over `start..<end` (Unicode scalars of the original text).
    public init(start: Int, end: Int, language: Language, script: Script = .none) {
        self.start = start
        self.end = end
        self.language = language
        self.script = script
    }

    enum CodingKeys: String, CodingKey { case start, end, language, script }

    /// Decodes a paragraph; documents stored before scripts were recorded read as ``Script/none``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decode(Int.self, forKey: .start)
        end = try container.decode(Int.self, forKey: .end)
        language = try container.decode(Language.self, forKey: .language)
        script = try container.decodeIfPresent(Script.self, forKey: .script) ?? .none
    }
}

/// Language of a paragraph or document.
public enum Language: String, Sendable, Codable, CaseIterable {
    case kk, ru, en, other
}

/// Writing system of a paragraph: Kazakh is written in Cyrillic (Kazakhstan), Latin (the 2017–2021 alphabets and
/// informal schemes) and Arabic (төте жазу, read by Kazakhs in China).
public enum Script: String, Sendable, Codable, CaseIterable {
    /// Cyrillic letters only (or nearly: a Latin brand name in a Cyrillic paragraph does not make it mixed).
    case cyrillic
    /// Latin letters.
    case latin
    /// Arabic-script letters.
    case arabic
    /// No script holds 80 % of the letters (a Latin headline glued to a Cyrillic body in one line).
    case mixed
    /// No letters at all (dates, numbers, punctuation).
    case none
}

/// A sentence: a character span and the tokens it holds.
public struct Sentence: Sendable, Equatable {
    /// Start offset in Unicode scalars of the original text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int
    /// Indices into ``Document/tokens``.
    public var tokenRange: Range<Int>
    /// Creates a sentence over `start..<end` holding the tokens at `tokenRange`.
    public init(start: Int, end: Int, tokenRange: Range<Int>) {
        self.start = start
        self.end = end
        self.tokenRange = tokenRange
    }
}

/// A named-entity mention.
public struct Entity: Sendable, Equatable {
    /// The mention as written ("Алматыда").
    public var text: String
    /// KazNERD class, e.g. `PERSON`, `ORGANISATION`, `GPE`.
    public var label: EntityLabel
    /// Canonical (nominative, resolved) name of the entity.
    public var canonical: String
    /// Start offset in Unicode scalars of the original text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int
    /// Indices into ``Document/tokens`` of the mention's tokens.
    public var tokenRange: Range<Int>
    /// Roles attached to a person ("Алматы қаласының әкімі").
    public var roles: [String]
    /// Creates a mention; offsets are Unicode scalars of the original text, end exclusive.
    public init(text: String, label: EntityLabel, canonical: String, start: Int, end: Int, tokenRange: Range<Int>, roles: [String] = []) {
        self.text = text
        self.label = label
        self.canonical = canonical
        self.start = start
        self.end = end
        self.tokenRange = tokenRange
        self.roles = roles
    }
}

/// A time expression normalised to a TIMEX3 value (`XXXX-11-05T11:00`, `2016-10`, `2025-H1`).
public struct TimeExpression: Sendable, Equatable, Codable {
    /// The expression as written ("5 қарашада").
    public var text: String
    /// The TIMEX3 value (`XXXX-11-05`); read it with ``Timex``.
    public var value: String
    /// Start offset in Unicode scalars of the original text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int
    /// Creates a time expression; offsets are Unicode scalars of the original text, end exclusive.
    public init(text: String, value: String, start: Int, end: Int) {
        self.text = text
        self.value = value
        self.start = start
        self.end = end
    }
}

/// A quantity with its unit ("1,8 млрд. теңге" → 1.8e9 KZT).
public struct Amount: Sendable, Equatable, Codable {
    /// The amount as written ("1,8 млрд. теңге").
    public var text: String
    /// The number, scaled by any multiplier word ("1,8 млрд." → 1.8e9).
    public var value: Double
    /// `KZT`, `USD`, `percent`, `times`, a counted noun lemma, or nil.
    public var unit: String?
    /// `more_than`, `less_than`, `about`, `at_least`, `at_most`, `up_to` (amount-modifiers.tsv), or nil.
    public var modifier: String?
    /// Start offset in Unicode scalars of the original text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int
    /// Creates an amount; offsets are Unicode scalars of the original text, end exclusive.
    public init(text: String, value: Double, unit: String?, modifier: String?, start: Int, end: Int) {
        self.text = text
        self.value = value
        self.unit = unit
        self.modifier = modifier
        self.start = start
        self.end = end
    }
}

/// Reported speech with its speaker, when the speaker is known.
public struct Quote: Sendable, Equatable, Codable {
    /// The quoted words as written.
    public var text: String
    /// Canonical name of the speaker, or nil when the text does not say who spoke.
    public var speaker: String?
    /// Start offset in Unicode scalars of the original text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int
    enum CodingKeys: String, CodingKey { case text, speaker, start, end }

    /// Writes `speaker` as an explicit `null` when unknown, so consumers can tell "no speaker" from "not extracted".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }

    /// Creates a quote; `speaker` is nil when the text does not say who spoke.
    public init(text: String, speaker: String?, start: Int, end: Int) {
        self.text = text
        self.speaker = speaker
        self.start = start
        self.end = end
    }
}

/// A reported meeting between participants.
public struct Meeting: Sendable, Equatable, Codable {
    /// Canonical names of the participants, the subject first.
    public var participants: [String]
    /// TIMEX3 value of the meeting's time, when the text gives it.
    public var when: String?
    /// Canonical name of the place, when the text gives it.
    public var `where`: String?
    /// Start offset in Unicode scalars of the original text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int
    /// What "тараптар" ("the sides") discussed in a following sentence, as written.
    public var topic: String?
    /// Creates a meeting; offsets are Unicode scalars of the original text, end exclusive.
    public init(participants: [String], when: String?, where place: String?, start: Int, end: Int, topic: String? = nil) {
        self.participants = participants
        self.when = when
        self.where = place
        self.start = start
        self.end = end
        self.topic = topic
    }
}

/// An announced or reported event (exhibition, concert, festival, ceremony).
public struct Event: Sendable, Equatable, Codable {
    /// The event's name as written ("Наурыз мерекесі").
    public var title: String
    /// TIMEX3 value of the event's time, when the text gives it.
    public var when: String?
    /// Canonical name of the place, when the text gives it.
    public var `where`: String?
    /// Canonical names of the people and organisations taking part.
    public var participants: [String]
    /// Start offset in Unicode scalars of the original text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public var end: Int
    /// Creates an event; offsets are Unicode scalars of the original text, end exclusive.
    public init(title: String, when: String?, where place: String?, participants: [String], start: Int, end: Int) {
        self.title = title
        self.when = when
        self.where = place
        self.participants = participants
        self.start = start
        self.end = end
    }
}
