import Fluent
import SanadCore
import SanadStore
import Vapor

/// The one way from a handler to the data: each store service, for the signed-in actor. Services apply the
/// access policy and write the audit trail; handlers never see the database.
extension Request {
    var services: StoreServices { get throws { StoreServices(db: db, actor: try requireActor(), context: context) } }

    var people: PeopleService { get throws { try services.people } }
    var imports: ImportService { get throws { try services.imports } }
    var attachments: AttachmentService { get throws { try services.attachments } }
    var identity: IdentityService { get throws { try services.identity } }
    var screenings: ScreeningService { get throws { try services.screenings } }
    var vulnerability: VulnerabilityService { get throws { try services.vulnerability } }
    var cases: CaseService { get throws { try services.cases } }
    var work: WorkService { get throws { try services.work } }
    var serviceTypes: ServiceTypeService { get throws { try services.serviceTypes } }
    var partners: PartnerService { get throws { try services.partners } }
    var shelters: ShelterService { get throws { try services.shelters } }
    var returns: ReturnService { get throws { try services.returns } }
    var events: EventService { get throws { try services.events } }
    var reports: ReportService { get throws { try services.reports } }
    var hxl: HXLExport { get throws { try services.hxl } }
    var auditTrail: AuditTrailService { get throws { try services.auditTrail } }
    var repairs: QuarantineRepair { get throws { try services.repairs } }
    func trends(_ test: TrendTest) throws -> TrendService { try services.trends(test) }

    /// Reference data and the signed-out side: anyone may read centres; accounts sign people in.
    var open: OpenServices { OpenServices(db: db, context: context) }
    var centres: CentreService { open.centres }
    var accounts: AccountService { open.accounts }
    var setup: SetupService { open.setup }
    var ctdc: CTDCSource { open.ctdc }
}
