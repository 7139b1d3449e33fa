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

/// The StatQuest lesson with its forget gate's STM weight changed to `weight`.
private func statQuest(forgetSTMWeight weight: Double) throws -> Lesson {
  var lesson = Lesson.statQuest
  var model = lesson.model
  try model.setWeight(weight, gate: .forget, part: .stmWeights, row: 0, column: 0)
  lesson.model = model
  return lesson
}

/// Whether `a` and `b` show the same: the same lesson, runs, histories, place and views. They
/// may differ in the lesson they were opened with, which only the "was" numbers show.
private func showTheSame(_ a: State, _ b: State) -> Bool {
  a.lesson == b.lesson && a.runs == b.runs && a.histories == b.histories && a.t == b.t
    && a.stage == b.stage && a.sequenceIndex == b.sequenceIndex && a.step == b.step
    && a.backward == b.backward && a.jobs == b.jobs
}

/// A cell of hidden size 3 on scalar inputs.
private func threeUnits() throws -> LSTMModel {
  try LSTMModel(
    inputSize: 1, hiddenSize: 3,
    gates: PerGate { _ in
      GateWeights(
        stmWeights: Matrix([[0.1, 0, 0], [0, 0.2, 0], [0, 0, 0.3]]),
        inputWeights: Matrix([[1], [2], [3]]), bias: [0, 0.1, 0.2])
    })
}

@Suite struct ModelChangeTests {
  @Test func changingTheModelRebuildsTheRunsAndHistories() throws {
    let start = after(
      [.next, .next, .toggleStages], from: State(lesson: .statQuest, width: 80, height: 24))
    let edited = try statQuest(forgetSTMWeight: -1.5)
    let changed = after([.changeModel(edited.model)], from: start)
    var expected = after(
      [.next, .next, .toggleStages], from: State(lesson: edited, width: 80, height: 24))
    #expect(showTheSame(changed, expected))
    #expect(changed.original == Lesson.statQuest && expected.original == edited)
    #expect(changed.lesson.model == edited.model)
    #expect(changed.runs != start.runs)
    #expect(changed.histories != start.histories)
    #expect(changed.run?.prediction != start.run?.prediction)
    #expect(changed.step != start.step)
    #expect(changed.t == 3 && changed.stage == .forget && changed.sequenceIndex == 0)
    reduce(&expected, .changeModel(Lesson.statQuest.model))
    #expect(showTheSame(expected, start))
  }

  @Test func anEqualModelLeavesTheStateEqual() {
    let start = after(
      [.next, .nextSequence], from: State(lesson: .statQuest, width: 80, height: 24))
    #expect(after([.changeModel(Lesson.statQuest.model)], from: start) == start)
  }

  @Test func aModelOfAnotherHiddenSizeKeepsTheUnitInRange() throws {
    let lesson = Lesson(
      title: "three units", model: try threeUnits(),
      sequences: [InputSequence(name: "s", values: [0.5, 1, -1])])
    let start = after(
      [.nextUnit, .nextUnit, .last], from: State(lesson: lesson, width: 80, height: 24))
    #expect(start.unit == 2)
    let scalar = after([.changeModel(Lesson.statQuest.model)], from: start)
    #expect(scalar.unit == 0 && scalar.t == 3 && scalar.hiddenSize == 1)
    #expect(scalar.run?.prediction.count == 1 && scalar.history?.stm.count == 1)
    #expect(after([.nextUnit], from: scalar) == scalar)
    let back = after([.changeModel(try threeUnits())], from: scalar)
    #expect(back.unit == 0 && back.hiddenSize == 3)
  }

  @Test func aModelOfAnotherInputSizeIsIgnored() throws {
    let start = State(lesson: .statQuest, width: 80, height: 24)
    let twoInputs = try LSTMModel(
      inputSize: 2, hiddenSize: 1,
      gates: PerGate { _ in
        GateWeights(stmWeights: Matrix([[1]]), inputWeights: Matrix([[1, 2]]), bias: [0])
      })
    #expect(after([.changeModel(twoInputs)], from: start) == start)
  }

