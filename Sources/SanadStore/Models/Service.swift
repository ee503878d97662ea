import Fluent
import Foundation

/// A service planned or given to a person. Delivered services are what "assisted" means in reports.
public final class ServiceRecord: Model, @unchecked Sendable {
    public static let schema = "services"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "centre_code") public var centreCode: String
    @Field(key: "date") public var date: String
    @Field(key: "service_type") public var serviceType: String
    @Field(key: "quantity") public var quantity: Double
    @Field(key: "unit") public var unit: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "partner_id") public var partnerID: UUID?
    @OptionalField(key: "cost") public var cost: Double?
    @OptionalField(key: "currency") public var currency: String?
    @Field(key: "recorded_by") public var recordedBy: UUID
    /// Set when the record was made from a shelter stay.
    @OptionalField(key: "stay_id") public var stayID: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A service type an administrator added to the built-in catalogue.
public final class ServiceCatalogueEntry: Model, @unchecked Sendable {
    public static let schema = "service_catalogue"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "label_en") public var labelEnglish: String
    @Field(key: "label_ar") public var labelArabic: String
    @Field(key: "unit") public var unit: String

    public init() {}
}
