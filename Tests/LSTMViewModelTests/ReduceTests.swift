import LSTMCore
import LSTMFiles
import Testing

@testable import LSTMViewModel

/// The opening state of the StatQuest lesson at 80×24.
private func opening() -> State {
  State(lesson: .statQuest, width: 80, height: 24)
}

/// `state` after `actions`, in order.
private func after(_ actions: [Action], from state: State = opening()) -> State {
  var state = state
  for action in actions { reduce(&state, action) }
  return state
}

/// `state` with `change` made to it: the expected state, spelled out.
private func expected(_ change: (inout State) -> Void, from state: State = opening()) -> State {
  var state = state
  change(&state)
  return state
}

@Suite struct ReduceTests {
  @Test func opensAtTheFirstStepOfTheFirstSequence() {
    let state = opening()
    #expect(state.t == 1)
    #expect(state.sequenceIndex == 0)
    #expect(state.stage == nil)
    #expect(state.unit == 0)
    #expect(!state.isPlaying && !state.isShowingHelp && !state.hasQuit)
    #expect(state.statusMessage == nil)
    #expect(state.tickInterval == 1)
    #expect(state.step?.stmIn == [0] && state.step?.ltmIn == [0])
  }

  @Test func nextAndPreviousMoveOneStep() {
    #expect(after([.next]) == expected { $0.t = 2 })
    #expect(after([.next, .next, .previous]) == expected { $0.t = 2 })
  }

  @Test func nextOnTheLastStepStaysAndTheSequenceHasEnded() {
    let end = after([.next, .next, .next])
    #expect(end == expected { $0.t = 4 })
    #expect(end.isAtEnd)
    #expect(after([.next], from: end) == end)
    #expect(after([.previous, .previous, .previous, .previous]) == opening())
  }

  @Test func firstAndLastJumpToTheEnds() {
    #expect(after([.last]) == expected { $0.t = 4 })
    #expect(after([.last, .first]) == opening())
  }

