import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// The lesson as the terminal session drives it: events in, State out.
@Suite struct LessonProgramTests {
  private func program(after events: [TerminalEvent]) -> LessonProgram {
    var program = LessonProgram(lesson: .statQuest)
    program.handle(.resize(width: 100, height: 30))
    for event in events { program.handle(event) }
    return program
  }

  @Test func arrowsAndLettersStepAlikeThroughTheKeyMap() {
    #expect(program(after: []).state.t == 1)
    #expect(program(after: [.key(.right)]).state.t == 2)
    #expect(program(after: [.key(.character("l"))]).state.t == 2)
    #expect(program(after: [.key(.end)]).state.t == 4)
    #expect(program(after: [.key(.character("G"))]).state.t == 4)
    #expect(program(after: [.key(.end), .key(.home)]).state.t == 1)
    #expect(program(after: [.key(.end), .key(.character("g"))]).state.t == 1)
    #expect(program(after: [.key(.down)]).state.sequenceIndex == 1)
    #expect(program(after: [.key(.character("j"))]).state.sequenceIndex == 1)
  }

  @Test func keysThatMeanNothingChangeNothing() {
    #expect(
      program(after: [.key(.character("x")), .key(.enter)]).state == program(after: []).state)
  }

  @Test func resizeReachesTheStateAndTheFrame() {
    let resized = program(after: [.resize(width: 120, height: 40)])
    #expect(resized.state.width == 120)
    #expect(resized.state.height == 40)
    let frame = resized.render()
    #expect(frame.width == 120)
    #expect(frame.height == 40)
    #expect(frame == Screen.render(resized.state))
  }

  @Test func theClockRunsOnlyWhilePlayingAndEachTickSteps() {
    #expect(program(after: []).tickInterval == nil)
    let playing = program(after: [.key(.character(" "))])
    #expect(playing.tickInterval == playing.state.tickInterval)
    #expect(program(after: [.key(.character(" ")), .tick]).state.t == 2)
    let faster = program(after: [.key(.character(" ")), .key(.character("+"))])
    #expect((faster.tickInterval ?? 0) < (playing.tickInterval ?? 0))
  }

  @Test func aStatusMessageShowsAndQuitFinishes() {
    let stopped = program(after: [.status("recording stopped: disk full")])
    #expect(stopped.state.statusMessage == "recording stopped: disk full")
    #expect(stopped.render().lines.contains { $0.contains("recording stopped: disk full") })
    #expect(!program(after: []).isFinished)
    #expect(program(after: [.key(.character("q"))]).isFinished)
  }

  @Test func eventsHaveTheNamesARecordingUses() {
    #expect(TerminalEvent.key(.right).name == "right")
    #expect(TerminalEvent.key(.character(" ")).name == "space")
    #expect(TerminalEvent.key(.character("q")).name == "q")
    #expect(TerminalEvent.resize(width: 80, height: 24).name == "resize")
    #expect(TerminalEvent.tick.name == "tick")
  }
}
