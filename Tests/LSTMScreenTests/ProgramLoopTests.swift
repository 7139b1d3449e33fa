import Foundation
import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// A recording sink in memory that fails from its `failingAppend`-th append on, as a full disk
/// would.
final class MemorySink: RecordingSink {
  let path: String
  private(set) var failure: String?
  /// What was appended, in full.
  private(set) var text = ""
  private var appends = 0
  private let failingAppend: Int?

  init(path: String = "memory.txt", failingAppend: Int? = nil) {
    self.path = path
    self.failingAppend = failingAppend
  }

  func append(_ text: String) -> Bool {
    appends += 1
    guard failure == nil, appends != failingAppend else {
      failure = failure ?? "disk full"
      return false
    }
    self.text += text
    return true
  }

  func close() {}
}

/// What a run of the loop on a headless backend drew, and how it ended.
struct HeadlessRun {
  var frames: [ShownFrame]
  var outcome: TerminalOutcome
  var program: LessonProgram

  /// The names of the causes of the frames drawn.
  var keys: [String] { frames.map(\.key) }
  /// The frames drawn for ticks.
  var ticks: [ShownFrame] { frames.filter { $0.cause == .tick } }
}

/// Runs the StatQuest lesson through the program loop on a `width`×`height` headless backend
/// fed `inputs`, recording with `recorder` if there is one.
func runHeadless(
  _ inputs: [HeadlessInput], width: Int = 100, height: Int = 30, everyFrame: Bool = false,
  recorder: SessionRecorder? = nil
) -> HeadlessRun {
  let clock = ManualClock()
  var frames: [ShownFrame] = []
  let backend = HeadlessBackend(
    width: width, height: height, inputs: inputs, clock: clock, drawsEveryFrame: everyFrame
  ) { frames.append($0) }
  var loop = ProgramLoop(backend: backend, clock: clock)
  var program = LessonProgram(lesson: .statQuest)
  let outcome = loop.run(&program) { recorder?.record($0) }
  return HeadlessRun(frames: frames, outcome: outcome, program: program)
}

/// The program loop, driven in-process: a headless backend and a clock advanced by hand.
@Suite struct ProgramLoopTests {
  private static let space = HeadlessInput.key(.character(" "))

  @Test func theFirstFrameHasTheBackendsSizeAndNamesItsPlace() {
    let run = runHeadless([], width: 120, height: 40)
    #expect(run.outcome == .inputEnded)
    #expect(run.frames.count == 1)
    let first = run.frames[0]
    #expect(first.canvas.width == 120 && first.canvas.height == 40)
    #expect(first.canvas == Screen.render(run.program.state))
    #expect(first.number == 1 && first.elapsed == 0 && first.cause == nil && first.key == "start")
    #expect(first.place == LessonPlace(sequence: "Company A", t: 1, steps: 4))
  }

  @Test func onlyFramesThatDifferAreDrawn() {
    let run = runHeadless([.key(.left), .key(.right), .key(.character("x")), .key(.down)])
    #expect(run.keys == ["start", "right", "down"])
    #expect(run.frames.map(\.number) == [1, 2, 3])
    #expect(run.frames.map(\.place.t) == [1, 2, 2])
    #expect(run.frames.last?.place.sequence == "Company B")
  }

  @Test func aBackendThatDrawsEveryFrameGetsOnePerEvent() {
    let run = runHeadless(
      [.key(.left), .key(.right), .key(.character("q")), .key(.right)], everyFrame: true)
    #expect(run.keys == ["start", "left", "right", "q"])
    #expect(run.frames[0].canvas == run.frames[1].canvas)
  }

  @Test func quittingEndsTheLoopAndLaterKeysAreNotRead() {
    let run = runHeadless([.key(.right), .key(.character("q")), .key(.right), .key(.right)])
    #expect(run.outcome == .finished)
    #expect(run.program.state.t == 2)
    #expect(run.program.isFinished)
  }

