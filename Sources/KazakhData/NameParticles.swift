/// Particles inside foreign personal names ("ван", "дер", "фон"), loaded from `Resources/name-particles.tsv`.
public enum NameParticles {
    /// Lower-case particles.
    public static let all: Set<String> = Set(DataFile.requiredRows("name-particles.tsv").compactMap(\.first))
}
