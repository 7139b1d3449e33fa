import LSTMCore
import LSTMFiles
import Testing

@testable import LSTMViewModel

/// Changing numbers: nudges, typed values, resets, and what is refused. Everything derived
/// follows: the state after an edit shows what the lesson with that number shows.
@Suite struct EditValueTests {
  private let forgetBias = EditTarget.gate(.forget, .bias, row: 0, column: 0)
  private let toForgetBias: [Action] = [.edit(.nextField), .edit(.nextField)]

  /// Whether `state` shows what `lesson` opened at the same place shows: its runs, histories,
  /// step and gradients.
  private func showsTheLesson(_ state: State, _ lesson: Lesson) -> Bool {
    var fresh = State(lesson: lesson, width: state.width, height: state.height)
    fresh.sequenceIndex = state.sequenceIndex
    fresh.t = state.t
    if state.isShowingBackward { reduce(&fresh, .toggleBackward) }
    return state.lesson == lesson && state.runs == fresh.runs && state.histories == fresh.histories
      && state.step == fresh.step && state.gradients == fresh.gradients
  }

  @Test func theClassesFirstQuestionTheForgetBiasToMinusFive() throws {
    let state = applying(toForgetBias + typingValue("-5"), to: editing())
    #expect(state.editTarget == forgetBias)
    #expect(state.lesson.value(of: forgetBias) == -5)
    #expect(showsTheLesson(state, try statQuest(with: forgetBias, -5)))
    #expect(state.edit.lastEdit == Edit(target: forgetBias, from: 1.62, to: -5))
    #expect(state.changes == [Change(target: forgetBias, original: 1.62, value: -5)])
    #expect(state.original == Lesson.statQuest)
    #expect(state.showsGhost)
    // The prediction changed, and the ghost still has the lesson's own.
    #expect(state.run?.prediction != state.ghostRun?.prediction)
    #expect(state.ghostRun == State(lesson: .statQuest, width: 80, height: 24).run)
  }

  @Test func theSecondQuestionDayTwosInputToNineTenths() throws {
    let toInput = [Action.next] + Array(repeating: .edit(.nextGroup), count: 4)
    let state = applying(toInput + typingValue("0.9"), to: editing())
    let day2 = EditTarget.input(sequence: 0, t: 2, component: 0)
    #expect(state.editTarget == day2 && state.t == 2)
    #expect(showsTheLesson(state, try statQuest(with: day2, 0.9)))
    // Company B is left as it was: its run is the very same.
    #expect(state.runs[1] == State(lesson: .statQuest, width: 80, height: 24).runs[1])
    #expect(state.ghostStep?.input == [0.5] && state.step?.input == [0.9])
  }

  @Test func nudgesAddTheStepInDecimal() {
    let up = applying(toForgetBias + [.edit(.nudgeUp)], to: editing())
    #expect(up.lesson.value(of: forgetBias) == 1.72)
    let down = applying([.edit(.nudgeDown), .edit(.nudgeDown)], to: up)
    #expect(down.lesson.value(of: forgetBias) == 1.52)
    let fine = applying([.edit(.smallerStep), .edit(.smallerStep), .edit(.nudgeUp)], to: down)
    #expect(fine.edit.step == 0.001 && fine.lesson.value(of: forgetBias) == 1.521)
    let coarse = applying(
      Array(repeating: .edit(.largerStep), count: 4) + [.edit(.nudgeDown)], to: fine)
    #expect(coarse.edit.step == 10 && coarse.lesson.value(of: forgetBias) == -8.479)
    // The step stops at 10^±12.
    let huge = applying(Array(repeating: .edit(.largerStep), count: 30), to: coarse)
    #expect(huge.edit.step == 1e12)
    let tiny = applying(Array(repeating: .edit(.smallerStep), count: 30), to: coarse)
    #expect(tiny.edit.step == 1e-12)
    #expect(DecimalNudge.add(0.1, exponent: -1, negative: false) == 0.2)
    #expect(DecimalNudge.add(0.2, exponent: -1, negative: false) == 0.3)
    #expect(DecimalNudge.add(1e-5, exponent: -1, negative: false) == 0.10001)
    #expect(DecimalNudge.add(1.5e20, exponent: -1, negative: false) == 1.5e20 + 0.1)
  }

  @Test func zeroPutsBackTheLessonsOwnValue() throws {
    let changed = applying(toForgetBias + typingValue("-5") + [.edit(.nextField)], to: editing())
    let elsewhere = applying([.edit(.reset)], to: changed)
    #expect(elsewhere.lesson == changed.lesson && elsewhere.edit.lastEdit == nil)
    let back = applying([.edit(.previousField), .edit(.reset)], to: changed)
    #expect(back.lesson == Lesson.statQuest)
    #expect(back.runs == State(lesson: .statQuest, width: 80, height: 24).runs)
    #expect(back.changes.isEmpty && !back.showsGhost)
    #expect(back.edit.lastEdit == Edit(target: forgetBias, from: -5, to: 1.62))
  }

