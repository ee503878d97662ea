import Foundation

/// The column layout of the Counter Trafficking Data Collaborative's global k-anonymised dataset
/// (2017–2021 releases).
public enum CTDCFormat {
    /// The 58 columns of the 2017 release, in order.
    public static let columns2017: [String] = [
        "yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus", "majorityStatusAtExploit",
        "majorityEntry", "citizenship", "meansOfControlDebtBondage", "meansOfControlTakesEarnings",
        "meansOfControlRestrictsFinancialAccess", "meansOfControlThreats", "meansOfControlPsychologicalAbuse",
        "meansOfControlPhysicalAbuse", "meansOfControlSexualAbuse", "meansOfControlFalsePromises",
        "meansOfControlPsychoactiveSubstances", "meansOfControlRestrictsMovement",
        "meansOfControlRestrictsMedicalCare", "meansOfControlExcessiveWorkingHours", "meansOfControlUsesChildren",
        "meansOfControlThreatOfLawEnforcement", "meansOfControlWithholdsNecessities",
        "meansOfControlWithholdsDocuments", "meansOfControlOther", "meansOfControlNotSpecified", "isForcedLabour",
        "isSexualExploit", "isOtherExploit", "isSexAndLabour", "isForcedMarriage", "isForcedMilitary",
        "isOrganRemoval", "typeOfLabourAgriculture", "typeOfLabourAquafarming", "typeOfLabourBegging",
        "typeOfLabourConstruction", "typeOfLabourDomesticWork", "typeOfLabourHospitality",
        "typeOfLabourIllicitActivities", "typeOfLabourManufacturing", "typeOfLabourMiningOrDrilling",
        "typeOfLabourPeddling", "typeOfLabourTransportation", "typeOfLabourOther", "typeOfLabourNotSpecified",
        "typeOfSexProstitution", "typeOfSexPornography", "typeOfSexRemoteInteractiveServices",
        "typeOfSexPrivateSexualServices", "isAbduction", "RecruiterRelationship", "CountryOfExploitation",
        "recruiterRelationIntimatePartner", "recruiterRelationFriend", "recruiterRelationFamily",
        "recruiterRelationOther", "recruiterRelationUnknown",
    ]

    /// Every column of the format in standard order: the 2017 columns plus the five that later
    /// releases add (`meansOfControlConcatenated`, `isSlaveryAndPractices`, `typeOfExploitConcatenated`,
    /// `typeOfLabourConcatenated`, `typeOfSexConcatenated`).
    public static let allColumns: [String] = {
        var columns = columns2017
        func insert(_ name: String, after previous: String) {
            let index = columns.firstIndex(of: previous)!
            columns.insert(name, at: index + 1)
        }
        insert("meansOfControlConcatenated", after: "meansOfControlNotSpecified")
        insert("isSlaveryAndPractices", after: "isOrganRemoval")
        insert("typeOfExploitConcatenated", after: "isSlaveryAndPractices")
        insert("typeOfLabourConcatenated", after: "typeOfLabourNotSpecified")
        insert("typeOfSexConcatenated", after: "typeOfSexPrivateSexualServices")
        return columns
    }()

    /// The quasi-identifiers used when the caller does not choose: the columns an outsider could
    /// know about a person from other sources.
    public static let defaultQuasi: [String] = [
        "yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation", "majorityStatus",
    ]

    /// How missing values are written.
    public static let missing = "-99"

    /// True for the spellings of a missing value in CTDC files: `-99`, an empty (or blank) cell, and
    /// `Missing` (any case).
    public static func isMissing(_ value: String) -> Bool {
        if value.isEmpty { return true }
        if let answer = value.utf8.withContiguousStorageIfAvailable(isMissing(utf8:)) { return answer }
        return isMissing(utf8: Array(value.utf8))
    }

    private static func isMissing<Bytes: BidirectionalCollection<UInt8>>(utf8 bytes: Bytes) -> Bool {
        var trimmed = bytes[...]
        while let first = trimmed.first, first == 0x20 || first == 0x09 { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        switch trimmed.count {
        case 0:
            return true
        case 3:
            return trimmed.elementsEqual("-99".utf8)
        case 7:
            // "missing" in any case: ASCII letters differ from their capitals only in bit 0x20.
            return zip(trimmed, "missing".utf8).allSatisfy { $0 | 0x20 == $1 }
        default:
            return false
        }
    }

    /// Checks a table and a disclosure-control request before any work is done: a non-empty header
    /// of standard, distinct columns; rows as wide as the header; k of at least 2; a non-empty set of
    /// distinct quasi-identifiers that are standard columns present in the file.
    public static func validate(_ table: CTDCTable, quasi: [String], k: Int) throws(DisclosureError) {
        guard !table.header.isEmpty else { throw .emptyHeader }
        guard k >= 2 else { throw .kTooSmall(k) }
        var seen = Set<String>()
        for column in table.header {
            guard standardColumns.contains(column) else { throw .unknownColumn(column) }
            guard seen.insert(column).inserted else { throw .duplicateColumn(column) }
        }
        guard !quasi.isEmpty else { throw .noQuasiIdentifiers }
        var seenQuasi = Set<String>()
        for column in quasi {
            guard standardColumns.contains(column) else { throw .unknownQuasiIdentifier(column) }
            guard seen.contains(column) else { throw .quasiIdentifierNotInFile(column) }
            guard seenQuasi.insert(column).inserted else { throw .duplicateQuasiIdentifier(column) }
        }
        if let problem = table.widthProblem {
            throw .rowWidth(row: problem.row, expected: table.header.count, found: problem.found)
        }
    }

    static let standardColumns: Set<String> = Set(allColumns)
}

/// Why a table cannot be anonymised.
public enum DisclosureError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyHeader
    case kTooSmall(Int)
    case unknownColumn(String)
    case duplicateColumn(String)
    case noQuasiIdentifiers
    case unknownQuasiIdentifier(String)
    case quasiIdentifierNotInFile(String)
    case duplicateQuasiIdentifier(String)
    /// `row` counts data rows from 1 (the header is not counted).
    case rowWidth(row: Int, expected: Int, found: Int)
    /// The quasi-identifiers together have more distinct values than the engine can index.
    case tooManyQuasiValues(bitsNeeded: Int)

    public var description: String {
        switch self {
        case .emptyHeader:
            "The table has no header row."
        case .kTooSmall(let k):
            "The anonymity threshold k must be at least 2 (got \(k)); with k = 1 nothing would be hidden."
        case .unknownColumn(let name):
            "Column \"\(name)\" is not part of the CTDC standard; remove it before anonymising."
        case .duplicateColumn(let name):
            "Column \"\(name)\" appears more than once in the header."
        case .noQuasiIdentifiers:
            "No quasi-identifier columns were given."
        case .unknownQuasiIdentifier(let name):
            "Quasi-identifier \"\(name)\" is not a CTDC column."
        case .quasiIdentifierNotInFile(let name):
            "Quasi-identifier \"\(name)\" is a CTDC column but is not in this file."
        case .duplicateQuasiIdentifier(let name):
            "Quasi-identifier \"\(name)\" is listed more than once."
        case .rowWidth(let row, let expected, let found):
            "Data row \(row) has \(found) cells but the header has \(expected) columns."
        case .tooManyQuasiValues(let bits):
            "The quasi-identifiers have too many distinct values together (\(bits) bits needed, 64 available);"
                + " choose fewer quasi-identifier columns."
        }
    }
}
