import Fluent
import Foundation
import SanadCore

/// Refused requests, for an investigator (issue 19, finding 4): who asked, for which route pattern and record,
/// and why it was refused. Written by the web layer's error handling, so no route can forget it.
public struct RefusalLog: Sendable {
    let db: any Database
    let context: StoreContext

    /// `route` is the route's pattern (never the path, which can hold a setup token); `recordID` the id asked
    /// for, when the route names one; `reason` a short word (forbidden, not-found, csrf, origin, locked, busy).
    public func record(
        actorID: String?, status: Int, method: String, route: String, recordID: String?, reason: String,
        clientAddress: String? = nil
    ) async {
        var detail = "\(status) \(method) \(route) reason=\(reason)"
        if let clientAddress { detail += " addr=\(clientAddress)" }
        // A refusal that cannot be audited must not turn into a 500 for the client; the failure is logged by type.
        do {
            try await AuditTrail.append(
                action: "refused", actorID: actorID, recordType: recordID == nil ? nil : "request",
                recordID: recordID, detail: detail, now: context.clock(), key: context.keys.audit, on: db)
        } catch {
            Logger(label: "sanad.audit").error(
                "refusal not audited", metadata: ["type": "\(String(reflecting: type(of: error)))"])
        }
    }
}