  @Test(arguments: ["abc", "1..2", "--5", "", "inf", "nan", "0x10", "1e5e5", "5-"])
  func whatIsNotANumberIsRefusedAndNothingChanges(_ text: String) {
    let start = applying(toForgetBias, to: editing())
    let after = applying(typingValue(text), to: start)
    #expect(after.lesson == start.lesson && after.runs == start.runs)
    #expect(after.edit.notice == .notANumber(text))
    #expect(after.edit.done.isEmpty && after.edit.prompt == nil)
  }

  @Test(arguments: ["1e999", "-1e400", "9e308"])
  func whatOverflowsADoubleIsRefused(_ text: String) {
    let start = applying(toForgetBias, to: editing())
    let after = applying(typingValue(text), to: start)
    #expect(after.lesson == start.lesson)
    #expect(after.edit.notice == .notFinite(text))
  }

  @Test func aValueThatWouldOverflowTheCellIsRefusedNamingTheStep() {
    // An input weight of 1e308 keeps x finite (input ≤ 1); a bias of 1e308 as well makes x
    // 1e308 + 1e308 at t = 4 of Company A, where the input is 1.
    let toInputWeight: [Action] = [.edit(.nextField)]
    let large = applying(toInputWeight + typingValue("1e308"), to: editing())
    #expect(large.lesson.value(of: .gate(.forget, .inputWeights, row: 0, column: 0)) == 1e308)
    #expect(large.step?.gates.forget.x.allSatisfy(\.isFinite) == true)
    let refused = applying([.edit(.nextField)] + typingValue("1e308"), to: large)
    #expect(refused.lesson == large.lesson && refused.runs == large.runs)
    #expect(
      refused.edit.notice
        == .overflows(target: forgetBias, value: 1e308, sequence: 0, t: 4, inTwin: false))
    // The twin is checked too.
    let twinWeight = applying(
      Array(repeating: .edit(.previousField), count: 2) + typingValue("1e308")
        + [.edit(.nextField)] + typingValue("1e308"), to: editing())
    #expect(
      twinWeight.edit.notice
        == .overflows(
          target: .twin(.bias, row: 0, column: 0), value: 1e308, sequence: 0, t: 4, inTwin: true))
  }

  @Test func typedNumbersInEveryFormAreTaken() {
    for (text, value) in [
      ("-5", -5.0), ("+2.5", 2.5), ("1.5e-3", 0.0015), (".5", 0.5), ("3.", 3), ("1E2", 100),
    ] {
      let after = applying(toForgetBias + typingValue(text), to: editing())
      #expect(after.lesson.value(of: forgetBias) == value, "\(text)")
    }
    let minusZero = applying(toForgetBias + typingValue("-0"), to: editing())
    #expect(minusZero.lesson.value(of: forgetBias)?.sign == .plus)
  }

  @Test func theTwinsWeightsAndItsViewFollow() throws {
    let twinBias = EditTarget.twin(.bias, row: 0, column: 0)
    let start = applying([.toggleTwin], to: editing())
    let before = try #require(start.twinStep)
    let changed = applying([.edit(.previousField)] + typingValue("0.5"), to: start)
    #expect(changed.editTarget == twinBias && changed.lesson.value(of: twinBias) == 0.5)
    let fresh = applying(
      [.toggleTwin], to: State(lesson: try statQuest(with: twinBias, 0.5), width: 80, height: 24))
    #expect(changed.twinStep == fresh.twinStep && changed.twinStep != before)
    #expect(changed.runs == start.runs)
    #expect(changed.ghostTwinRuns[0]?.model == Lesson.statQuest.rnn)
  }

  @Test func theGradientsFollowAnEditInTheBackwardView() throws {
    let start = applying([.toggleBackward], to: editing())
    let before = try #require(start.gradients)
    let changed = applying(toForgetBias + typingValue("-5"), to: start)
    #expect(changed.gradients != before)
    #expect(showsTheLesson(changed, try statQuest(with: forgetBias, -5)))
    let undone = applying([.edit(.undo)], to: changed)
    #expect(undone.gradients == before)
  }

  @Test func aVectorCellsEntryChangesOnlyThatEntry() throws {
    let lesson = try vectorLesson()
    let state = applying([.nextUnit, .edit(.nextField)] + typingValue("2"), to: editing(lesson))
    let target = EditTarget.gate(.forget, .stmWeights, row: 1, column: 1)
    #expect(state.editTarget == target)
    var expected = lesson
    try expected.model.setWeight(2, gate: .forget, part: .stmWeights, row: 1, column: 1)
    #expect(state.lesson == expected)
    #expect(state.runs == State(lesson: expected, width: 80, height: 24).runs)
  }
}
