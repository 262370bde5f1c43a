/// The class of a named-entity mention: one of KazNERD's 25 classes, or a label another tagger wrote
/// ("ORGANIZATION", "WORK_OF_ART"), kept as it came.
///
/// Stored and encoded as its raw string (`"PERSON"`), exactly as the label was written before it had a type, so
/// JSON output and database rows do not change. The predicates that say which labels are names, places or
/// organisations live here and nowhere else.
public struct EntityLabel: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: EntityLabel, rhs: EntityLabel) -> Bool { lhs.rawValue < rhs.rawValue }

    // KazNERD's 25 classes (Yeshpanov et al., LREC 2022), in the order the entity model stores them.
    public static let person: EntityLabel = "PERSON"
    public static let organisation: EntityLabel = "ORGANISATION"
    public static let gpe: EntityLabel = "GPE"
    public static let location: EntityLabel = "LOCATION"
    public static let facility: EntityLabel = "FACILITY"
    public static let position: EntityLabel = "POSITION"
    public static let event: EntityLabel = "EVENT"
    public static let project: EntityLabel = "PROJECT"
    public static let art: EntityLabel = "ART"
    public static let law: EntityLabel = "LAW"
    public static let date: EntityLabel = "DATE"
    public static let time: EntityLabel = "TIME"
    public static let money: EntityLabel = "MONEY"
    public static let percentage: EntityLabel = "PERCENTAGE"
    public static let quantity: EntityLabel = "QUANTITY"
    public static let cardinal: EntityLabel = "CARDINAL"
    public static let ordinal: EntityLabel = "ORDINAL"
    public static let norp: EntityLabel = "NORP"
    public static let language: EntityLabel = "LANGUAGE"
    public static let product: EntityLabel = "PRODUCT"
    public static let disease: EntityLabel = "DISEASE"
    public static let adage: EntityLabel = "ADAGE"
    public static let contact: EntityLabel = "CONTACT"
    public static let nonHuman: EntityLabel = "NON_HUMAN"
    public static let miscellaneous: EntityLabel = "MISCELLANEOUS"

    // Labels of other taggers and gazetteers that the resolvers accept beside KazNERD's.
    /// The US spelling of ``organisation``.
    public static let organization: EntityLabel = "ORGANIZATION"
    public static let workOfArt: EntityLabel = "WORK_OF_ART"
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
