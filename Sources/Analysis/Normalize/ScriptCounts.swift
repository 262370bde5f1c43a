/// Letter counts of one word, by script, for deciding a homoglyph repair.
struct ScriptCounts {
    var latinDistinct = 0, latinAll = 0, cyrillicDistinct = 0, cyrillicAll = 0
    /// Script runs inside the word: a word that is one Latin run followed by one Cyrillic run (or the reverse),
    /// both of two letters or more, is a foreign stem with a suffix ("SMSке"), not a typo.
    private var runs = 0, firstRun = 0, currentRun = 0
    private var lastWasLatin: Bool?

    mutating func add(latin: Bool, distinct: Bool) {
        if latin {
            latinAll += 1
            if distinct { latinDistinct += 1 }
        } else {
            cyrillicAll += 1
            if distinct { cyrillicDistinct += 1 }
        }
        if lastWasLatin == latin {
            currentRun += 1
        } else {
            if runs == 1 { firstRun = currentRun }
            runs += 1
            currentRun = 1
            lastWasLatin = latin
        }
    }

    /// True to repair towards Cyrillic, false towards Latin, nil to leave the word alone. The majority script
    /// is the one with more letters that have no look-alike, then with more letters; the minority's letters must
    /// all have a look-alike (otherwise the word really mixes scripts, as in "IDCмен").
    var repairTarget: Bool? {
        if runs == 2 && firstRun >= 2 && currentRun >= 2 { return nil }
        let toCyrillic: Bool
        if cyrillicDistinct != latinDistinct {
            toCyrillic = cyrillicDistinct > latinDistinct
        } else if cyrillicAll != latinAll {
            toCyrillic = cyrillicAll > latinAll
        } else {
            return nil
        }
        return (toCyrillic ? latinDistinct : cyrillicDistinct) == 0 ? toCyrillic : nil
    }
}
