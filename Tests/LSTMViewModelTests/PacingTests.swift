import LSTMCore
import LSTMFiles
import Testing

@testable import LSTMViewModel

/// Pacing for a lecture: slow speeds, jumping to a step by number, and percentages.
@Suite struct PacingTests {
  private func after(_ actions: [Action], width: Int = 80, height: Int = 24) -> State {
    var state = State(lesson: .statQuest, width: width, height: height)
    for action in actions { reduce(&state, action) }
    return state
  }

  private func typing(_ digits: String) -> [Action] {
    digits.compactMap(\.wholeNumberValue).map(Action.typeStepDigit)
  }

  @Test func theSlowestSpeedsAreEightAndFiveSecondsAStep() {
    #expect(after([.slower]).tickInterval == 1.5)
    #expect(after(Array(repeating: .slower, count: 4)).tickInterval == 5)
    #expect(after(Array(repeating: .slower, count: 5)).tickInterval == 8)
    #expect(after(Array(repeating: .slower, count: 9)).tickInterval == 8)
    // Playback still opens at one step a second.
    #expect(after([]).tickInterval == 1)
  }

  @Test func digitsThenEnterJumpToThatStep() {
    let typed = after(typing("3"))
    #expect(typed.typedStep == "3" && typed.t == 1)
    #expect(after(typing("3") + [.jumpToTypedStep]).t == 3)
    #expect(after(typing("3") + [.jumpToTypedStep]).typedStep == nil)
    // Within the sequence: past its end the last step, 0 the first.
    #expect(after(typing("12") + [.jumpToTypedStep]).t == 4)
    #expect(after([.last] + typing("0") + [.jumpToTypedStep]).t == 1)
    #expect(after(typing("02") + [.jumpToTypedStep]).t == 2)
    // Enter alone does nothing.
    #expect(after([.next, .jumpToTypedStep]) == after([.next]))
  }

  @Test func anyOtherKeyForgetsTheDigitsAndActs() {
    let moved = after(typing("3") + [.next, .jumpToTypedStep])
    #expect(moved.t == 2 && moved.typedStep == nil)
    #expect(after(typing("3") + [.closeHelp]).typedStep == nil)
    // The clock does not: a class can be told "step 3" while playing.
    let playing = after([.togglePlay] + typing("3") + [.tick, .jumpToTypedStep])
    #expect(playing.t == 3 && playing.isPlaying)
  }

  @Test func inStageModeAJumpLandsOnTheForgetStage() {
    let state = after([.toggleStages, .toggleStages] + typing("4") + [.jumpToTypedStep])
    #expect(state.t == 4 && state.stage == .forget)
  }

  @Test func aStepNumberNeverOverflows() {
    let state = after(typing(String(repeating: "9", count: 30)) + [.jumpToTypedStep])
    #expect(state.t == 4)
  }

  @Test func behindTerminalTooSmallDigitsDoNothing() {
    let small = after([], width: 60, height: 20)
    var state = small
    for action in typing("3") + [.jumpToTypedStep, .togglePercentages] {
      reduce(&state, action)
    }
    #expect(state == small)
  }

  @Test func percentagesAreOffUntilAsked() {
    #expect(!after([]).showsPercentages)
    #expect(after([.togglePercentages]).showsPercentages)
    #expect(!after([.togglePercentages, .togglePercentages]).showsPercentages)
  }
}
