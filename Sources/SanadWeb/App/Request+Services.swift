import Fluent
import SanadCore
import SanadStore
import Vapor

/// The one way from a handler to the data: each store service, for the signed-in actor. Services apply the
/// access policy and write the audit trail; handlers never see the database.
extension Request {
    var people: PeopleService { get throws { PeopleService(db: db, actor: try requireActor(), context: context) } }
    var identity: IdentityService {
        get throws { IdentityService(db: db, actor: try requireActor(), context: context) }
    }
    var screenings: ScreeningService {
        get throws { ScreeningService(db: db, actor: try requireActor(), context: context) }
    }
    var vulnerability: VulnerabilityService {
        get throws { VulnerabilityService(db: db, actor: try requireActor(), context: context) }
    }
    var cases: CaseService { get throws { CaseService(db: db, actor: try requireActor(), context: context) } }
    var work: WorkService { get throws { WorkService(db: db, actor: try requireActor(), context: context) } }
    var serviceTypes: ServiceTypeService {
        get throws { ServiceTypeService(db: db, actor: try requireActor(), context: context) }
    }
    var partners: PartnerService { get throws { PartnerService(db: db, actor: try requireActor(), context: context) } }
    var shelters: ShelterService { get throws { ShelterService(db: db, actor: try requireActor(), context: context) } }
    var returns: ReturnService { get throws { ReturnService(db: db, actor: try requireActor(), context: context) } }
    var events: EventService { get throws { EventService(db: db, actor: try requireActor(), context: context) } }
    var reports: ReportService { get throws { ReportService(db: db, actor: try requireActor(), context: context) } }
    var hxl: HXLExport { get throws { HXLExport(db: db, actor: try requireActor(), context: context) } }
    var auditTrail: AuditTrailService {
        get throws { AuditTrailService(db: db, actor: try requireActor(), context: context) }
    }

    /// Reference data and the signed-out side: anyone may read centres; accounts sign people in.
    var centres: CentreService { CentreService(db: db, context: context) }
    var accounts: AccountService { AccountService(db: db, context: context) }
    var setup: SetupService { SetupService(db: db, context: context) }
    var ctdc: CTDCSource { CTDCSource(db: db, context: context) }

    func trends(_ test: TrendTest) throws -> TrendService {
        TrendService(db: db, actor: try requireActor(), context: context, test: test)
    }
}
