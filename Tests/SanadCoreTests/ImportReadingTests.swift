import XCTest

@testable import SanadCore

final class ImportReadingTests: XCTestCase {
    let today = CivilDate(year: 2026, month: 12, day: 7)!

    func testDatesAsClerksTypeThem() {
        XCTAssertEqual(ImportValues.date("1990-03-14"), .date(CivilDate(year: 1990, month: 3, day: 14)!))
        XCTAssertEqual(ImportValues.date("14/03/1990"), .date(CivilDate(year: 1990, month: 3, day: 14)!))
        XCTAssertEqual(ImportValues.date("3/14/1990"), .date(CivilDate(year: 1990, month: 3, day: 14)!))
        XCTAssertEqual(ImportValues.date("04/03/1990"), .date(CivilDate(year: 1990, month: 3, day: 4)!))
        XCTAssertEqual(ImportValues.date("14-Mar-1990"), .date(CivilDate(year: 1990, month: 3, day: 14)!))
        XCTAssertEqual(ImportValues.date("14 مارس 1990"), .date(CivilDate(year: 1990, month: 3, day: 14)!))
        XCTAssertEqual(ImportValues.date("١٤/٠٣/١٩٩٠"), .date(CivilDate(year: 1990, month: 3, day: 14)!))
        XCTAssertEqual(ImportValues.date("14.3.90"), .date(CivilDate(year: 1990, month: 3, day: 14)!))
        XCTAssertEqual(ImportValues.date("1990-03-14 00:00:00"), .date(CivilDate(year: 1990, month: 3, day: 14)!))
        XCTAssertEqual(ImportValues.date("33239"), .date(CivilDate(year: 1991, month: 1, day: 1)!))
        XCTAssertEqual(ImportValues.date("1990"), .year(1990))
        XCTAssertNil(ImportValues.date("31/02/1990"))
        XCTAssertNil(ImportValues.date("yesterday"))
        XCTAssertNil(ImportValues.date("14/13/1990/2"))
        // Levantine month names, of one word and of two.
        XCTAssertEqual(ImportValues.date("16 آذار 2001"), .date(CivilDate(year: 2001, month: 3, day: 16)!))
        XCTAssertEqual(ImportValues.date("1 كانون الثاني 1996"), .date(CivilDate(year: 1996, month: 1, day: 1)!))
        XCTAssertEqual(ImportValues.date("١٣ تشرين الأول ٢٠٢٢"), .date(CivilDate(year: 2022, month: 10, day: 13)!))
        XCTAssertEqual(ImportValues.date("5 كانون الاول 1999"), .date(CivilDate(year: 1999, month: 12, day: 5)!))
        XCTAssertNil(ImportValues.date("31 شباط 1990"))
    }

    func testLanguagesAsRegistersNameThem() {
        XCTAssertEqual(ImportValues.languages("tir, ar").codes, ["tir", "ara"])
        XCTAssertEqual(ImportValues.languages("Tigrinya & Amharic").codes, ["tir", "amh"])
        XCTAssertEqual(ImportValues.languages("Afaan Oromo + Amharigna").codes, ["orm", "amh"])
        XCTAssertEqual(ImportValues.languages("Arabic and English").codes, ["ara", "eng"])
        XCTAssertEqual(ImportValues.languages("عربي و انجليزي").codes, ["ara", "eng"])
        XCTAssertEqual(ImportValues.languages("التغرينية / الأمهرية").codes, ["tir", "amh"])
        XCTAssertEqual(ImportValues.languages("ትግርኛ").codes, ["tir"])
        XCTAssertEqual(ImportValues.languages("Tigrinia").codes, ["tir"])
        XCTAssertEqual(ImportValues.languages("Beja").codes, ["bej"])
        let mixed = ImportValues.languages("Tigrinya; Klingon")
        XCTAssertEqual(mixed.codes, ["tir"])
        XCTAssertTrue(mixed.unread)
        XCTAssertFalse(ImportValues.languages("Tigrinya; Arabic").unread)
    }

