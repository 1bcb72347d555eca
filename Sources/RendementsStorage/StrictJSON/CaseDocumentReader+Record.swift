import Foundation
import RendementsDomain

/// The rest of a case: its header, context, story, own effort, the author's estimate and the history.
extension CaseDocumentReader {
    /// As `CaseRecord.init(from:)`, with its defaults for files from before review existed.
    func record(_ node: Int) -> CaseRecord? {
        var schemaVersion: Int?, id: String?, revision: Int?, fictional: Bool?, status: CaseStatus?, author: String?
        var context: CaseContext?, story: CaseStory?, effort: OwnEffort?, deployed: [DeployedCareLine]?, avoided: [AvoidedCareLine]?
        var attribution: Percentage?, priceListVersion: String?, original: CaseEstimate?, history: [CaseEvent]?, historyHead: String?
        var provenance: CaseProvenance?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "schemaVersion"): schemaVersion = try? document.integer(value); return schemaVersion != nil
            case named(key, "id"): id = string(value); return id != nil
            case named(key, "revision"): return optional(value, &revision) { try? document.integer($0) }
            case named(key, "fictional"): return optional(value, &fictional) { try? document.bool($0) }
            case named(key, "status"): status = string(value).flatMap(CaseStatus.init(rawValue:)); return status != nil
            case named(key, "author"): author = string(value); return author != nil
            case named(key, "context"): context = self.context(value); return context != nil
            case named(key, "story"): story = self.story(value); return story != nil
            case named(key, "effort"): effort = self.effort(value); return effort != nil
            case named(key, "deployed"): deployed = array(value, self.deployed); return deployed != nil
            case named(key, "avoided"): avoided = array(value, self.avoided); return avoided != nil
            case named(key, "attribution"): attribution = percentage(value); return attribution != nil
            case named(key, "priceListVersion"): priceListVersion = string(value); return priceListVersion != nil
            case named(key, "original"): return optional(value, &original, estimate)
            case named(key, "history"): return optional(value, &history) { array($0, event) }
            case named(key, "historyHead"): return optional(value, &historyHead, string)
            case named(key, "provenance"): return optional(value, &provenance, self.provenance)
            default: return true
            }
        }
        guard complete, let schemaVersion, let id, let status, let author, let context, let story, let effort, let deployed,
              let avoided, let attribution, let priceListVersion else { return nil }
        var record = CaseRecord(id: id, fictional: fictional ?? false, status: status, author: author, context: context, story: story,
                                effort: effort, deployed: deployed, avoided: avoided, attribution: attribution, priceListVersion: priceListVersion)
        record.schemaVersion = schemaVersion
        record.revision = revision ?? 0
        record.original = original
        record.history = history ?? []
        record.historyHead = historyHead ?? ""
        record.provenance = provenance
        return record
    }

    private func context(_ node: Int) -> CaseContext? {
        var intervention: String?, team: String?, municipality: String?, periodStart: CalendarDay?, periodEnd: CalendarDay?
        var referrer: String?, ageBand: String?, household: String?, lifeDomains: [LifeDomain]?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "intervention"): intervention = string(value); return intervention != nil
            case named(key, "team"): team = string(value); return team != nil
            case named(key, "municipality"): municipality = string(value); return municipality != nil
            case named(key, "periodStart"): periodStart = day(value); return periodStart != nil
            case named(key, "periodEnd"): periodEnd = day(value); return periodEnd != nil
            case named(key, "referrer"): referrer = string(value); return referrer != nil
            case named(key, "ageBand"): ageBand = string(value); return ageBand != nil
            case named(key, "household"): household = string(value); return household != nil
            case named(key, "lifeDomains"): lifeDomains = array(value) { string($0).flatMap(LifeDomain.init(rawValue:)) }; return lifeDomains != nil
            default: return true
            }
        }
        guard complete, let intervention, let team, let municipality, let periodStart, let periodEnd, let referrer, let ageBand,
              let household, let lifeDomains else { return nil }
        return CaseContext(intervention: intervention, team: team, municipality: municipality, periodStart: periodStart, periodEnd: periodEnd,
                           referrer: referrer, ageBand: ageBand, household: household, lifeDomains: lifeDomains)
    }

    /// As `CalendarDay.init(from:)`.
    private func day(_ node: Int) -> CalendarDay? { string(node).flatMap { CalendarDay(iso: $0) } }

    private func story(_ node: Int) -> CaseStory? {
        var situation: String?, approach: String?, result: String?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "situation"): situation = string(value); return situation != nil
            case named(key, "approach"): approach = string(value); return approach != nil
            case named(key, "result"): result = string(value); return result != nil
            default: return true
            }
        }
        guard complete, let situation, let approach, let result else { return nil }
        return CaseStory(situation: situation, approach: approach, result: result)
    }

    private func effort(_ node: Int) -> OwnEffort? {
        var law: String?, workers: [WorkerHours]?, volunteerHours: Decimal?, volunteerRate: Money?, otherCosts: [OtherCost]?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "law"): law = string(value); return law != nil
            case named(key, "workers"): workers = array(value, worker); return workers != nil
            case named(key, "volunteerHours"): volunteerHours = exactDecimal(value); return volunteerHours != nil
            case named(key, "volunteerRate"): volunteerRate = money(value); return volunteerRate != nil
            case named(key, "otherCosts"): otherCosts = array(value, otherCost); return otherCosts != nil
            default: return true
            }
        }
        guard complete, let law, let workers, let volunteerHours, let volunteerRate, let otherCosts else { return nil }
        return OwnEffort(law: law, workers: workers, volunteerHours: volunteerHours, volunteerRate: volunteerRate, otherCosts: otherCosts)
    }

    private func worker(_ node: Int) -> WorkerHours? {
        var rateCode: String?, description: String?, hours: Decimal?, hourlyRate: Money?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "rateCode"): rateCode = string(value); return rateCode != nil
            case named(key, "description"): description = string(value); return description != nil
            case named(key, "hours"): hours = exactDecimal(value); return hours != nil
            case named(key, "hourlyRate"): hourlyRate = money(value); return hourlyRate != nil
            default: return true
            }
        }
        guard complete, let rateCode, let description, let hours, let hourlyRate else { return nil }
        return WorkerHours(rateCode: rateCode, description: description, hours: hours, hourlyRate: hourlyRate)
    }

    private func otherCost(_ node: Int) -> OtherCost? {
        var description: String?, amount: Money?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "description"): description = string(value); return description != nil
            case named(key, "amount"): amount = money(value); return amount != nil
            default: return true
            }
        }
        guard complete, let description, let amount else { return nil }
        return OtherCost(description: description, amount: amount)
    }

    private func estimate(_ node: Int) -> CaseEstimate? {
        var deployed: [DeployedCareLine]?, avoided: [AvoidedCareLine]?, attribution: Percentage?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "deployed"): deployed = array(value, self.deployed); return deployed != nil
            case named(key, "avoided"): avoided = array(value, self.avoided); return avoided != nil
            case named(key, "attribution"): attribution = percentage(value); return attribution != nil
            default: return true
            }
        }
        guard complete, let deployed, let avoided, let attribution else { return nil }
        return CaseEstimate(deployed: deployed, avoided: avoided, attribution: attribution)
    }

    /// As `CaseEvent.init(from:)`: every field required but the content seal (empty before schema 2).
    private func event(_ node: Int) -> CaseEvent? {
        var at: String?, by: String?, action: CaseEvent.Action?, field: String?, old: String?, new: String?, reason: String?
        var previousHash: String?, hash: String?, contentHash: String?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "at"): at = string(value); return at != nil
            case named(key, "by"): by = string(value); return by != nil
            case named(key, "action"): action = string(value).flatMap(CaseEvent.Action.init(rawValue:)); return action != nil
            case named(key, "field"): field = string(value); return field != nil
            case named(key, "old"): old = string(value); return old != nil
            case named(key, "new"): new = string(value); return new != nil
            case named(key, "reason"): reason = string(value); return reason != nil
            case named(key, "previousHash"): previousHash = string(value); return previousHash != nil
            case named(key, "hash"): hash = string(value); return hash != nil
            case named(key, "contentHash"): return optional(value, &contentHash, string)
            default: return true
            }
        }
        guard complete, let at, let by, let action, let field, let old, let new, let reason, let previousHash, let hash else { return nil }
        var event = CaseEvent(at: at, by: by, action: action, field: field, old: old, new: new, reason: reason)
        event.previousHash = previousHash
        event.hash = hash
        event.contentHash = contentHash ?? ""
        return event
    }

    private func provenance(_ node: Int) -> CaseProvenance? {
        var sourceID: String?, sourceFile: String?, sourceStatus: CaseStatus?, history: [CaseEvent]?, historyHead: String?
        let complete = forEachMember(of: node) { key, value in
            switch true {
            case named(key, "sourceID"): sourceID = string(value); return sourceID != nil
            case named(key, "sourceFile"): sourceFile = string(value); return sourceFile != nil
            case named(key, "sourceStatus"): sourceStatus = string(value).flatMap(CaseStatus.init(rawValue:)); return sourceStatus != nil
            case named(key, "history"): history = array(value, event); return history != nil
            case named(key, "historyHead"): historyHead = string(value); return historyHead != nil
            default: return true
            }
        }
        guard complete, let sourceID, let sourceFile, let sourceStatus, let history, let historyHead else { return nil }
        return CaseProvenance(sourceID: sourceID, sourceFile: sourceFile, sourceStatus: sourceStatus, history: history, historyHead: historyHead)
    }
}
