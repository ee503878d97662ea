import Foundation
import NIOConcurrencyHelpers
import SanadStore
import Vapor

/// What the page header shows about synchronisation, refreshed by `SyncBackground`.
final class SyncHeader: Sendable {
    struct Value: Sendable {
        var office: SyncOfficeService.Status?
        var centre = false
    }

    let value = NIOLockedValueBox(Value())
}

struct SyncHeaderKey: StorageKey {
    typealias Value = SyncHeader
}

/// `sanad serve` on an enrolled office synchronises on its own every few minutes while the centre answers
/// (issue 11, item 2); nothing in the office's work waits for it. On the centre it only notes that offices exist,
/// so supervisors see the conflicts page.
public enum SyncBackground {
    /// Runs until `app` shuts down; `interval` from SANAD_SYNC_INTERVAL (seconds, default 300).
    public static func start(_ app: Application, interval: Double) -> Task<Void, Never> {
        let header = SyncHeader()
        app.storage[SyncHeaderKey.self] = header
        return Task { [app] in
            while !Task.isCancelled {
                await round(app, header)
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }

    static func round(_ app: Application, _ header: SyncHeader) async {
        let open = OpenServices(db: app.db, context: app.sanad)
        guard let status = try? await open.syncOffice.status() else {
            let enrolled = (try? await open.syncNodes.list().isEmpty == false) ?? false
            header.value.withLockedValue { $0.centre = enrolled }
            return
        }
        header.value.withLockedValue { $0.office = status }
        do {
            let run = try await open.syncOffice.now(transport: SyncHTTP.transport(app, central: status.central))
            app.logger.info("synchronised with the centre: \(run)")
        } catch let error as SyncExchangeError {
            app.logger.warning("synchronisation did not complete: \(error)")
        } catch {
            app.logger.warning("synchronisation did not complete: \(String(reflecting: type(of: error)))")
        }
        let now = try? await open.syncOffice.status()
        header.value.withLockedValue { $0.office = now ?? status }
    }
}
