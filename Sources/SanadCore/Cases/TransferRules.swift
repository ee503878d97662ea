/// A request to hand a case to another caseworker or centre, which the receiving side accepts or declines.
public enum TransferStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case requested, accepted, declined, cancelled
}

public enum TransferError: Error, Sendable, Hashable, CustomStringConvertible {
    case alreadyDecided(TransferStatus)
    case nothingToTransfer
    case reasonRequired

    public var description: String {
        switch self {
        case .alreadyDecided(let status): return "This transfer is already \(status.rawValue)."
        case .nothingToTransfer: return "Name another caseworker or another centre to transfer to."
        case .reasonRequired: return "A declined transfer needs a reason."
        }
    }
}

public enum TransferRules {
    /// A transfer must change something: the caseworker, the centre, or both.
    public static func request(
        currentCaseworker: String?, currentCentre: String, toCaseworker: String?, toCentre: String
    ) -> Result<TransferStatus, TransferError> {
        if toCentre == currentCentre && (toCaseworker == nil || toCaseworker == currentCaseworker) {
            return .failure(.nothingToTransfer)
        }
        return .success(.requested)
    }

    /// Only a requested transfer can be answered; a decline says why.
    public static func answer(_ status: TransferStatus, accept: Bool, reason: String) -> Result<
        TransferStatus, TransferError
    > {
        guard status == .requested else { return .failure(.alreadyDecided(status)) }
        if accept { return .success(.accepted) }
        return reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? .failure(.reasonRequired) : .success(.declined)
    }
}
