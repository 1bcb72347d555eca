import RendementsDomain

/// A draft opened under another price list than the one it was priced with: a draft kept
/// from an earlier session, or a case sent back for rework after a new list came. Its lines
/// take the open list's prices, as every line added now will, so one case never holds prices
/// from two lists while it claims one (before, a resumed draft kept its old lines and version
/// and priced new lines with the new list).
public struct DraftRepricing: Hashable, Sendable {
    public let fromVersion: String
    public let toVersion: String
    /// Lines whose unit price or price year moved.
    public let moved: Int
    /// Codes of lines whose item the open list lacks: the draft cannot be submitted until they are replaced.
    public let missing: [String]
    /// Rate codes with hours that the open list lacks: the hours stay and must be moved.
    public let unlistedRates: [String]
    /// Hourly rates the draft holds as typed (a rework holds its case's) that differ from the open
    /// list's: kept, since they are the case's own figures, and named, so the worker decides.
    public let keptRates: [KeptRate]

    /// A worker's hourly rate the draft keeps beside the list's own.
    public struct KeptRate: Hashable, Sendable {
        public let description: String
        public let kept: Money
        public let listed: Money
    }

    /// Re-prices `draft` on the list of `form`; nil when it already stands on that list, or on a
    /// newer one (a case a beheerder moved to a newer list went back to the older one the app had
    /// open, in the author's name), or there is none.
    public static func apply(_ form: IntakeForm, to draft: inout IntakeDraft) -> DraftRepricing? {
        guard let list = form.priceList, draft.priceListVersion != list.version,
              !(VersionOrder(list.version) < VersionOrder(draft.priceListVersion)) else { return nil }
        var moved = 0
        var missing: [String] = []
        func refresh(_ lines: [DraftLine]) -> [DraftLine] {
            lines.map { line in
                var line = line
                switch Repricing.priced(line.item, on: list) {
                case .unchanged: break
                case .missing: if !missing.contains(line.item.code) { missing.append(line.item.code) }
                case .moved(let fresh):
                    line.item = fresh
                    moved += 1
                }
                return line
            }
        }
        draft.avoided = refresh(draft.avoided)
        draft.deployed = refresh(draft.deployed)
        let kept = form.workerRates.compactMap { rate -> KeptRate? in
            guard !(draft.workerHours[rate.code] ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
                  let typed = draft.workerRates?[rate.code].flatMap(DutchNumber.parse).flatMap(Money.init(exactEuros:)), typed != rate.rate else { return nil }
            return KeptRate(description: rate.description, kept: typed, listed: rate.rate)
        }
        let repricing = DraftRepricing(fromVersion: draft.priceListVersion, toVersion: list.version, moved: moved, missing: missing,
                                       unlistedRates: form.unlistedHourCodes(draft), keptRates: kept)
        draft.priceListVersion = list.version
        return repricing
    }

    /// What the worker is told when the draft opens.
    public var dutchNotice: String {
        let lines = moved == 0 ? "geen prijs veranderd" : moved == 1 ? "1 regel kreeg de nieuwe prijs" : "\(moved) regels kregen de nieuwe prijs"
        var notice = "Geprijsd met prijslijst \(fromVersion); nu geldt \(toVersion): \(lines)."
        if !missing.isEmpty {
            notice += " Niet in \(toVersion): \(missing.joined(separator: ", ")); kies een ander product."
        }
        if !unlistedRates.isEmpty {
            notice += " Uurtarief \(unlistedRates.joined(separator: ", ")) staat niet in \(toVersion); zet die uren bij Inzet om."
        }
        for rate in keptRates {
            notice += " \(rate.description) blijft \(DutchNumber.euro(rate.kept))/uur (lijst: \(DutchNumber.euro(rate.listed)))."
        }
        return notice
    }
}
