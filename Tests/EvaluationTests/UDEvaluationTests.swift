import Evaluation
import Formats
import Foundation
import Testing

/// The CoNLL 2018 accuracy arithmetic on a tiny hand-made file.
@Suite struct UDEvaluationTests {
    static let gold = """
        # text = Біздің елде сізге қарайды.
        1\tБіздің\tбіз\tPRON\tprn\tCase=Gen|Number=Plur|Person=1|PronType=Prs\t2\tnmod:poss\t_\t_
        2\tелде\tел\tNOUN\tn\tCase=Loc\t4\tobl\t_\t_
        3\tсізге\tсіз\tPRON\tprn\tCase=Dat|Number[psor]=Sing|Person=2\t4\tobl\t_\t_
        4\tқарайды\tқара\tVERB\tv\tAspect=Hab|Tense=Pres\t0\troot\t_\tSpaceAfter=No
        5\t.\t.\tPUNCT\tsent\t_\t4\tpunct\t_\t_

        """

    // Wrong: lemma of word 2, UPOS of word 4, features of word 4; word 3 differs only in a layered
    // feature (Number[psor]), which UFeats ignores.
    static let system = """
        1\tБіздің\tбіз\tPRON\t_\tCase=Gen|Number=Plur|Person=1|PronType=Prs\t_\t_\t_\t_
        2\tелде\tелде\tNOUN\t_\tCase=Loc\t_\t_\t_\t_
        3\tсізге\tсіз\tPRON\t_\tCase=Dat|Person=2\t_\t_\t_\t_
        4\tқарайды\tқара\tAUX\t_\tTense=Pres\t_\t_\t_\t_
        5\t.\t.\tPUNCT\t_\t_\t_\t_\t_\t_

        """

    @Test func accuracyCountsEveryWordIncludingPunctuation() throws {
        let scores = try UDEvaluation.score(gold: CoNLLU.parse(Self.gold), system: CoNLLU.parse(Self.system))
        #expect(scores.words == 5)
        #expect(scores.lemma == 4)
        #expect(scores.upos == 4)
        #expect(scores.ufeats == 4)
        #expect(scores.allTags == 3)
        #expect(scores.lemmaAccuracy == 0.8)
        let doubled = scores + scores
        #expect(doubled.words == 10 && doubled.ufeatsAccuracy == 0.8)
    }

    @Test func universalFeaturesDropLayeredOnes() {
        #expect(UDEvaluation.universalFeatures("Case=Nom|Number[psor]=Plur,Sing|Person[psor]=3") == ["Case=Nom"])
        #expect(UDEvaluation.universalFeatures("_").isEmpty)
        #expect(UDEvaluation.universalFeatures("Tense=Past|Mood=Ind") == ["Mood=Ind", "Tense=Past"])
    }

    @Test func mismatchedTokensAreAnError() throws {
        let other = Self.system.replacingOccurrences(of: "елде\tелде", with: "елге\tел")
        #expect(throws: UDEvaluation.MismatchError.self) {
            try UDEvaluation.score(gold: CoNLLU.parse(Self.gold), system: CoNLLU.parse(other))
        }
    }
}
