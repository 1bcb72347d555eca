import RendementsCore
import RendementsStorage

/// Saves the intake's draft on this computer; where that fails, in a private reserve folder in
/// the home directory rather than nowhere.
enum DraftSaving {
    static func save(_ draft: IntakeDraft, in drafts: DraftStore, user: String, window: Int) -> [Msg] {
        do {
            try drafts.save(draft, user: user, window: window)
            DraftStore.reserve().delete(user: user, window: window)
            return [.draftSaved]
        } catch {
            let reserve = DraftStore.reserve()
            do {
                try reserve.save(draft, user: user, window: window)
                return [.draftSaveFailed("\(error.shortDutchMessage); reservekopie in \(reserve.url(for: user, window: window).path).")]
            } catch {
                return [.draftSaveFailed(error.dutchMessage)]
            }
        }
    }
}
