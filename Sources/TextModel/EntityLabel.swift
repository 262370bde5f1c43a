/// The class of a named-entity mention: one of KazNERD's 25 classes, or a label another tagger wrote
/// ("ORGANIZATION", "WORK_OF_ART"), kept as it came.
///
/// Stored and encoded as its raw string (`"PERSON"`), exactly as the label was written before it had a type, so
/// JSON output and database rows do not change. The predicates that say which labels are names, places or
/// organisations live here and nowhere else.
public struct EntityLabel: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The label as written (`"PERSON"`); what JSON and database rows hold.
    public let rawValue: String

    /// Wraps a label as written, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a label as written, known or not.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Lets a label be written as a string literal (`"PERSON"`).
    public init(stringLiteral value: String) { rawValue = value }

    /// Decodes a label from its bare string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the label as its bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The raw label (`PERSON`).
    public var description: String { rawValue }

    /// Orders labels by their raw strings.
    public static func < (lhs: EntityLabel, rhs: EntityLabel) -> Bool { lhs.rawValue < rhs.rawValue }

    // KazNERD's 25 classes (Yeshpanov et al., LREC 2022), in the order the entity model stores them.
    /// A person ("Қасым-Жомарт Тоқаев").
    public static let person: EntityLabel = "PERSON"
    /// An organisation (ministry, company, party, club).
    public static let organisation: EntityLabel = "ORGANISATION"
    /// A geopolitical entity: country, region, city ("Алматы").
    public static let gpe: EntityLabel = "GPE"
    /// A geographic location that is not a polity (mountain, river, lake).
    public static let location: EntityLabel = "LOCATION"
    /// A building or structure (airport, stadium, bridge).
    public static let facility: EntityLabel = "FACILITY"
    /// A post or title ("әкім", "министр").
    public static let position: EntityLabel = "POSITION"
    /// A named event (forum, festival, war).
    public static let event: EntityLabel = "EVENT"
    /// A named project or programme.
    public static let project: EntityLabel = "PROJECT"
    /// A work of art (book, film, song).
    public static let art: EntityLabel = "ART"
    /// A law, code or other legal act.
    public static let law: EntityLabel = "LAW"
    /// A date or period ("2025 жылғы 5 қараша").
    public static let date: EntityLabel = "DATE"
    /// A time of day ("сағат 11:00").
    public static let time: EntityLabel = "TIME"
    /// A sum of money ("1,8 млрд. теңге").
    public static let money: EntityLabel = "MONEY"
    /// A percentage ("15%").
    public static let percentage: EntityLabel = "PERCENTAGE"
    /// A measured quantity with a unit ("50 км").
    public static let quantity: EntityLabel = "QUANTITY"
    /// A cardinal number that fits no other value class.
    public static let cardinal: EntityLabel = "CARDINAL"
    /// An ordinal number ("бірінші", "5-ші").
    public static let ordinal: EntityLabel = "ORDINAL"
    /// A nationality, religious or political group ("қазақ").
    public static let norp: EntityLabel = "NORP"
    /// A language ("қазақ тілі").
    public static let language: EntityLabel = "LANGUAGE"
    /// A product or brand.
    public static let product: EntityLabel = "PRODUCT"
    /// A disease ("COVID-19").
    public static let disease: EntityLabel = "DISEASE"
    /// A proverb or saying, kept as written.
    public static let adage: EntityLabel = "ADAGE"
    /// Contact details: a phone number, e-mail or web address.
    public static let contact: EntityLabel = "CONTACT"
    /// A named animal or other non-human being.
    public static let nonHuman: EntityLabel = "NON_HUMAN"
    /// KazNERD's catch-all class for names that fit no other.
    public static let miscellaneous: EntityLabel = "MISCELLANEOUS"

    // Labels of other taggers and gazetteers that the resolvers accept beside KazNERD's.
    /// The US spelling of ``organisation``.
    public static let organization: EntityLabel = "ORGANIZATION"
    /// Another tagger's label for a work of art; see ``art``.
    public static let workOfArt: EntityLabel = "WORK_OF_ART"
    /// Another tagger's label for a prize or award.
    public static let award: EntityLabel = "AWARD"

    /// The 25 KazNERD classes, in the order the entity model stores them.
    public static let kazNERD: [EntityLabel] = [
        .person, .organisation, .gpe, .location, .facility, .position, .event, .project, .art, .law,
        .date, .time, .money, .percentage, .quantity, .cardinal, .ordinal, .norp, .language, .product,
        .disease, .adage, .contact, .nonHuman, .miscellaneous,
    ]

    /// Numbers, dates, times and amounts: KazNERD's value classes, recognised by their shape, not by name.
    public static let values: [EntityLabel] = [.cardinal, .ordinal, .date, .time, .money, .percentage, .quantity]

    /// One of ``values``.
    public var isValue: Bool { Self.valueSet.contains(self) }
    private static let valueSet = Set(values)

    /// Names (people, places, organisations, works…), as opposed to values, contacts and the miscellaneous class,
    /// which make poor chips and facets.
    public var isName: Bool { !isValue && self != .contact && self != .miscellaneous }

    /// Values, contacts and adages: a mention's canonical form is its text, with no nominative to find.
    public var isLiteral: Bool { isValue || self == .contact || self == .adage }

    /// KazNERD classes worth remembering by name in the entity lexicon: every class but the literal ones.
    public var isLexiconClass: Bool { Self.kazNERDSet.contains(self) && !isLiteral }
    private static let kazNERDSet = Set(kazNERD)

    /// Names that inflect and are resolved to one nominative (people, places, organisations, facilities, events,
    /// works…), KazNERD's and other taggers' labels alike.
    public var isInflectingName: Bool { Self.inflectingNames.contains(self) }
    private static let inflectingNames: Set<EntityLabel> = [
        .person, .gpe, .location, .organisation, .organization, .facility, .event, .norp, .product, .workOfArt, .law,
        .language, .project, .nonHuman, .position, .award,
    ]

    /// An organisation, in either spelling.
    public var isOrganisation: Bool { self == .organisation || self == .organization }

    /// A place: a geopolitical entity, a location or a facility.
    public var isPlace: Bool { self == .gpe || self == .location || self == .facility }
}
