import Fluent
import Foundation
import SanadCore

/// Every service for one signed-in actor: the only way from outside the store to the data. Each service asks
/// the access policy for each read and write and writes the audit trail.
public struct StoreServices: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    public init(db: any Database, actor: Actor, context: StoreContext) {
        self.db = db
        self.actor = actor
        self.context = context
    }

    public var people: PeopleService { PeopleService(db: db, actor: actor, context: context) }
    public var attachments: AttachmentService { AttachmentService(db: db, actor: actor, context: context) }
    public var imports: ImportService { ImportService(db: db, actor: actor, context: context) }
    public var identity: IdentityService { IdentityService(db: db, actor: actor, context: context) }
    public var screenings: ScreeningService { ScreeningService(db: db, actor: actor, context: context) }
    public var vulnerability: VulnerabilityService { VulnerabilityService(db: db, actor: actor, context: context) }
    public var cases: CaseService { CaseService(db: db, actor: actor, context: context) }
    public var work: WorkService { WorkService(db: db, actor: actor, context: context) }
    public var serviceTypes: ServiceTypeService { ServiceTypeService(db: db, actor: actor, context: context) }
    public var partners: PartnerService { PartnerService(db: db, actor: actor, context: context) }
    public var shelters: ShelterService { ShelterService(db: db, actor: actor, context: context) }
    public var returns: ReturnService { ReturnService(db: db, actor: actor, context: context) }
    public var events: EventService { EventService(db: db, actor: actor, context: context) }
    public var reports: ReportService { ReportService(db: db, actor: actor, context: context) }
    public var hxl: HXLExport { HXLExport(db: db, actor: actor, context: context) }
    public var auditTrail: AuditTrailService { AuditTrailService(db: db, actor: actor, context: context) }
    public var repairs: QuarantineRepair { QuarantineRepair(db: db, actor: actor, context: context) }

    public func trends(_ test: TrendTest = TrendTest()) -> TrendService {
        TrendService(db: db, actor: actor, context: context, test: test)
    }
}

/// What needs no signed-in actor: reference data (centres), signing in, the first start, and the operator's
/// command line. Each still refuses what its caller may not do.
public struct OpenServices: Sendable {
    let db: any Database
    let context: StoreContext

    public init(db: any Database, context: StoreContext) {
        self.db = db
        self.context = context
    }

    public var centres: CentreService { CentreService(db: db, context: context) }
    public var accounts: AccountService { AccountService(db: db, context: context) }
    public var setup: SetupService { SetupService(db: db, context: context) }
    public var ctdc: CTDCSource { CTDCSource(db: db, context: context) }
    public var duplicateScan: DuplicateScan { DuplicateScan(db: db, context: context) }
    public var refusals: RefusalLog { RefusalLog(db: db, context: context) }
    public var backups: BackupStatus { BackupStatus(db: db) }
    public var twoFactor: TwoFactorService { TwoFactorService(db: db, context: context) }
    public var syncNodes: SyncNodeService { SyncNodeService(db: db, context: context) }
    public var syncCentre: SyncCentreService { SyncCentreService(db: db, context: context) }
    public var syncOffice: SyncOfficeService { SyncOfficeService(db: db, context: context) }
    public var integrity: IntegrityStatus { IntegrityStatus(db: db, context: context) }
}

/// When the last backup was made (`sanad backup`), for administrators and `/metrics`.
public struct BackupStatus: Sendable {
    let db: any Database

    public func lastBackup() async throws -> Date? { try await BackupService.lastBackup(on: db) }
}