    func testDocumentsAsRegistersNameThem() {
        XCTAssertEqual(ImportValues.documentType("PP"), .passport)
        XCTAssertEqual(ImportValues.documentType("Pass."), .passport)
        XCTAssertEqual(ImportValues.documentType("باسبورت"), .passport)
        XCTAssertEqual(ImportValues.documentType("UNHCR ID"), .refugeeID)
        XCTAssertEqual(ImportValues.documentType("رقم ملف المفوضية"), .refugeeID)
        XCTAssertEqual(ImportValues.documentType("Nat. ID"), .nationalID)
        XCTAssertEqual(ImportValues.documentType("ID card"), .nationalID)
        XCTAssertNil(ImportValues.documentType("ملف أسرة"))
        XCTAssertEqual(ImportValues.phone("(+249) 912345678"), "+249912345678")
    }

    func testNumbersPhonesSexAndNationality() {
        XCTAssertEqual(ImportValues.age("٢٥"), 25)
        XCTAssertEqual(ImportValues.age("25 years"), 25)
        XCTAssertEqual(ImportValues.age("25.0"), 25)
        XCTAssertNil(ImportValues.age("twenty"))
        XCTAssertEqual(ImportValues.phone("٠٩١٢٣٤٥٦٧٨"), "0912345678")
        XCTAssertEqual(ImportValues.phone("249912345678"), "+249912345678")
        XCTAssertEqual(ImportValues.phone("00249 912-345-678"), "+249912345678")
        XCTAssertNil(ImportValues.phone("call the office"))
        XCTAssertEqual(ImportValues.sex("F"), .feminine)
        XCTAssertEqual(ImportValues.sex("ذكر"), .masculine)
        XCTAssertNil(ImportValues.sex("yes"))
        for text in ["ERI", "er", "Eritrea", "إريتريا", "Eritrean", "ارتري"] {
            XCTAssertEqual(ImportValues.nationality(text), "ERI", text)
        }
        XCTAssertEqual(ImportValues.nationality("South Sudanese"), "SSD")
        XCTAssertNil(ImportValues.nationality("Atlantis"))
        XCTAssertTrue(ImportValues.isNothing(" n/a "))
        XCTAssertTrue(ImportValues.isNothing("لا يوجد"))
    }

    func testHeadersAreRecognisedInEnglishAndArabic() throws {
        let header = [
            "Full Name", "الاسم بالإنجليزي", "SEX", "D.O.B", "العمر", "Nationality", "رقم الهاتف", "Passport No",
            "Registered by",
        ]
        let mapping = ImportMapping.recognised(header: header)
        XCTAssertEqual(mapping.fields[0], .nameOriginal)
        XCTAssertEqual(mapping.fields[1], .nameLatin)
        XCTAssertEqual(mapping.fields[2], .sex)
        XCTAssertEqual(mapping.fields[3], .birthDate)
        XCTAssertEqual(mapping.fields[4], .estimatedAge)
        XCTAssertEqual(mapping.fields[5], .nationality)
        XCTAssertEqual(mapping.fields[6], .phone)
        XCTAssertEqual(mapping.fields[7], .documentNumber)
        XCTAssertEqual(mapping.unmapped(header: header), [8])
    }

