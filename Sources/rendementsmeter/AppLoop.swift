import ArgumentParser
import Foundation
import RendementsCore
import RendementsRender
import RendementsStorage
import RendementsTerminal

/// Carries out the core's effects for the terminal app: against the folder or the server.
protocol AppEffects: AnyObject {
    /// The messages that report the result, if the core needs any.
    func perform(_ effect: Effect) -> [Msg]
    /// Where the browser's search runs away from the keys; nil: it is performed like any effect.
    var backgroundSearch: BackgroundSearch? { get }
    /// True while every case's figures are being read on another thread: a read of the cases
    /// asked for meanwhile waits in the loop, with the keys free, instead of in `perform`.
    var isReadingAhead: Bool { get }
}

extension AppEffects {
    var backgroundSearch: BackgroundSearch? { nil }
    var isReadingAhead: Bool { false }
}

/// The terminal app's loop: keys in, effects carried out, frames out.
enum AppLoop {
    /// `afterFirstPaint`: work that may wait until the first screen is up (checking recorded totals).
    static func run(_ initial: AppState, effects: some AppEffects, afterFirstPaint: Effect?) throws {
        var state = initial
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            printError("fout: " + error.dutchMessage)
            throw ExitCode(2)
        }
        defer { terminal.close() }
        state.size = terminal.size
        ServerWaitNotice.show = { seconds in
            var waiting = state
            waiting.notice = ServerWaitNotice.text(seconds: seconds)
            terminal.draw(View.render(waiting))
        }
        defer { ServerWaitNotice.show = nil }
        if let afterFirstPaint {
            terminal.draw(View.render(state))
            for message in effects.perform(afterFirstPaint) { _ = Update.apply(message, to: &state) }
        }
        // Draft saves wait until no key is waiting: every key typed at human speed is on
        // disk before the screen shows it, and a paste is one write instead of one per character.
        var unsavedDraft: IntakeDraft?
        func flushDraft() {
            guard let draft = unsavedDraft else { return }
            unsavedDraft = nil
            for message in effects.perform(.saveDraft(draft)) { _ = Update.apply(message, to: &state) }
        }
        let search = effects.backgroundSearch
        // A read of the cases asked for while they are read ahead: carried out once they are in.
        var readWaiting = false
        while true {
            var queue: [Effect] = []
            if readWaiting && !effects.isReadingAhead {
                readWaiting = false
                queue.append(.reloadCases)
            }
            if let answer = search?.take() {
                // Without an answer from the index the store searches itself, here (as without a background search).
                let found = answer.ids.map { [Msg.searchResults(query: answer.query, ids: $0)] } ?? effects.perform(.searchCases(answer.query))
                for message in found { queue += Update.apply(message, to: &state) }
            }
            if queue.isEmpty {
                if !terminal.hasPendingInput() {
                    flushDraft()
                    terminal.draw(View.render(state))
                }
                // While a search or a read ahead runs, a key is looked for every 10 ms and its answer in between.
                let waiting = search?.isBusy == true || readWaiting
                let message = terminal.nextMessage(idleAfter: waiting ? 10 : 2_000)
                if case .idle = message, waiting { continue }
                queue = Update.apply(message, to: &state)
                // A reason typed without a 2-second pause would otherwise let the review's lease lapse
                // (renewal came only with idle keys); the runner renews at most every 30 s.
                if case .key = message, state.caseView?.reviewing == true { queue.append(.renewLocks) }
            }
            while !queue.isEmpty {
                let effect = queue.removeFirst()
                switch effect {
                case .quit:
                    flushDraft()
                    return
                case .saveDraft(let draft):
                    unsavedDraft = draft
                    continue
                case .writeCase, .saveCase(_, clearsDraft: true):
                    unsavedDraft = nil  // the case replaces the draft; a late save must not bring it back
                case .searchCases(let query) where search != nil:
                    search?.start(query)
                    continue
                case .reloadCases where effects.isReadingAhead:
                    // The browser or dashboard opened in the first seconds shows its frame, and keys
                    // work, until the figures read ahead are in (the keys waited 1.7 s at 100,000 cases).
                    readWaiting = true
                    continue
                default:
                    break
                }
                for message in effects.perform(effect) { queue += Update.apply(message, to: &state) }
            }
        }
    }
}