  @Test func changingSequenceKeepsTWithinTheNewSequence() {
    let short = InputSequence(name: "short", values: [1, 2])
    let long = InputSequence(name: "long", values: [1, 2, 3, 4, 5])
    let lesson = Lesson(title: "two", model: Lesson.statQuest.model, sequences: [long, short])
    let start = State(lesson: lesson, width: 80, height: 24)
    let atFive = after([.last], from: start)
    #expect(
      after([.nextSequence], from: atFive)
        == expected(
          {
            $0.sequenceIndex = 1
            $0.t = 2
          }, from: atFive))
    // Back on the long sequence, still at its end: End asked for the last step.
    #expect(after([.nextSequence, .previousSequence], from: atFive) == atFive)
  }

  /// Three sequences of 5, 3 and 5 steps, at the first step of the first.
  private static func fiveThreeFive() -> State {
    let five = InputSequence(name: "five", values: [1, 2, 3, 4, 5])
    let three = InputSequence(name: "three", values: [1, 2, 3])
    let lesson = Lesson(
      title: "5 3 5", model: Lesson.statQuest.model, sequences: [five, three, five])
    return State(lesson: lesson, width: 80, height: 24)
  }

  @Test func fromTheEndChangingSequenceStaysAtTheEnd() {
    let start = ReduceTests.fiveThreeFive()
    let viaShort = after([.last, .nextSequence], from: start)
    #expect(viaShort.t == 3 && viaShort.stepCount == 3)
    let back = after([.nextSequence], from: viaShort)
    #expect(back.sequenceIndex == 2)
    #expect(back.t == 5 && back.isAtEnd)
    // Stepping onto the last step is being at the end too.
    let stepped = after([.next, .next, .next, .next, .nextSequence, .nextSequence], from: start)
    #expect(stepped.t == 5)
  }

  @Test func changingSequenceKeepsTheStepAskedFor() {
    let start = ReduceTests.fiveThreeFive()
    let atFour = after([.next, .next, .next], from: start)
    #expect(after([.nextSequence], from: atFour).t == 3)
    #expect(after([.nextSequence, .nextSequence], from: atFour).t == 4)
    #expect(after([.nextSequence, .previousSequence], from: atFour) == atFour)
    // A step taken on the short sequence is a new request.
    let moved = after([.nextSequence, .previous, .nextSequence], from: atFour)
    #expect(moved.t == 2)
  }

  @Test func behindTerminalTooSmallOnlyQuitHelpAndResizeAct() {
    let small = State(lesson: .statQuest, width: 60, height: 20)
    #expect(small.isTooSmall)
    for action in [
      Action.next, .previous, .first, .last, .nextSequence, .previousSequence, .toggleStages,
      .togglePlay, .faster, .slower, .tick, .nextUnit, .previousUnit,
    ] {
      #expect(after([action], from: small) == small, "\(action)")
    }
    #expect(after([.toggleHelp], from: small).isShowingHelp)
    #expect(!after([.toggleHelp, .closeHelp], from: small).isShowingHelp)
    #expect(after([.quit], from: small).hasQuit)
    let grown = after([.resize(width: 80, height: 24), .next], from: small)
    #expect(grown.t == 2 && !grown.isTooSmall)
    // Playing when the window shrinks: the clock's ticks wait for it to grow again.
    let playing = after([.togglePlay, .resize(width: 79, height: 24), .tick, .tick])
    #expect(playing.t == 1 && playing.isPlaying)
    #expect(after([.resize(width: 80, height: 24), .tick], from: playing).t == 2)
  }

  @Test func changingSequenceStaysAtTheEdges() {
    #expect(after([.previousSequence]) == opening())
    #expect(after([.nextSequence, .nextSequence]) == expected { $0.sequenceIndex = 1 })
  }

  @Test func stageModeRevealsOneStageAPressThenTurnsOff() {
    #expect(after([.toggleStages]) == expected { $0.stage = .forget })
    #expect(after([.toggleStages, .toggleStages]) == expected { $0.stage = .input })
    #expect(
      after([.toggleStages, .toggleStages, .toggleStages]) == expected { $0.stage = .output })
    #expect(after(Array(repeating: .toggleStages, count: 4)) == opening())
  }

  @Test func inStageModeArrowsMoveAStageAtATimeAcrossSteps() {
    let staged = after([.toggleStages])
    #expect(after([.next], from: staged) == expected { $0.stage = .input })
    #expect(
      after([.next, .next, .next], from: staged)
        == expected {
          $0.t = 2
          $0.stage = .forget
        })
    #expect(
      after([.next, .next, .next, .previous], from: staged) == expected { $0.stage = .output })
    #expect(after([.previous], from: staged) == staged)
    #expect(!staged.reveals(.input) && staged.reveals(.forget))
  }

  @Test func inStageModeTheEndIsTheLastStepsOutputStage() {
    let staged = after([.toggleStages, .last])
    #expect(
      staged
        == expected {
          $0.t = 4
          $0.stage = .forget
        })
    #expect(!staged.isAtEnd)
    let end = after([.next, .next], from: staged)
    #expect(end.isAtEnd)
    #expect(after([.next], from: end) == end)
    #expect(after([.first], from: end) == expected { $0.stage = .forget })
  }

  @Test func playbackStepsOnEachTickAndStopsAtTheEnd() {
    let playing = after([.togglePlay])
    #expect(playing == expected { $0.isPlaying = true })
    #expect(
      after([.tick], from: playing)
        == expected {
          $0.isPlaying = true
          $0.t = 2
        })
    #expect(after([.tick, .tick, .tick], from: playing) == expected { $0.t = 4 })
    #expect(after([.tick, .togglePlay], from: playing) == expected { $0.t = 2 })
  }

  @Test func inStageModePlaybackRevealsAStageATick() {
    let playing = after([.toggleStages, .togglePlay])
    #expect(
      after([.tick], from: playing)
        == expected {
          $0.stage = .input
          $0.isPlaying = true
        })
    let ticks = Array(repeating: Action.tick, count: 11)
    #expect(
      after(ticks, from: playing)
        == expected {
          $0.t = 4
          $0.stage = .output
        })
  }

  @Test func ticksDoNothingWhenPaused() {
    #expect(after([.tick, .tick]) == opening())
  }

  @Test func playingAtTheEndStartsOver() {
    #expect(after([.last, .togglePlay]) == expected { $0.isPlaying = true })
  }

  @Test func speedChangesWithinTheOfferedSpeeds() {
    #expect(after([.faster]).tickInterval < opening().tickInterval)
    #expect(after([.slower]).tickInterval > opening().tickInterval)
    let fastest = after(Array(repeating: .faster, count: 20))
    #expect(fastest.tickInterval == State.tickIntervals.last)
    let slowest = after(Array(repeating: .slower, count: 20))
    #expect(slowest.tickInterval == State.tickIntervals.first)
    #expect(after([.faster, .slower]) == opening())
  }

  @Test func helpOpensAndAnyKeyClosesItWithoutActing() {
    let help = after([.toggleHelp])
    #expect(help == expected { $0.isShowingHelp = true })
    #expect(after([.toggleHelp], from: help) == opening())
    #expect(after([.closeHelp], from: help) == opening())
    #expect(after([.next], from: help) == opening())
    #expect(after([.closeHelp]) == opening())
    #expect(
      after([.quit], from: help)
        == expected {
          $0.isShowingHelp = true
          $0.hasQuit = true
        })
  }

  @Test func unitsStayWithinTheHiddenSize() {
    #expect(after([.nextUnit]) == opening())
    #expect(after([.previousUnit]) == opening())
  }

  @Test func unitsMoveWithinAVectorCell() throws {
    let gates = PerGate { _ in
      GateWeights(
        stmWeights: Matrix([[0.1, 0, 0], [0, 0.2, 0], [0, 0, 0.3]]),
        inputWeights: Matrix([[1], [2], [3]]), bias: [0, 0.1, 0.2])
    }
    let model = try LSTMModel(inputSize: 1, hiddenSize: 3, gates: gates)
    let lesson = Lesson(
      title: "three units", model: model,
      sequences: [InputSequence(name: "s", values: [0.5, 1])])
    let start = State(lesson: lesson, width: 80, height: 24)
    #expect(after([.nextUnit], from: start) == expected({ $0.unit = 1 }, from: start))
    #expect(
      after([.nextUnit, .nextUnit, .nextUnit], from: start)
        == expected({ $0.unit = 2 }, from: start))
    #expect(
      after([.nextUnit, .nextUnit, .previousUnit], from: start)
        == expected({ $0.unit = 1 }, from: start))
    #expect(after([.nextUnit, .next], from: start).step?.t == 2)
  }

  @Test func resizeAndStatusAndQuit() {
    #expect(
      after([.resize(width: 120, height: 40)])
        == expected {
          $0.width = 120
          $0.height = 40
        })
    #expect(
      after([.resize(width: -3, height: -1)])
        == expected {
          $0.width = 0
          $0.height = 0
        })
    #expect(
      after([.setStatus("recording stopped: disk full")])
        == expected {
          $0.statusMessage = "recording stopped: disk full"
        })
    #expect(after([.setStatus("x"), .setStatus(nil)]) == opening())
    #expect(after([.togglePlay, .quit]) == expected { $0.hasQuit = true })
  }

  @Test func anEmptyLessonNeverTraps() {
    let lesson = Lesson(title: "empty", model: Lesson.statQuest.model, sequences: [])
    var state = State(lesson: lesson, width: 80, height: 24)
    let all: [Action] = [
      .next, .previous, .first, .last, .nextSequence, .previousSequence, .toggleStages,
      .togglePlay, .tick, .faster, .slower, .nextUnit, .previousUnit, .toggleHelp, .closeHelp,
    ]
    for action in all { reduce(&state, action) }
    #expect(state.step == nil)
    #expect(state.t == 1)
    #expect(!state.isPlaying)
  }
}