    func testAMappingFileOverridesAndRefusesUnknownFields() throws {
        let header = ["Name", "Customer", "Tel"]
        let json = Data(#"{"columns": {"Customer": "name_latin", "Tel": null}}"#.utf8)
        let mapping = try ImportMapping.parse(json: json, header: header)
        XCTAssertEqual(mapping.fields, [0: .nameOriginal, 1: .nameLatin])
        XCTAssertEqual(mapping.ignored, [2])
        XCTAssertEqual(mapping.unmapped(header: header), [])
        XCTAssertThrowsError(
            try ImportMapping.parse(json: Data(#"{"columns": {"Tel": "telephone"}}"#.utf8), header: header))
        XCTAssertThrowsError(
            try ImportMapping.parse(json: Data(#"{"columns": {"Fax": "phone"}}"#.utf8), header: header))
        XCTAssertThrowsError(try ImportMapping.parse(json: Data("[1]".utf8), header: header))
        XCTAssertThrowsError(try ImportMapping.recognised(header: ["Sex", "Age"]).check()) { error in
            XCTAssertEqual(error as? ImportMapping.Problem, .noNameColumn)
        }
        // A field chosen for one column is taken from the column that was only recognised for it.
        let moved = try ImportMapping.make(header: ["Name", "Arabic name"], chosen: ["Arabic name": .nameOriginal])
        XCTAssertEqual(moved.fields, [1: .nameOriginal])
    }

    func testARowBecomesARegistrationOrNamesTheColumnThatStopsIt() throws {
        let header = ["Name", "Sex", "Date of Birth", "Nationality", "Phone", "Passport No", "Registered by"]
        let reader = ImportRowReader(
            header: header, mapping: ImportMapping.recognised(header: header), centre: "SD01", today: today)
        let valid = try reader.read([
            "ተስፋይ ገብረማርያም Tesfay Gebremariam", "M", "١٤/٠٣/١٩٩٠", "Eritrean", "0912 345 678",
            "EP 123456", "Amal",
        ]).get()
        XCTAssertEqual(valid.personal.nameOriginal, "ተስፋይ ገብረማርያም")
        XCTAssertEqual(valid.personal.nameLatin, "Tesfay Gebremariam")
        XCTAssertEqual(valid.facts.sex, .masculine)
        XCTAssertEqual(valid.personal.birthDate, "1990-03-14")
        XCTAssertEqual(valid.facts.nationality, "ERI")
        XCTAssertEqual(valid.personal.phone, "0912345678")
        XCTAssertEqual(valid.personal.documents.first?.type, .passport)
        XCTAssertEqual(valid.personal.notes, "Registered by: Amal")
        let unknownSex = try reader.read(["Mohamed Ali", "", "", "", "", "", ""]).get()
        XCTAssertEqual(unknownSex.facts.sex, .unknown)
        XCTAssertEqual(unknownSex.personal.nameLatin, "Mohamed Ali")

        func reason(_ row: [String]) -> String? {
            if case .failure(let rejection) = reader.read(row) { return rejection.description }
            return nil
        }
        XCTAssertEqual(reason(["", "M", "", "", "", "", ""]), "Name: no name")
        XCTAssertEqual(reason(["12345", "M", "", "", "", "", ""]), "Name: not a name (no letters)")
        XCTAssertEqual(reason(["Ali", "M", "31/02/1990", "", "", "", ""]), "Date of Birth: not a date")
        XCTAssertEqual(
            reason(["Ali", "M", "2091-01-01", "", "", "", ""]), "Date of Birth: This date is in the future.")
        XCTAssertEqual(reason(["Ali", "M", "", "Atlantis", "", "", ""]), "Nationality: unknown nationality")
        XCTAssertEqual(reason(["Ali", "M", "", "", "call me", "", ""]), "Phone: not a phone number")
        XCTAssertEqual(reason(["Ali", "?!", "", "", "", "", ""]), "Sex: not a sex Sanad knows (M, F, ذكر, أنثى…)")
    }

    func testAnOldRegistersAgesAreTheAgesOfItsTime() throws {
        // Ages were written when people came; kept as ages today, they give the birth years the register meant.
        let header = ["Name", "Age", "Arrival date"]
        let rows = [
            ["Selam Haile", "25", "01/05/2019"], ["Yonas Haile", "30", ""], ["Tesfay Kidane", "", "2020-03-01"],
        ]
        let reader = ImportRowReader(
            header: header, mapping: ImportMapping.recognised(header: header), centre: "SD01", today: today,
            rows: rows)
        XCTAssertEqual(reader.registerYear, 2020)
        let arrived = try reader.read(rows[0]).get()
        XCTAssertEqual(arrived.facts.arrivalDate, "2019-05-01")
        XCTAssertEqual(arrived.facts.birthYear, 1994)
        XCTAssertEqual(arrived.facts.estimatedAge, 32)
        // No arrival date of its own: the age is taken as of the register's middle arrival year.
        XCTAssertEqual(try reader.read(rows[1]).get().facts.birthYear, 1990)
        let undated = ImportRowReader(
            header: header, mapping: ImportMapping.recognised(header: header), centre: "SD01", today: today)
        XCTAssertNil(undated.registerYear)
        XCTAssertEqual(try undated.read(rows[1]).get().facts.birthYear, 1996)
    }

    func testArrivalsWithoutADayAndAgesInTheDateColumn() throws {
        XCTAssertEqual(ImportValues.monthOrYear("2020")?.year, 2020)
        XCTAssertNil(ImportValues.monthOrYear("2020")?.month)
        XCTAssertEqual(ImportValues.monthOrYear("Jan 2020")?.month, 1)
        XCTAssertEqual(ImportValues.monthOrYear("فبراير 2024")?.month, 2)
        XCTAssertEqual(ImportValues.monthOrYear("09/2021")?.month, 9)
        XCTAssertEqual(ImportValues.monthOrYear("2020-10")?.month, 10)
        XCTAssertEqual(ImportValues.monthOrYear("2020-10")?.year, 2020)
        XCTAssertNil(ImportValues.monthOrYear("14/09/2021"))
        XCTAssertNil(ImportValues.monthOrYear("Smarch 2021"))
        let header = ["Name", "Date of birth", "Date of arrival"]
        let reader = ImportRowReader(
            header: header, mapping: ImportMapping.recognised(header: header), centre: "SD01", today: today)
        let approximate = try reader.read(["Selam Haile", "25 years", "Jan 2020"]).get()
        XCTAssertNil(approximate.facts.arrivalDate)
        XCTAssertEqual(approximate.personal.notes, "Date of arrival: Jan 2020")
        XCTAssertEqual(approximate.facts.birthYear, 1995)
        XCTAssertEqual(try reader.read(["Selam Haile", "٣٠ سنة", ""]).get().facts.estimatedAge, 30)
        for bad in ["Jan 2091", "yesterday"] {
            if case .success = reader.read(["Selam Haile", "", bad]) { XCTFail(bad) }
        }
        if case .success = reader.read(["Selam Haile", "31/02/1990", ""]) { XCTFail("31/02/1990") }
        for (text, iso3) in [("Soudan", "SDN"), ("Yemen Rep.", "YEM"), ("Syrian Arab Rep.", "SYR"), ("C.A.R", "CAF")] {
            XCTAssertEqual(ImportValues.nationality(text), iso3, text)
        }
    }

    func testWhatTheFormCannotHoldGoesToTheNotesAndNeverCostsTheRow() throws {
        let header = ["Name", "Languages", "ID type", "Passport/ID no.", "Issued by", "Remarks"]
        let reader = ImportRowReader(
            header: header, mapping: ImportMapping.recognised(header: header), centre: "SD01", today: today)
        let mapping = ImportMapping.recognised(header: header)
        XCTAssertEqual(mapping.column(of: .languages), 1)
        XCTAssertEqual(mapping.column(of: .documentType), 2)
        XCTAssertEqual(mapping.column(of: .documentCountry), 4)
        let valid = try reader.read([
            "Tesfay Gebremariam", "Tigrinya; Klingon", "family file", "KSL-17-749374", "Sudan - COR", "walked in",
        ]).get()
        XCTAssertEqual(valid.facts.languages, ["tir"])
        XCTAssertEqual(valid.personal.documents.first?.type, .other)
        XCTAssertEqual(valid.personal.documents.first?.issuingCountry, "SDN")
        XCTAssertEqual(
            valid.personal.notes,
            "walked in; Languages: Tigrinya; Klingon; ID type: family file; Issued by: Sudan - COR")
        let known = try reader.read(["Selam Haile", "Tigrinya & Arabic", "UNHCR", "123", "Eritrea", ""]).get()
        XCTAssertEqual(known.personal.documents.first?.type, .refugeeID)
        XCTAssertEqual(known.personal.documents.first?.issuingCountry, "ERI")
        XCTAssertNil(known.personal.notes)
    }

    func testPlansDuplicatesWithinTheFileAndAgainstTheRegister() throws {
        let header = ["Name", "Sex", "Date of Birth", "Phone"]
        let reader = ImportRowReader(
            header: header, mapping: ImportMapping.recognised(header: header), centre: "SD01", today: today)
        let rows: [[String]] = [
            ["Abdelrahman Mohamed Osman", "M", "1988-05-02", "0912345678"],
            ["ABDEL RAHMAN Mohamed Osman", "", "02/05/1988", "+249 912 345 678"],
            ["Selam Tesfay Haile", "F", "1995-01-20", ""],
            ["", "F", "", ""],
            ["Hawa Adam Yahya", "F", "1979-11-11", "0123000111"],
        ]
        let registered = IdentityIndex()
        registered.insert(
            IdentityRecord(
                id: "existing-1", names: ["Hawa Adam Yahya"], sex: "Feminine", birthDate: CivilDate("1979-11-11"),
                phone: "0123000111"))
        let plans = ImportPlanner.plan(
            rows.enumerated().map { (row: $0.offset + 2, read: reader.read($0.element)) },
            existing: { registered.matches(for: $0) })
        XCTAssertEqual(plans.map(\.outcome), [.imported, .duplicateInFile, .imported, .rejected, .matchesExisting])
        XCTAssertEqual(plans[1].earlierRow, 2)
        XCTAssertEqual(plans[4].existing, "existing-1")
        XCTAssertEqual(plans.map(\.row), [2, 3, 4, 5, 6])
    }

    func testAdditionsAddOnlyWhatIsNewAndComeOffAgain() {
        var base = PersonalData(
            nameOriginal: "Gebremariam Tesfay", nameLatin: "Gebremariam Tesfay", phone: "0912345678")
        let extra = PersonalData(
            nameOriginal: "GEBREMARIAM TESFAY", nameLatin: "Gebre Mariam Tesfaye", phone: "0999999999",
            documents: [IdentityDocument(type: .passport, number: "E123", issuingCountry: nil)])
        let additions = ImportAdditions.of(extra, to: base)
        // Case and spacing alone add nothing; a different spelling does.
        XCTAssertEqual(additions.aliases, ["Gebre Mariam Tesfaye"])
        XCTAssertEqual(additions.phones, ["0999999999"])
        XCTAssertEqual(additions.documents.count, 1)
        let before = base
        additions.apply(to: &base)
        XCTAssertEqual(ImportAdditions.of(extra, to: base), ImportAdditions())
        additions.remove(from: &base)
        XCTAssertEqual(base, before)
    }
}

final class ImportNationalitySpellingTests: XCTestCase {
    func testMisspeltNationalitiesFindTheNearestAndOnlyThat() {
        for (text, iso3) in [
            ("Eritrian", "ERI"), ("ETHOPIA", "ETH"), ("Sudaness", "SDN"), ("S. Sudan", "SSD"), ("Egyption", "EGY"),
            ("Syria", "SYR"), ("Tchad", "TCD"),
        ] {
            XCTAssertEqual(ImportValues.nationality(text), iso3, text)
        }
        XCTAssertNil(ImportValues.nationality("Atlantis"))
        XCTAssertNil(ImportValues.nationality("xx"))
        // Too short to correct: "Mali" is not "Bali".
        XCTAssertNil(ImportValues.nationality("Bali"))
        XCTAssertEqual(NearestSpelling.distance(Array("ethiopain"), Array("ethiopian"), limit: 3), 1)
    }
}
