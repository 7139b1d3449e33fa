import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// The StatQuest lesson with the twin the golden lesson carries (1.89, 2.29, −0.70).
private var statQuestWithTwin: Lesson {
  var lesson = Lesson.statQuest
  lesson.rnn = RNNModel(stmWeight: 1.89, inputWeight: 2.29, bias: -0.70)
  return lesson
}

/// `lesson` after `keys`, at `width`×`height`.
private func state(
  _ keys: [Action], of lesson: Lesson = statQuestWithTwin, width: Int, height: Int
) -> State {
  var state = State(lesson: lesson, width: width, height: height)
  for key in keys { reduce(&state, key) }
  return state
}

/// The StatQuest cell and its twin on the two companies with 40 quiet days in between (0.5 a
/// day): the twin's gradient vanishes, the LSTM's does not.
private var quietDays: Lesson {
  var lesson = statQuestWithTwin
  let quiet = [Double](repeating: 0.5, count: 40)
  lesson.sequences = [
    InputSequence(name: "Company A", values: [0] + quiet + [0.5, 0.25, 1], target: 0),
    InputSequence(name: "Company B", values: [1] + quiet + [0.5, 0.25, 1], target: 1),
  ]
  return lesson
}

/// Frames of the backward view (b) and the RNN view (r), compared with `Snapshots/`.
@Suite struct BackwardSnapshotTests {
  @Test(arguments: [(80, 24), (100, 30), (120, 40)])
  func backwardAtTheSecondStep(width: Int, height: Int) throws {
    try expectSnapshot(
      state([.next, .toggleBackward], width: width, height: height),
      "backward-A-t2-\(width)x\(height)")
  }

  @Test func backwardAtTheLastStepOfTheLoss() throws {
    try expectSnapshot(
      state([.nextSequence, .last, .toggleBackward, .toggleObjective], width: 80, height: 24),
      "backward-B-t4-loss-80x24")
  }

  @Test func backwardStageModeStartsAtTheOutputGate() throws {
    try expectSnapshot(
      state([.next, .toggleBackward, .toggleStages], width: 80, height: 24),
      "backward-A-t2-stage-output-80x24")
  }

  @Test(arguments: [(80, 24), (100, 30), (120, 40)])
  func rnnForward(width: Int, height: Int) throws {
    try expectSnapshot(
      state([.next, .toggleTwin], width: width, height: height), "rnn-A-t2-\(width)x\(height)")
  }

  @Test(arguments: [(80, 24), (100, 30), (120, 40)])
  func rnnBackward(width: Int, height: Int) throws {
    try expectSnapshot(
      state([.next, .toggleTwin, .toggleBackward], width: width, height: height),
      "rnn-backward-A-t2-\(width)x\(height)")
  }

  @Test func rnnWithoutATwin() throws {
    var lesson = Lesson.statQuest
    lesson.rnn = nil
    try expectSnapshot(state([.toggleTwin], of: lesson, width: 80, height: 24), "rnn-no-twin-80x24")
  }

  @Test func theGradientOfFortyQuietDays() throws {
    try expectSnapshot(
      state([.next, .toggleBackward], of: quietDays, width: 100, height: 30),
      "backward-quiet-days-t2-100x30")
    try expectSnapshot(
      state([.next, .toggleTwin, .toggleBackward], of: quietDays, width: 120, height: 40),
      "rnn-backward-quiet-days-t2-120x40")
  }

  @Test func aVectorCellShowsTheSelectedUnitAndNorms() throws {
    try expectSnapshot(
      state([.next, .nextUnit, .toggleBackward], of: try torch3x2Lesson(), width: 100, height: 30),
      "backward-torch3x2-t2-unit2-100x30")
  }
}
