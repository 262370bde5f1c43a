import Foundation
import Testing
import TextModel

@Suite struct EntityLabelTests {
    @Test func encodesAsTheSameRawString() throws {
        let entity = Entity(text: "Алматыда", label: .gpe, canonical: "Алматы", start: 0, end: 8, tokenRange: 0..<1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(entity), as: UTF8.self)
        #expect(json.contains("\"label\":\"GPE\""))
        let decoded = try JSONDecoder().decode(Entity.self, from: Data(json.utf8))
        #expect(decoded.label == .gpe && decoded == entity)
        // A label of another tagger survives as written.
        let other = try JSONDecoder().decode(EntityLabel.self, from: Data("\"WORK_OF_ART\"".utf8))
        #expect(other == .workOfArt && other.rawValue == "WORK_OF_ART" && "\(other)" == "WORK_OF_ART")
    }

    @Test func kazNERDHasItsTwentyFiveClasses() {
        #expect(EntityLabel.kazNERD.count == 25 && Set(EntityLabel.kazNERD).count == 25)
        #expect(EntityLabel.kazNERD.first == .person && EntityLabel.kazNERD.last == .miscellaneous)
    }

    @Test func predicates() {
        #expect(EntityLabel.person.isName && EntityLabel.gpe.isName && EntityLabel.adage.isName)
        #expect(!EntityLabel.cardinal.isName && !EntityLabel.contact.isName && !EntityLabel.miscellaneous.isName)
        #expect(EntityLabel.date.isValue && EntityLabel.date.isLiteral && EntityLabel.adage.isLiteral)
        #expect(EntityLabel.miscellaneous.isLexiconClass && !EntityLabel.adage.isLexiconClass)
        #expect(EntityLabel.kazNERD.filter(\.isLexiconClass).count == 16)
        #expect(EntityLabel.organization.isOrganisation && EntityLabel.organisation.isOrganisation)
        #expect(EntityLabel.facility.isPlace && !EntityLabel.organisation.isPlace)
        #expect(EntityLabel.award.isInflectingName && !EntityLabel.date.isInflectingName)
    }
}
