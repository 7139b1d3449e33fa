import LSTMCore
import LSTMFiles
import Testing

@testable import LSTMViewModel

/// `state` after `actions`, in order.
private func after(_ actions: [Action], from state: State) -> State {
  var state = state
  for action in actions { reduce(&state, action) }
  return state
}

/// The StatQuest lesson with the twin the golden lesson carries.
private var withTwin: Lesson {
  var lesson = Lesson.statQuest
  lesson.rnn = RNNModel(stmWeight: 1.89, inputWeight: 2.29, bias: -0.70)
  return lesson
}

/// The StatQuest lesson opened at 100×30.
private func opening(_ lesson: Lesson = .statQuest) -> State {
  State(lesson: lesson, width: 100, height: 30)
}

/// A cell of hidden size 3 on scalar inputs, and a sequence with a target.
private func threeUnitLesson() throws -> Lesson {
  let model = try LSTMModel(
    inputSize: 1, hiddenSize: 3,
    gates: PerGate { gate in
      GateWeights(
        stmWeights: Matrix([[0.1, 0, -0.2], [0, 0.2, 0], [0.3, 0, 0.3]]),
        inputWeights: Matrix([[1], [-2], [3]]), bias: [0, 0.1, gate == .forget ? 1 : -0.2])
    })
  let sequence = InputSequence(
    name: "s", inputSize: 1, values: [0.5, -1, 0.25, 2], target: [0.1, 0.2, 0.3])
  return Lesson(title: "three units", model: model, sequences: [sequence])
}

@Suite struct BackwardStateTests {
  @Test func openingALessonComputesNoGradients() {
    let state = after([.next, .next, .nextSequence, .toggleStages], from: opening(withTwin))
    #expect(state.backward.passCount == 0)
    #expect(state.backward.gradients.isEmpty && state.backward.twinRuns.isEmpty)
    #expect(state.gradients == nil && state.backwardStep == nil)
  }

