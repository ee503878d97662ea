import Foundation
import Testing

@testable import SanadCore

@Suite("Identity name keys")
struct IdentityNameKeysTests {
    /// Every spelling in a group must give the same parts as the first.
    @Test(arguments: [
        // The issue's own examples, across scripts.
        ["Mohamed Abdalla", "Muhammad Abdullah", "محمد عبدالله", "MOHAMMED ABDALLAH", "محمد عبد الله"],
        ["Tesfay Gebremariam", "Tesfaye G/Mariam", "ተስፋይ ገብረማርያም", "ተስፋይ ገ/ማርያም", "Tesfai Ghebremariam"],
        ["Tesfay Gebre-Mariam", "Tesfay Gebre Mariam", "Tesfay G/ Mariam"],
        ["Weldemichael Habtom", "Woldemichael Habtom", "W/Michael Habtom", "ወልደሚካኤል ሃብቶም", "ወ/ሚካኤል ሃብቶም"],
        ["Gebrehiwet", "G/Hiwet", "ገብረሕይወት", "ገ/ሕይወት"],
        // abd al / abdel / abdul.
        ["Abdelrahman", "Abdel Rahman", "Abd al-Rahman", "Abdulrahman", "Abdalrahman", "Abderahmane", "عبد الرحمن"],
        ["Abdelgadir", "Abdulqadir", "Abdoulkader", "Abdel Gadir", "عبد القادر"],
        // el- / al- prefixes.
        ["Elamin", "Al-Amin", "El Amin", "Alamin", "الأمين"],
        ["Elsadig", "Al Sadig", "Elsadiq", "الصادق"],
        ["Nasreldin", "Nasr Eldin", "Nasr El-Din", "Nasr el Din", "نصر الدين"],
        ["Abubakar", "Abu Bakr", "Abubaker", "أبو بكر"],
        // Vowels, doubled letters, ou/u, ee/i, e/a, case, diacritics, spacing.
        ["Mohamed", "Mohammed", "Muhammad", "Mohamad", "Mahamat", "محمد", "مُحَمَّد"],
        ["Yousif", "Yusuf", "Yousef", "يوسف"],
        ["Amira", "Ameera"],
        ["Omer", "Omar", "Umar", "عمر"],
        ["Ahmed", "Ahmad", "Ahmat", "أحمد", "احمد"],
        ["Fatima", "FATIMA", "  fatima  ", "Fatimé", "فاطمة", "فاطمه"],
        ["Osman", "Othman", "Usman", "Ousmane", "عثمان"],
        ["Hussein", "Hussien", "Husain", "حسين"],
        // Ge'ez letter variants and the Tigrinya/Amharic spellings of one name.
        ["Hagos", "ሓጎስ", "ሐጎስ"],
        ["Yohannes", "Yohanes", "ዮሃንስ", "ዮሐንስ"],
        // Somali orthography against English spelling.
        ["Ali", "Cali"],
        ["Hassan", "Xasan"],
        // Arabic has no "ch": Sudanese clerks write تش.
        ["Achol", "Acol", "اتشول"],
        ["Chol", "تشول"],
        // Ge'ez compounds written in Arabic script by ear, split or joined; و read as a vowel or as w.
        ["Tesfamariam", "Tesfa Mariam", "تسفا مريام", "تيسفاماريام"],
        ["Gebremichael", "قبري ميكائيل"],
        ["Dawit", "داويت", "دويت"],
    ])
    func spellingsOfOneNameGiveTheSameParts(spellings: [String]) {
        let expected = NameKeys.parts(spellings[0])
        #expect(!expected.isEmpty)
        for spelling in spellings.dropFirst() {
            let parts = NameKeys.nameParts(spelling)
            let reference = NameKeys.nameParts(spellings[0])
            #expect(parts.count == reference.count, "\(spelling)")
            for (part, other) in zip(parts, reference) {
                #expect(part.sharesReading(with: other), "\(spelling) against \(spellings[0])")
            }
        }
    }

    @Test func primarySkeletonsOfEquivalentFormsAreEqual() {
        #expect(NameKeys.parts("محمد عبدالله") == NameKeys.parts("Muhammad Abdullah"))
        #expect(NameKeys.parts("ተስፋይ ገብረማርያም") == NameKeys.parts("Tesfaye G/Mariam"))
        #expect(NameKeys.parts("Tesfay Gebremariam").count == 2)
    }

    @Test(arguments: [
        ("Mohamed", "Ahmed"), ("Tesfay", "Tekle"), ("Hassan", "Hashim"), ("Yonas", "Yohannes"), ("Selam", "Senait"),
        ("Gebremariam", "Gebremedhin"), ("Weldemichael", "Weldemariam"),
    ])
    func differentNamesGiveDifferentParts(first: String, second: String) {
        let a = NameKeys.nameParts(first)
        let b = NameKeys.nameParts(second)
        #expect(a.count == 1 && b.count == 1)
        #expect(!a[0].sharesReading(with: b[0]))
    }

    @Test func namesSharingASkeletonAreToldApartByTheirVowels() {
        let selam = NameKeys.nameParts("Selam")[0]
        let salma = NameKeys.nameParts("Salma")[0]
        #expect(selam.skeleton == salma.skeleton)
        #expect(MatchScorer.similarity(selam, salma) < MatchScorer.similarity(selam, NameKeys.nameParts("Salam")[0]))
        #expect(MatchScorer.similarity(selam, NameKeys.nameParts("ሰላም")[0]) == 1)
    }

    @Test func connectivesAndInitialsAreNotNameParts() {
        #expect(NameKeys.parts("Mohamed wad Ahmed") == NameKeys.parts("Mohamed Ahmed"))
        #expect(NameKeys.parts("Ali bin Hassan") == NameKeys.parts("Ali Hassan"))
        #expect(NameKeys.parts("W/ro Almaz Kebede") == NameKeys.parts("Almaz Kebede"))
        #expect(NameKeys.parts("ወ/ሮ አልማዝ ከበደ") == NameKeys.parts("Almaz Kebede"))
        #expect(NameKeys.parts("Ato Girma Tadesse") == NameKeys.parts("Girma Tadesse"))
        #expect(NameKeys.parts("").isEmpty)
        #expect(NameKeys.parts(" - ").isEmpty)
    }

    @Test func nameCodesRoundTripAndMeasureEdits() {
        let code = NameCode("wldmCl")
        #expect(code.string == "wldmCl")
        #expect(code.count == 6)
        #expect(NameCode("habtom").withinOneEdit(of: NameCode("habtum")))
        #expect(NameCode("habtom").withinOneEdit(of: NameCode("hbatom")))
        #expect(NameCode("habtom").withinOneEdit(of: NameCode("habtoom")))
        #expect(!NameCode("habtom").withinOneEdit(of: NameCode("hagtum")))
        #expect(NameCode(String(repeating: "a", count: 40)).count == NameCode.capacity)
    }
}
