import RendementsCore
import RendementsDomain

/// A centred yes/no box over the current screen.
enum ConfirmationDialog {
    static func draw(_ question: Confirmation, _ state: AppState, into frame: inout Frame) {
        let lines = text(question, state) + ["", "j = ja    n = nee"]
        let width = min(frame.width - 4, (lines.map(TextWidth.of).max() ?? 0) + 4)
        let x = (frame.width - width) / 2
        let top = max(1, (frame.height - lines.count - 2) / 2)
        frame.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: top, style: .heading)
        for (offset, line) in lines.enumerated() {
            frame.put("│ " + TextWidth.padRight(line, to: width - 4) + " │", x: x, y: top + 1 + offset, style: offset == lines.count - 1 ? .heading : .normal)
        }
        frame.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: top + lines.count + 1, style: .heading)
    }

    static func text(_ question: Confirmation, _ state: AppState) -> [String] {
        switch question {
        case .resumeDraft:
            let draft = state.pendingDraft
            let label = [draft?.intervention, draft?.periodEnd].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return ["Er staat een onafgeronde casus klaar" + (label.isEmpty ? "." : " (\(label))."), "Wil je daarmee verder gaan?"]
        case .quit(let unsaved):
            return unsaved
                ? ["Let op: de laatste wijzigingen konden niet worden", "opgeslagen. Afsluiten verliest die. Toch afsluiten?"]
                : ["De casus is nog niet ingediend. Hij blijft bewaard", "en wordt bij de volgende start aangeboden. Afsluiten?"]
        case .overwriteNewer(let id, _):
            let change = state.record(id)?.history.last.map { "door \($0.by), \(DutchTimestamp.display($0.at))" } ?? ""
            let remarks = state.record(id)?.currentRemarks.map { ["Opmerkingen: " + TextWidth.clip($0, to: 60)] } ?? []
            return ["Casus \(id) is gewijzigd sinds je hem opende (\(change))."] + remarks
                + ["Jouw aanpassing vervangt die versie. Toch opslaan?"]
        case .reviewDecision(let id, .move(.teruggestuurd, let remarks)):
            let author = state.record(id)?.author ?? "de auteur"
            return ["Casus \(id) terugsturen naar \(author)?", "Opmerkingen: " + TextWidth.clip(remarks, to: 60)]
        case .reviewDecision(let id, _):
            // The net the approval saves: with any change still waiting (helper-31: it showed the version held).
            let decided = state.caseView.flatMap { $0.caseID == id ? state.caseAsDecided($0) : nil } ?? state.record(id)
            let net = decided.flatMap { try? CaseValuation($0, options: state.estimateOptions).total.net }
            // Said when the net includes a change of this reviewer's not yet saved (helper-32: it differed from the screen).
            let waiting = state.caseView.map { $0.caseID == id && !$0.pending.isEmpty } == true
            return ["Casus \(id) goedkeuren" + (net.map { " (netto \(DutchNumber.euro($0)))" } ?? "") + "?",
                    waiting ? "Inclusief je wijziging die nog niet is opgeslagen; daarna telt hij mee."
                        : "Daarna telt hij mee als goedgekeurd en wijzigt niemand hem meer."]
        case .dropReviewChanges(let id, let count, _):
            return ["\(count == 1 ? "1 wijziging" : "\(count) wijzigingen") aan casus \(id) kon\(count == 1 ? "" : "den") niet worden opgeslagen.",
                    "Zonder opslaan verder? (n blijft; o probeert opnieuw)"]
        case .finishCase(submit: false):
            return ["Casus bewaren als concept en de invoer sluiten?", "Verder gaan kan later: Casussen beoordelen, de casus, a."]
        case .finishCase(submit: true):
            guard let intake = state.intake else { return ["Casus indienen?"] }
            let valuation = intake.valuation(state.estimateOptions)
            let warnings = IntakeWarnings.warnings(intake.draft, valuation: valuation, priceList: state.priceList)
            let net = valuation.map { " (netto \(DutchNumber.euro($0.total.net)))" } ?? ""
            return ["Casus indienen bij een collega\(net)?", "Daarna wijzig je hem alleen nog als hij wordt teruggestuurd."]
                + (warnings.isEmpty ? [] : ["Let op: \(warnings.count) waarschuwing\(warnings.count == 1 ? "" : "en") op het overzicht (met !)."])
        case .takeOverLock:
            return ["Wie deze casus vergrendelde, houdt het slot niet meer vast.", "Wil je het slot overnemen en beoordelen?"]
        case .removeLine(let kind, let index):
            let description = state.intake.map { $0.draft.lines(kind) }.flatMap { $0.indices.contains(index) ? $0[index].item.description : nil } ?? ""
            return ["Regel \(index + 1) (\(description)) verwijderen?"]
        }
    }
}
