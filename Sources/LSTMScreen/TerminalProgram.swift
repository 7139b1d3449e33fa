import LSTMViewModel

/// Something that happened to a program running in the terminal.
public enum TerminalEvent: Sendable, Equatable, Hashable {
  /// The user pressed a key.
  case key(Key)
  /// The terminal has this size now (also sent once, first, when the screen opens).
  case resize(width: Int, height: Int)
  /// One beat of the playback clock, every `tickInterval` seconds while that is not nil.
  case tick
  /// A message for the status line from whoever watches the frames (such as a recorder), or nil
  /// to clear it.
  case status(String?)
  /// Work the program asked for (`TerminalProgram.jobs`) has brought results, which the program
  /// has taken in: the frame may show more now.
  case workDone
}

extension TerminalEvent {
  /// A short name for a recording: the key's name as `KeyMap.key(named:)` reads it (`right`,
  /// `space`, `q`), or `resize`, `tick`, `status`, `computed`.
  public var name: String {
    switch self {
    case .key(let key): return KeyMap.name(of: key)
    case .resize: return "resize"
    case .tick: return "tick"
    case .status: return "status"
    case .workDone: return "computed"
    }
  }
}

/// A program that `ProgramLoop` can run (on the terminal through `TerminalSession`, or headless
/// for `render` and tests): a frame to draw, and events to react to.
///
/// Everything it does is pure: the loop reads the keys, keeps the clock and draws.
public protocol TerminalProgram {
  /// The frame to show now, as big as the last `.resize` said the terminal is.
  func render() -> Canvas
  /// Reacts to an event.
  mutating func handle(_ event: TerminalEvent)
  /// Seconds between `.tick` events, or nil when no clock should run.
  var tickInterval: Double? { get }
  /// True once the program wants to end.
  var isFinished: Bool { get }
  /// Where in the lesson the frame shown is, for a recording's separator.
  var place: LessonPlace { get }
  /// The work the program waits for, which whoever runs it does (`ProgramLoop`, through a
  /// `JobRunner`): none by default.
  var jobs: [DerivedJob] { get }
  /// Takes in a result of one of `jobs`.
  mutating func receive(_ result: DerivedResult)
  /// What the last event did, when the program names it itself for a recording (`edit
  /// forget.bias = -5.0000`); nil to name the event.
  var eventNote: String? { get }
}

extension TerminalProgram {
  /// No work by default.
  public var jobs: [DerivedJob] { [] }
  /// No work, so no results.
  public mutating func receive(_ result: DerivedResult) {}
  /// Events are named after themselves by default.
  public var eventNote: String? { nil }
}

/// How a session of the program loop ended.
public enum TerminalOutcome: Sendable, Equatable {
  /// The program finished (the user quit).
  case finished
  /// A signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT, …) ended the session; the terminal has been
  /// restored.
  case interrupted(signal: Int32)
  /// The backend had nothing more to give: a headless backend's keys ran out, or it could not
  /// draw. The terminal never ends this way.
  case inputEnded
  /// The terminal has gone (closed, hung up, or failing to read): the session ended, with the
  /// terminal restored as far as it still can be.
  case terminalLost

  /// The conventional exit status: 0; 128 + the signal number; 129 (as for SIGHUP) for a lost
  /// terminal.
  public var exitStatus: Int32 {
    switch self {
    case .finished, .inputEnded: return 0
    case .interrupted(let signal): return 128 + signal
    case .terminalLost: return 129
    }
  }
}
