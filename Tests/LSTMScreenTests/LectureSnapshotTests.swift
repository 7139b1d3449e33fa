import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// The screens a lecture adds: percentages (%), a step number being typed, the speed while
/// playing.
@Suite struct LectureSnapshotTests {
  @Test func percentagesStacked() throws {
    try expectSnapshot(statQuest([.next, .togglePercentages]), "statquest-A-t2-percent-80x24")
    try expectSnapshot(
      statQuest([.next, .togglePercentages], width: 100, height: 30),
      "statquest-A-t2-percent-100x30")
  }

  @Test func percentagesSideBySide() throws {
    try expectSnapshot(
      statQuest([.next, .togglePercentages], width: 120, height: 40),
      "statquest-A-t2-percent-120x40")
  }

  @Test func percentagesAreTheSameDigitsAsTheNumbers() {
    let shown = frameText(statQuest([.next, .togglePercentages]))
    #expect(shown.contains("f = σ(x)    =  88.99 %"))
    #expect(shown.contains("i = σ(x)    =  76.66 %"))
    #expect(shown.contains("o = σ(x)    =  48.39 %"))
    // g is a tanh, between -1 and 1: no percentage.
    #expect(shown.contains("g = tanh(x) = -0.0301"))
    // The products still multiply the numbers a calculator takes.
    #expect(shown.contains("f × LTM = 0.8899 × (-0.2012)"))
    #expect(!frameText(statQuest([.next])).contains("%  "))
  }

  @Test func percentagesAtEveryPrecision() {
    let numbers = { NumberStyle(precision: $0) }
    #expect(numbers(4).percent(0.834_812) == "83.48 %")
    #expect(numbers(4).percent(1) == "100.00 %")
    #expect(numbers(4).percent(0.000_04, signed: true) == " 0.00 %")
    #expect(numbers(2).percent(0.834_812) == "83 %")
    #expect(numbers(0).percent(0.834_812) == "100 %")
    #expect(numbers(8).percent(0.834_812_346) == "83.481235 %")
  }

  @Test func aStepNumberBeingTyped() throws {
    try expectSnapshot(
      statQuest([.typeStepDigit(3)]), "statquest-typing-step-80x24")
  }

  @Test func theSpeedShowsWhilePlayingEvenAt80Columns() throws {
    let slow = statQuest(Array(repeating: .slower, count: 5) + [.togglePlay])
    try expectSnapshot(slow, "statquest-playing-8s-80x24")
    #expect(frameText(slow).contains("speed: every 8 s"))
    let vector = {
      var state = State(lesson: try torch3x2Lesson(), width: 80, height: 24)
      for action in [Action.slower, .togglePlay] { reduce(&state, action) }
      return state
    }
    #expect(frameText(try vector()).contains("speed: every 1.5 s"))
  }
}