  @Test func changingAnInputReRunsThatSequenceOnly() {
    let start = after([.next], from: State(lesson: .statQuest, width: 80, height: 24))
    let changed = after([.changeInput(sequence: 0, t: 2, values: [0.9])], from: start)
    var lesson = Lesson.statQuest
    let a = lesson.sequences[0]
    lesson.sequences[0] = InputSequence(
      name: a.name, inputSize: 1, values: [a.values[0], 0.9] + a.values[2...], target: a.target)
    #expect(
      showTheSame(changed, after([.next], from: State(lesson: lesson, width: 80, height: 24))))
    #expect(changed.step?.input == [0.9])
    #expect(changed.run?.prediction != start.run?.prediction)
    #expect(changed.histories[0] != start.histories[0])
    #expect(changed.runs[1] == start.runs[1] && changed.histories[1] == start.histories[1])
    #expect(after([.changeInput(sequence: 0, t: 2, values: [0.5])], from: changed) == start)
  }

  @Test func anInputThatIsNotThereChangesNothing() {
    let start = State(lesson: .statQuest, width: 80, height: 24)
    for action: Action in [
      .changeInput(sequence: 2, t: 1, values: [1]), .changeInput(sequence: -1, t: 1, values: [1]),
      .changeInput(sequence: 0, t: 0, values: [1]), .changeInput(sequence: 0, t: 5, values: [1]),
      .changeInput(sequence: 0, t: 1, values: [1, 2]), .changeInput(sequence: 0, t: 1, values: []),
    ] {
      #expect(after([action], from: start) == start)
    }
  }

  @Test func changesActWhileHelpIsShowing() throws {
    let start = after([.toggleHelp], from: State(lesson: .statQuest, width: 80, height: 24))
    let edited = try statQuest(forgetSTMWeight: 0)
    let changed = after([.changeModel(edited.model)], from: start)
    #expect(changed.isShowingHelp)
    #expect(changed.lesson.model == edited.model)
    let input = after([.changeInput(sequence: 1, t: 1, values: [0.3])], from: start)
    #expect(input.isShowingHelp && input.lesson.sequences[1].values[0] == 0.3)
  }

  @Test func anEmptyLessonTakesAModel() throws {
    let lesson = Lesson(title: "empty", model: try threeUnits(), sequences: [])
    let start = after([.nextUnit, .nextUnit], from: State(lesson: lesson, width: 80, height: 24))
    let changed = after([.changeModel(Lesson.statQuest.model), .togglePlay], from: start)
    #expect(changed.unit == 0 && changed.runs.isEmpty && changed.step == nil && !changed.isPlaying)
  }

  /// Every stored property of `State` takes part in `==`: a state differing from another in any
  /// one of them (the derived runs and histories only with the lesson they come from) is not equal
  /// to it. A new stored property fails this test until it is listed here.
  @Test func equalityComparesEveryStoredProperty() throws {
    let start = State(lesson: .statQuest, width: 80, height: 24)
    let edited = try statQuest(forgetSTMWeight: 0)
    var retitled = Lesson.statQuest
    retitled.title = "another title"
    var otherUnit = start
    otherUnit.unit = 1
    var backwardShown = start
    backwardShown.isShowingBackward = true
    var twinShown = start
    twinShown.isShowingTwin = true
    var retitledNow = start
    retitledNow.lesson.title = "another title"
    var openedRetitled = State(lesson: retitled, width: 80, height: 24)
    openedRetitled.lesson = start.lesson
    var waiting = start
    waiting.jobs = [
      DerivedJob(
        id: 1,
        work: .twinRun(
          sequence: 0, model: RNNModel(stmWeight: 1, inputWeight: 1, bias: 0),
          inputs: start.lesson.sequences[0]))
    ]
    var counted = start
    counted.nextJobID = 7
    var stale = start
    stale.staleSequences = [1]
    var ghostTwin = start
    ghostTwin.ghostTwinRuns = [
      0: RNNRun(
        model: RNNModel(stmWeight: 1, inputWeight: 1, bias: 0), sequence: start.lesson.sequences[0])
    ]
    var ghostGradients = start
    ghostGradients.ghostGradients = after([.toggleBackward], from: start).backward.gradients
    var previewed = start
    previewed.preview = start.step.map { StepPreview(sequence: 0, step: $0) }
    let differing: [String: State] = [
      "lesson": retitledNow,
      "original": openedRetitled,
      "ghost": State(
        lesson: .statQuest, width: 80, height: 24, compare: .statQuest, compareName: "x"),
      "edit": after([.edit(.toggle)], from: start),
      "jobs": waiting,
      "nextJobID": counted,
      "staleSequences": stale,
      "preview": previewed,
      "ghostTwinRuns": ghostTwin,
      "ghostGradients": ghostGradients,
      "runs": after([.changeModel(edited.model)], from: start),
      "histories": after([.changeInput(sequence: 0, t: 1, values: [1])], from: start),
      "precision": State(lesson: .statQuest, width: 80, height: 24, precision: 3),
      "sequenceIndex": after([.nextSequence], from: start),
      "askedStep": after([.next], from: start),
      "stage": after([.toggleStages], from: start),
      "unit": otherUnit,
      "isPlaying": after([.togglePlay], from: start),
      "speed": after([.faster], from: start),
      "isShowingHelp": after([.toggleHelp], from: start),
      "width": after([.resize(width: 81, height: 24)], from: start),
      "height": after([.resize(width: 80, height: 25)], from: start),
      "statusMessage": after([.setStatus("x")], from: start),
      "hasQuit": after([.quit], from: start),
      "isShowingBackward": backwardShown,
      "isShowingTwin": twinShown,
      "wantsLoss": after([.toggleObjective], from: start),
      "showsPercentages": after([.togglePercentages], from: start),
      "typedStep": after([.typeStepDigit(3)], from: start),
      "backward": after([.toggleBackward, .toggleBackward], from: start),
    ]
    let derived: Set = ["runs", "histories"]
    let stored = Mirror(reflecting: start).children.compactMap(\.label)
    #expect(Set(stored) == Set(differing.keys))
    for (label, other) in differing {
      let changed = Set(
        zip(Mirror(reflecting: start).children, Mirror(reflecting: other).children)
          .filter { String(reflecting: $0.value) != String(reflecting: $1.value) }
          .compactMap(\.0.label))
      if label == "original" {
        // The ghost is the lesson as opened.
        #expect(changed == ["original", "ghost"])
      } else if label == "backward" {
        // Gradients computed once and kept after the view closed: derived, the lesson the same.
        #expect(changed == [label])
      } else if derived.contains(label) {
        #expect(changed == [label, "lesson"] || changed == ["runs", "histories", "lesson"])
      } else {
        #expect(changed == [label])
      }
      #expect(other != start, "\(label) is compared")
    }
  }
}