  @Test func bShowsTheGradientsOfThePredictionComputedOnce() throws {
    let state = after([.next, .toggleBackward], from: opening(withTwin))
    let run = try #require(state.run)
    #expect(state.isShowingBackward && state.backward.passCount == 1)
    #expect(state.objective == .prediction(unit: 0))
    let gradients = try #require(state.gradients)
    #expect(gradients.lstm == run.gradients(of: .prediction(unit: 0)))
    let twin = RNNRun(model: try #require(withTwin.rnn), sequence: run.sequence)
    #expect(gradients.twin == twin.gradients(of: .prediction(unit: 0)))
    #expect(state.backwardStep == run.backwardStep(at: 2, of: gradients.lstm))
    #expect(state.twinBackwardStep == twin.backwardStep(at: 2, of: try #require(gradients.twin)))
  }

  @Test func steppingInTheBackwardViewNeverRecomputes() {
    let keys: [Action] = [
      .next, .next, .previous, .last, .first, .toggleStages, .next, .next, .next, .previous,
      .togglePlay, .tick, .tick, .resize(width: 120, height: 40), .toggleHelp, .closeHelp,
    ]
    let start = after([.toggleBackward], from: opening(withTwin))
    let stepped = after(keys, from: start)
    #expect(stepped.backward.passCount == 1)
    #expect(stepped.gradients == start.gradients)
  }

  @Test func eachSequenceIsComputedOnceAndKept() {
    let state = after(
      [.toggleBackward, .nextSequence, .previousSequence, .nextSequence], from: opening())
    #expect(state.backward.passCount == 2)
    #expect(state.gradients?.sequenceIndex == 1)
  }

  @Test func oMakesJTheLossAndBack() throws {
    let start = after([.toggleBackward], from: opening())
    let loss = after([.toggleObjective], from: start)
    let target = try #require(Lesson.statQuest.sequences[0].target)
    #expect(loss.objective == .loss(target: target))
    #expect(loss.gradients?.lstm == loss.run?.gradients(of: .loss(target: target)))
    #expect(loss.backward.passCount == 2)
    let back = after([.toggleObjective], from: loss)
    #expect(back.objective == .prediction(unit: 0) && back.backward.passCount == 2)
    #expect(back.gradients == start.gradients)
  }

  @Test func withoutATargetJStaysThePrediction() {
    var lesson = Lesson.statQuest
    lesson.sequences[0].target = nil
    let state = after([.toggleBackward, .toggleObjective], from: opening(lesson))
    #expect(state.wantsLoss && state.lossTarget == nil)
    #expect(state.objective == .prediction(unit: 0) && state.backward.passCount == 1)
  }

  @Test func aVectorCellDifferentiatesTheSelectedUnit() throws {
    let state = after(
      [.toggleBackward, .nextUnit, .nextUnit], from: opening(try threeUnitLesson()))
    #expect(state.objective == .prediction(unit: 2))
    #expect(state.gradients?.lstm == state.run?.gradients(of: .prediction(unit: 2)))
    #expect(state.gradients?.history.isNorm == true)
    let loss = after([.toggleObjective, .previousUnit], from: state)
    #expect(loss.objective == .loss(target: [0.1, 0.2, 0.3]))
    #expect(loss.backward.passCount == 4)
  }

  @Test func aChangedModelRebuildsTheGradients() throws {
    let start = after([.next, .toggleBackward], from: opening())
    var model = Lesson.statQuest.model
    try model.setWeight(0.5, gate: .forget, part: .bias, row: 0, column: 0)
    let changed = after([.changeModel(model)], from: start)
    let run = SequenceRun(model: model, sequence: Lesson.statQuest.sequences[0])
    #expect(changed.backward.passCount == 2 && changed.backward.gradients.count == 1)
    #expect(changed.gradients?.lstm == run.gradients(of: .prediction(unit: 0)))
    #expect(changed.gradients != start.gradients)
    let input = after([.changeInput(sequence: 0, t: 1, values: [0.3])], from: changed)
    #expect(input.backward.passCount == 3)
    #expect(input.gradients?.lstm == input.run?.gradients(of: .prediction(unit: 0)))
  }

  @Test func stageModeWalksTheStagesBackward() {
    let start = after([.next, .toggleBackward, .toggleStages], from: opening())
    #expect(start.stage == .output && start.t == 2)
    #expect(start.reveals(.output) && !start.reveals(.input) && !start.reveals(.forget))
    let input = after([.toggleStages], from: start)
    #expect(input.stage == .input && input.reveals(.input) && !input.reveals(.forget))
    let forget = after([.next], from: input)
    #expect(forget.stage == .forget && forget.reveals(.forget) && forget.t == 2)
    let nextStep = after([.next], from: forget)
    #expect(nextStep.stage == .output && nextStep.t == 3)
    let back = after([.previous], from: nextStep)
    #expect(back.stage == .forget && back.t == 2)
    #expect(after([.toggleStages], from: forget).stage == nil)
    #expect(after([.toggleBackward], from: input).stage == .forget)
  }

  @Test func playbackInTheBackwardViewStopsAtTheLastStage() {
    let start = after([.last, .toggleBackward, .toggleStages], from: opening())
    #expect(!start.isAtEnd)
    #expect(after([.next, .next], from: start).isAtEnd)
  }

  @Test func rShowsTheTwinWithoutStages() throws {
    let state = after([.next, .toggleStages, .toggleTwin], from: opening(withTwin))
    #expect(state.isShowingTwin && state.stage == nil)
    #expect(after([.toggleStages], from: state).stage == nil)
    #expect(after([.next], from: state).t == 3)
    let twin = RNNRun(model: try #require(withTwin.rnn), sequence: Lesson.statQuest.sequences[0])
    #expect(state.twinStep == twin.step(at: 2))
    #expect(state.backward.passCount == 0)
    #expect(after([.toggleBackward], from: state).backward.passCount == 1)
  }

  @Test func withoutATwinTheRNNViewMakesNothingUp() {
    var lesson = Lesson.statQuest
    lesson.rnn = nil
    let state = after([.toggleTwin, .toggleBackward], from: opening(lesson))
    #expect(state.isShowingTwin && state.twinRun == nil && state.twinStep == nil)
    #expect(state.gradients?.twin == nil && state.gradients?.history.twinSTM == nil)
  }
}
