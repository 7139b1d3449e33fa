import LSTMCore
import LSTMFiles
import Testing

@testable import LSTMViewModel

/// Undo and redo over the whole history of edits, saving, and quitting with edits not saved.
@Suite struct EditHistoryTests {
  private let forgetBias = EditTarget.gate(.forget, .bias, row: 0, column: 0)

  /// Three edits: the forget bias to -5, then +0.1, then day 2's input (t = 2) to 0.9.
  private func threeEdits() -> State {
    applying(
      [.edit(.nextField), .edit(.nextField)] + typingValue("-5") + [.edit(.nudgeUp), .next]
        + Array(repeating: .edit(.nextGroup), count: 4) + typingValue("0.9"), to: editing())
  }

  @Test func undoWalksBackEveryEditAndRedoForward() throws {
    let edited = threeEdits()
    #expect(edited.edit.done.count == 3)
    #expect(edited.lesson.value(of: forgetBias) == -4.9)
    var lesson = try statQuest(with: forgetBias, -4.9)
    lesson.sequences = try statQuest(with: .input(sequence: 0, t: 2, component: 0), 0.9).sequences
    #expect(edited.lesson == lesson)
    let one = applying([.edit(.undo)], to: edited)
    #expect(one.lesson.sequences == Lesson.statQuest.sequences)
    #expect(one.edit.lastEdit?.kind == .undo)
    let two = applying([.edit(.undo)], to: one)
    #expect(two.lesson.value(of: forgetBias) == -5)
    // Undo shows the number it changed: the cursor goes back to the forget bias.
    #expect(two.editTarget == forgetBias)
    let all = applying([.edit(.undo)], to: two)
    #expect(all.lesson == Lesson.statQuest && !all.showsGhost)
    #expect(all.runs == State(lesson: .statQuest, width: 80, height: 24).runs)
    let nothing = applying([.edit(.undo)], to: all)
    #expect(nothing.edit.notice == .nothingToUndo && nothing.lesson == all.lesson)
    let again = applying([.edit(.redo), .edit(.redo), .edit(.redo)], to: all)
    #expect(again.lesson == edited.lesson && again.runs == edited.runs)
    #expect(again.editTarget == .input(sequence: 0, t: 2, component: 0) && again.t == 2)
    let past = applying([.edit(.redo)], to: again)
    #expect(past.edit.notice == .nothingToRedo)
  }

  @Test func aNewEditForgetsWhatWasUndone() {
    let undone = applying([.edit(.undo), .edit(.undo)], to: threeEdits())
    #expect(undone.edit.undone.count == 2)
    let edited = applying([.edit(.nudgeDown)], to: undone)
    #expect(edited.edit.undone.isEmpty)
    #expect(applying([.edit(.redo)], to: edited).edit.notice == .nothingToRedo)
  }

  @Test func anEditThatChangesNothingIsNoStepOfTheHistory() {
    let start = applying([.edit(.nextField), .edit(.nextField)], to: editing())
    let same = applying(typingValue("1.62") + [.edit(.reset)], to: start)
    #expect(same.edit.done.isEmpty && same.edit.lastEdit == nil)
  }

  @Test func savingAsksForAPathAndNeverOverwritesUnasked() {
    var state = threeEdits()
    state.setDefaultSavePath("statquest-edited.json")
    reduce(&state, .edit(.save))
    #expect(state.edit.prompt == .savePath("statquest-edited.json"))
    reduce(&state, .edit(.commit))
    #expect(state.edit.saveRequest == SaveRequest(path: "statquest-edited.json", overwrite: false))
    reduce(&state, .saveFinished(.exists(path: "statquest-edited.json")))
    #expect(state.edit.saveRequest == nil)
    #expect(state.edit.prompt == .confirmOverwrite("statquest-edited.json"))
    let kept = applying([.edit(.type("n"))], to: state)
    #expect(kept.edit.prompt == nil && kept.edit.saveRequest == nil)
    #expect(kept.edit.notice == .kept("statquest-edited.json"))
    let keptByEnter = applying([.edit(.commit)], to: state)
    #expect(
      keptByEnter.edit.saveRequest == nil
        && keptByEnter.edit.notice == .kept("statquest-edited.json"))
    let yes = applying([.edit(.type("y"))], to: state)
    #expect(yes.edit.saveRequest == SaveRequest(path: "statquest-edited.json", overwrite: true))
    let saved = applying([.saveFinished(.saved(path: "statquest-edited.json"))], to: yes)
    #expect(saved.edit.notice == .saved("statquest-edited.json"))
    #expect(saved.unsavedChangeCount == 0 && saved.lesson == yes.lesson)
  }

  @Test func aFailedSaveSaysWhyAndLosesNothing() {
    let asked = applying([.edit(.save)] + typing("/x") + [.edit(.commit)], to: threeEdits())
    #expect(asked.edit.saveRequest?.path == "lesson-edited.json/x")
    let failed = applying(
      [.saveFinished(.failed(path: "/ro/a.json", reason: "read-only file system"))], to: asked)
    #expect(failed.edit.notice == .saveFailed(path: "/ro/a.json", reason: "read-only file system"))
    #expect(failed.lesson == asked.lesson && failed.edit.done == asked.edit.done)
    #expect(failed.unsavedChangeCount == 2)
    let empty = applying(
      [.edit(.save)] + Array(repeating: .edit(.erase), count: 40) + [.edit(.commit)], to: failed)
    #expect(empty.edit.notice == .noPath && empty.edit.saveRequest == nil)
  }

  @Test func quittingWithUnsavedEditsAsksOnce() {
    let edited = threeEdits()
    let warned = applying([.quit], to: edited)
    #expect(!warned.hasQuit && warned.edit.notice == .unsavedChanges(2))
    #expect(applying([.quit], to: warned).hasQuit)
    // Another key in between asks again.
    #expect(!applying([.next, .quit], to: warned).hasQuit)
    // Nothing changed, or all saved: q quits at once.
    #expect(applying([.quit], to: editing()).hasQuit)
    let saved = applying([.saveFinished(.saved(path: "a.json"))], to: edited)
    #expect(applying([.quit], to: saved).hasQuit)
  }
}
