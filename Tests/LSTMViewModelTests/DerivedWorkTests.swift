import LSTMCore
import LSTMFiles
import Testing

@testable import LSTMViewModel

/// Work too long for a key press: a long sequence run again after an edit is asked of a job,
/// the step shown first; when the job's results come back, the state is what doing everything
/// at once would have made.
@Suite struct DerivedWorkTests {
  /// Longer than a key press's budget for the scalar cell (10 ms at 75 ns a step).
  private let steps = 200_000

  @Test func aShortLessonIsRebuiltWithinTheKeyPress() {
    let state = applying([.edit(.nextField)] + typingValue("2"), to: editing())
    #expect(state.jobs.isEmpty && state.staleSequences.isEmpty && !state.isRecomputing)
  }

  @Test func aLongRunIsAskedOfAJobAndTheStepShownComesFirst() throws {
    let lesson = longLesson(steps: steps)
    let start = applying([.next, .next], to: editing(lesson))
    let edited = applying([.edit(.nextField), .edit(.nextField)] + typingValue("-5"), to: start)
    #expect(edited.isRecomputing && edited.history == nil)
    #expect(edited.jobs.count == 1)
    // The step shown (t = 3) is known at once: it needs only two steps.
    var expected = lesson
    try expected.model.setWeight(-5, gate: .forget, part: .bias, row: 0)
    let fresh = State(lesson: expected, width: 80, height: 24)
    let freshStep = fresh.runs[0].step(at: 3)
    #expect(edited.step == freshStep)
    var done = edited
    done.finishJobs()
    #expect(done.jobs.isEmpty && !done.isRecomputing && done.preview == nil)
    #expect(done.runs == fresh.runs && done.histories == fresh.histories)
    #expect(done.step == freshStep)
  }

  @Test func atTheEndTheStepWaitsForTheWholeRun() {
    let start = applying([.last], to: editing(longLesson(steps: steps)))
    let edited = applying([.edit(.nextField)] + typingValue("1"), to: start)
    #expect(edited.isRecomputing && edited.step == nil)
    guard case .run(_, _, _, _, _, let previewAt) = edited.jobs.first?.work else {
      Issue.record("no run job")
      return
    }
    #expect(previewAt == steps)
    // Past the middle of the sequence the whole run is the first result.
    let results = edited.jobs[0].perform()
    #expect(results.count == 1)
    var shown = edited
    reduce(&shown, .jobFinished(results[0]))
    #expect(!shown.isRecomputing && shown.step == shown.runs[0].step(at: steps))
    // Early in the sequence the step shown is computed at once, with the key.
    var early = shown
    early.t = 10
    reduce(&early, .edit(.nudgeUp))
    #expect(early.isRecomputing && early.step == early.preview?.step && early.step?.t == 10)
    // Too far in for the key, but in the first half: the job reports the step shown first.
    let longer = 300_000
    var later = applying(
      [.edit(.nextField), .edit(.nextField)], to: editing(longLesson(steps: longer)))
    later.t = longer / 2
    reduce(&later, .edit(.nudgeUp))
    guard case .run(_, _, _, _, _, let at) = later.jobs.first?.work else {
      Issue.record("no run job")
      return
    }
    #expect(at == longer / 2 && later.step == nil)
    let first = later.jobs[0].perform()
    #expect(first.count == 2)
    reduce(&later, .jobFinished(first[0]))
    #expect(later.step?.t == longer / 2 && later.isRecomputing)
    reduce(&later, .jobFinished(first[1]))
    #expect(!later.isRecomputing && later.step == later.runs[0].step(at: longer / 2))
  }

  @Test func anInputEditRunsOnlyFromItsStep() throws {
    let lesson = longLesson(steps: steps)
    let start = applying(
      [.last] + Array(repeating: .edit(.nextGroup), count: 4), to: editing(lesson))
    #expect(start.editTarget == .input(sequence: 0, t: steps, component: 0))
    // The last step's input: the steps before it are kept, so it fits a key press.
    let edited = applying(typingValue("0.9"), to: start)
    #expect(edited.jobs.isEmpty)
    var values = lesson.sequences[0].values
    values[steps - 1] = 0.9
    var expected = lesson
    expected.sequences[0] = InputSequence(name: "long", values: values, target: 1)
    #expect(edited.runs == State(lesson: expected, width: 80, height: 24).runs)
  }

  @Test func aNewerEditReplacesTheJobAndTheOldResultIsIgnored() throws {
    let start = applying(
      [.edit(.nextField), .edit(.nextField)], to: editing(longLesson(steps: steps)))
    let first = applying(typingValue("-5"), to: start)
    let firstJob = try #require(first.jobs.first)
    let second = applying(typingValue("3"), to: first)
    #expect(second.jobs.count == 1 && second.jobs[0].id != firstJob.id)
    var late = second
    for result in firstJob.perform() { reduce(&late, .jobFinished(result)) }
    #expect(late.isRecomputing && late.runs == second.runs)
    late.finishJobs()
    var expected = longLesson(steps: steps)
    try expected.model.setWeight(3, gate: .forget, part: .bias, row: 0)
    #expect(late.runs == State(lesson: expected, width: 80, height: 24).runs)
  }

  @Test func undoingBeforeTheJobEndsNeedsNoJob() {
    let start = applying(
      [.edit(.nextField), .edit(.nextField)], to: editing(longLesson(steps: steps)))
    let edited = applying(typingValue("-5"), to: start)
    #expect(edited.isRecomputing)
    let undone = applying([.edit(.undo)], to: edited)
    #expect(!undone.isRecomputing && undone.jobs.isEmpty && undone.runs == start.runs)
  }

  @Test func theGradientsOfALongSequenceFollowAsAJob() throws {
    // Its twin and its gradients fit the key that opens the view, not after its run again.
    let lesson = longLesson(steps: steps / 5)
    let start = applying([.toggleBackward], to: editing(lesson))
    #expect(start.gradients != nil)
    let edited = applying([.edit(.nextField), .edit(.nextField)] + typingValue("-5"), to: start)
    #expect(edited.gradients == nil && edited.isComputingGradients)
    var done = edited
    done.finishJobs()
    var expected = lesson
    try expected.model.setWeight(-5, gate: .forget, part: .bias, row: 0)
    let fresh = applying([.toggleBackward], to: State(lesson: expected, width: 80, height: 24))
    #expect(done.gradients == fresh.gradients && !done.isComputingGradients)
  }
}