  @Test func spaceStartsPlayingAndOneIntervalGivesExactlyOneStep() {
    let interval = State.tickIntervals[State.defaultSpeed]
    let run = runHeadless([Self.space, .pause(.seconds(interval))])
    #expect(run.ticks.count == 1)
    #expect(run.ticks.first?.elapsed == interval)
    #expect(run.program.state.t == 2)
    #expect(run.program.state.isPlaying)
    let early = runHeadless([Self.space, .pause(.seconds(interval) - .milliseconds(1))])
    #expect(early.ticks.isEmpty)
    #expect(early.program.state.t == 1)
  }

  @Test func ticksComeEveryIntervalAndPlaybackStopsAtTheEnd() {
    let run = runHeadless([Self.space, .pause(.seconds(10))])
    #expect(run.ticks.map(\.elapsed) == [1, 2, 3])
    #expect(run.ticks.map(\.place.t) == [2, 3, 4])
    #expect(run.program.state.t == 4)
    #expect(!run.program.state.isPlaying)
  }

  @Test func speedChangesTheInterval() {
    let faster = runHeadless([Self.space, .key(.character("+")), .pause(.milliseconds(1500))])
    let fast = State.tickIntervals[State.defaultSpeed + 1]
    #expect(faster.ticks.count == Int(1.5 / fast))
    #expect(abs((faster.ticks.first?.elapsed ?? 0) - fast) < 1e-9)
    let slower = State.tickIntervals[State.defaultSpeed - 1]
    let slow = runHeadless([Self.space, .key(.character("-")), .pause(.seconds(slower))])
    #expect(slow.ticks.count == 1)
    #expect(slow.ticks.first?.elapsed == slower)
    let notYet = runHeadless(
      [Self.space, .key(.character("-")), .pause(.seconds(slower) - .milliseconds(1))])
    #expect(notYet.ticks.isEmpty)
  }

  @Test func noTickWhilePaused() {
    #expect(runHeadless([.pause(.seconds(10))]).ticks.isEmpty)
    let stopped = runHeadless([Self.space, Self.space, .pause(.seconds(10))])
    #expect(stopped.ticks.isEmpty)
    #expect(stopped.program.state.t == 1)
    // Paused after one step: no more steps, however long the class waits.
    let paused = runHeadless([Self.space, .pause(.seconds(1)), Self.space, .pause(.seconds(10))])
    #expect(paused.ticks.count == 1)
    #expect(paused.program.state.t == 2)
  }

  @Test func theIntervalStartsWhenPlayingBegins() {
    let run = runHeadless([.pause(.milliseconds(600)), Self.space, .pause(.milliseconds(600))])
    #expect(run.ticks.isEmpty)
    let later = runHeadless([.pause(.milliseconds(600)), Self.space, .pause(.seconds(1))])
    #expect(later.ticks.map(\.elapsed) == [1.6])
  }

  @Test func theScriptRunningOutWhilePlayingStopsTheLoopWithoutATick() {
    let run = runHeadless([Self.space])
    #expect(run.outcome == .inputEnded)
    #expect(run.ticks.isEmpty)
  }

  @Test func framesAreTimedByTheClock() throws {
    let text = MemorySink()
    let recorder = SessionRecorder(
      text: text, cast: nil, title: "StatQuest", date: Date(timeIntervalSince1970: 0), color: false)
    let run = runHeadless(
      [.pause(.milliseconds(2500)), .key(.right), .pause(.seconds(1)), .key(.right)],
      recorder: recorder)
    #expect(run.frames.map(\.elapsed) == [0, 2.5, 3.5])
    let recording = try Recording(parsing: Array(text.text.utf8))
    #expect(recording.frames.map(\.elapsed) == [0, 2.5, 3.5])
    #expect(recording.frames.map(\.key) == ["start", "right", "right"])
    #expect(recording.frames.map(\.t) == [1, 2, 3])
    #expect(recording.frames.map(\.rows) == run.frames.map(\.canvas.lines))
  }

