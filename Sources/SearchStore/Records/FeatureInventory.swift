/// The feature=value pairs a stored token layer refers to by position (``TokenLayer``), most frequent first.
///
/// Part of the storage format: **append only**. A stored blob names a pair by its position here, so an entry is
/// never removed, reordered or edited; a pair that is missing is written out in full and still reads back.
/// The list is the pairs Tilshi's morphology gave on KazNERD's sentences, by frequency, then those of UD Kazakh KTB.
enum FeatureInventory {
    static let pairs: [String] = [
        "Case=Nom", "Number[psor]=Plur,Sing", "Person[psor]=3", "Number=Sing", "Person=3", "VerbForm=Fin",
        "Mood=Ind", "Number=Plur", "Tense=Past", "NumType=Card", "Case=Dat", "Case=Loc", "Case=Gen", "Case=Acc",
        "VerbForm=Ger", "Aspect=Perf", "Tense=Pres", "VerbForm=Part", "Voice=Pass", "Aspect=Hab", "VerbForm=Conv",
        "PronType=Dem", "VerbForm=Inf", "Case=Abl", "PronType=Prs", "Person=1", "Aspect=Imp", "Person[psor]=1",
        "NumType=Ord", "Case=Ins", "Polarity=Neg", "Number[psor]=Plur", "Number[psor]=Sing", "Tense=Fut",
        "Voice=Rcp", "Polite=Form", "Mood=Cnd", "Reflex=Yes", "Person=2", "PronType=Tot", "PronType=Ind",
        "Gender=Masc", "PronType=Int", "Mood=Pot", "Person[psor]=2", "Mood=Imp", "Evident=Fh", "Mood=Des",
        "Mood=Opt", "NumType=Card,Ord", "PronType=Neg", "NumType=Coll", "Gender=Fem", "Degree=Cmp",
    ]

    /// Position of each pair in ``pairs``.
    static let position: [String: Int] = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ($1, $0) })
}
