import Pipeline
import TextModel

// Analyse one sentence with the default Kazakh pipeline and print what it found, with character offsets.
let text = "Алматы қаласының әкімі Бауыржан Байбек Пьер Кабаремен кездесті."
let document = Pipeline.default.analyze(id: "example", text: text)

for entity in document.entities {
    print(entity.label, entity.canonical, entity.start, entity.end, entity.roles.joined(separator: "; "))
}
for meeting in document.meetings {
    print("meeting:", meeting.participants.joined(separator: " + "))
}