  @Test func aRecorderThatFailsShowsItsStatusInTheNextFrameExactlyOnce() throws {
    // The header and the first frame go in one append; the second frame's append fails.
    let text = MemorySink(failingAppend: 2)
    let cast = MemorySink(path: "memory.cast")
    let recorder = SessionRecorder(
      text: text, cast: cast, title: "StatQuest", date: Date(timeIntervalSince1970: 0),
      color: false)
    let run = runHeadless([.key(.right), .key(.right), .key(.right)], recorder: recorder)
    let message = "recording stopped: disk full (memory.txt)"
    #expect(run.keys == ["start", "right", "status", "right", "right"])
    #expect(run.frames.filter(\.showsStatus).count == 1)
    let status = run.frames[2]
    #expect(status.cause == .status(message))
    #expect(!run.frames[1].canvas.lines.joined().contains(message))
    #expect(status.canvas.lines.joined().contains(message))
    #expect(status.place == run.frames[1].place)
    // The message stays on the status line; the class goes on to the end.
    #expect(run.frames.last?.canvas.lines.joined().contains(message) == true)
    #expect(run.program.state.t == 4)
    #expect(try Recording(parsing: Array(text.text.utf8)).frames.count == 1)
    // The cast goes on, and shows the message too.
    #expect(cast.text.split(separator: "\n").count == 1 + 5)
    #expect(cast.text.contains("recording stopped"))
  }

  @Test func aSecondFailureOnTheStatusFrameMakesNoFurtherFrame() {
    // The text fails on the second frame, the cast on the status frame that says so.
    let recorder = SessionRecorder(
      text: MemorySink(failingAppend: 2), cast: MemorySink(path: "memory.cast", failingAppend: 3),
      title: "StatQuest", date: Date(timeIntervalSince1970: 0), color: false)
    let run = runHeadless([.key(.right), .key(.right)], recorder: recorder)
    #expect(run.keys == ["start", "right", "status", "right"])
    #expect(run.program.state.statusMessage == "recording stopped: disk full (memory.txt)")
    #expect(!recorder.isRecording)
  }

  @Test func resizesRedrawAtTheNewSize() {
    let run = runHeadless([
      .resize(width: 60, height: 20), .resize(width: 60, height: 20),
      .resize(width: 90, height: 28),
    ])
    #expect(run.keys == ["start", "resize", "resize"])
    #expect(run.frames.map(\.canvas.width) == [100, 60, 90])
    #expect(run.frames.map(\.canvas.height) == [30, 20, 28])
    #expect(run.frames[1].canvas.lines.joined().contains("terminal too small"))
    #expect(run.frames[2].cause == .resize(width: 90, height: 28))
    #expect(run.program.state.width == 90 && run.program.state.height == 28)
  }

  @Test func aBackendThatFailsToDrawStopsTheLoop() {
    struct Broken: Error {}
    let clock = ManualClock()
    var drawn = 0
    let backend = HeadlessBackend(
      width: 80, height: 24, inputs: [.key(.right), .key(.right)], clock: clock
    ) { _ in
      drawn += 1
      if drawn == 2 { throw Broken() }
    }
    var loop = ProgramLoop(backend: backend, clock: clock)
    var program = LessonProgram(lesson: .statQuest)
    #expect(loop.run(&program) == .inputEnded)
    #expect(loop.backend.drawFailure is Broken)
    #expect(program.state.t == 2)
  }

  @Test func theManualClockMovesOnlyWhenTold() {
    let clock = ManualClock()
    #expect(clock.now == ManualClock.Instant(offset: .zero))
    clock.advance(by: .milliseconds(250))
    #expect(clock.now.offset == .milliseconds(250))
    #expect(clock.now.duration(to: clock.now.advanced(by: .seconds(1))) == .seconds(1))
  }
}
