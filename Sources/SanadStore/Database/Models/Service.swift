import Fluent
import Foundation

/// A service planned or given to a person. Delivered services are what "assisted" means in reports.
final class ServiceRecord: Model, @unchecked Sendable {
    static let schema = "services"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "date") var date: String
    @Field(key: "service_type") var serviceType: String
    @Field(key: "quantity") var quantity: Double
    @Field(key: "unit") var unit: String
    @Field(key: "status") var status: String
    @OptionalField(key: "partner_id") var partnerID: UUID?
    @OptionalField(key: "cost") var cost: Double?
    @OptionalField(key: "currency") var currency: String?
    @Field(key: "recorded_by") var recordedBy: UUID
    /// Set when the record was made from a shelter stay.
    @OptionalField(key: "stay_id") var stayID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A service type an administrator added to the built-in catalogue.
final class ServiceCatalogueEntry: Model, @unchecked Sendable {
    static let schema = "service_catalogue"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "label_en") var labelEnglish: String
    @Field(key: "label_ar") var labelArabic: String
    @Field(key: "unit") var unit: String

    init() {}
}
