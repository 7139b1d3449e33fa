import LSTMCore
import LSTMViewModel

/// A lesson as a terminal program: `State`, `reduce`, `KeyMap` and `Screen` put together. The
/// interactive program and `render` both run it through `ProgramLoop`.
public struct LessonProgram: TerminalProgram {
  /// Everything shown: the lesson, where the user is, and how the screen is laid out.
  public private(set) var state: State

  /// How frames are drawn: braille or plain plots.
  public let options: ScreenOptions

  /// The program at the first step of the first sequence of `lesson`. The size is settled by the
  /// `.resize` the session sends first.
  public init(lesson: Lesson, precision: Int = 4, options: ScreenOptions = ScreenOptions()) {
    state = State(lesson: lesson, width: 80, height: 24, precision: precision)
    self.options = options
  }

  /// The frame for the current state.
  public func render() -> Canvas { Screen.render(state, options: options) }

  /// Turns the event into an action, if it means one, and applies it.
  public mutating func handle(_ event: TerminalEvent) {
    guard let action = Self.action(for: event) else { return }
    reduce(&state, action)
  }

  /// What `event` asks of the lesson: keys through the shared `KeyMap`, the rest one to one.
  public static func action(for event: TerminalEvent) -> Action? {
    switch event {
    case .key(let key): return KeyMap.action(for: key)
    case .resize(let width, let height): return .resize(width: width, height: height)
    case .tick: return .tick
    case .status(let message): return .setStatus(message)
    }
  }

  /// The playback clock runs only while playing.
  public var tickInterval: Double? { state.isPlaying ? state.tickInterval : nil }

  /// True once the user has quit.
  public var isFinished: Bool { state.hasQuit }

  /// The sequence and step shown.
  public var place: LessonPlace { LessonPlace(state: state) }
}
