import LSTMCore
import LSTMViewModel

/// Where an edited lesson is written: the disk (the `lstmviz` command's lesson file writer), or
/// memory in tests.
public protocol LessonSaver {
  /// Writes `lesson` to `path` as a lesson file; an existing file only with `overwrite`, and
  /// never left half written.
  func save(_ lesson: Lesson, to path: String, overwrite: Bool) -> SaveOutcome
}

/// A lesson as a terminal program: `State`, `reduce`, `KeyMap` and `Screen` put together. The
/// interactive program and `render` both run it through `ProgramLoop`.
public struct LessonProgram: TerminalProgram {
  /// Everything shown: the lesson, where the user is, and how the screen is laid out.
  public private(set) var state: State

  /// How frames are drawn: braille or plain plots.
  public let options: ScreenOptions

  /// Where edit mode's `w` writes the lesson; nil where there is no disk (then saving says so).
  private let saver: (any LessonSaver)?

  /// What the last event did to a number, as a recording names it (`edit forget.bias =
  /// -5.0000`), or nil.
  public private(set) var eventNote: String?

  /// The program at the first step of the first sequence of `lesson`. The size is settled by the
  /// `.resize` the session sends first. `compare` (named `compareName`) is shown as the ghost
  /// (`--compare`); `w` saves through `saver`, to `defaultPath` unless another path is typed.
  public init(
    lesson: Lesson, precision: Int = 4, options: ScreenOptions = ScreenOptions(),
    compare: Lesson? = nil, compareName: String? = nil, saver: (any LessonSaver)? = nil,
    defaultPath: String = "lesson-edited.json"
  ) {
    state = State(
      lesson: lesson, width: 80, height: 24, precision: precision, compare: compare,
      compareName: compareName)
    state.setDefaultSavePath(defaultPath)
    self.options = options
    self.saver = saver
  }

  /// The frame for the current state.
  public func render() -> Canvas { Screen.render(state, options: options) }

  /// Turns the event into an action, if it means one, and applies it; then makes the save it
  /// asks for, if any.
  public mutating func handle(_ event: TerminalEvent) {
    eventNote = nil
    guard let action = Self.action(for: event, in: state) else { return }
    reduce(&state, action)
    while let request = state.edit.saveRequest {
      let outcome =
        saver?.save(state.lesson, to: request.path, overwrite: request.overwrite)
        ?? .failed(path: request.path, reason: "this program has no disk to write to")
      reduce(&state, .saveFinished(outcome))
    }
    eventNote = EditText.recordingName(state)
  }

  /// What `event` asks of the lesson in `state`: keys through the shared `KeyMap`, the rest one
  /// to one.
  public static func action(for event: TerminalEvent, in state: State) -> Action? {
    switch event {
    case .key(let key): return KeyMap.action(for: key, in: state)
    case .resize(let width, let height): return .resize(width: width, height: height)
    case .tick: return .tick
    case .status(let message): return .setStatus(message)
    case .workDone: return nil
    }
  }

  /// The playback clock runs only while playing.
  public var tickInterval: Double? { state.isPlaying ? state.tickInterval : nil }

  /// True once the user has quit.
  public var isFinished: Bool { state.hasQuit }

  /// The sequence and step shown.
  public var place: LessonPlace { LessonPlace(state: state) }

  /// The work the state waits for.
  public var jobs: [DerivedJob] { state.jobs }

  /// Takes in a result of one of `jobs`.
  public mutating func receive(_ result: DerivedResult) {
    reduce(&state, .jobFinished(result))
  }
}
