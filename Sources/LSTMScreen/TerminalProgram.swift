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
}

extension TerminalEvent {
  /// A short name for a recording: the key's name as `KeyMap.key(named:)` reads it (`right`,
  /// `space`, `q`), or `resize`, `tick`, `status`.
  public var name: String {
    switch self {
    case .key(let key): return KeyMap.name(of: key)
    case .resize: return "resize"
    case .tick: return "tick"
    case .status: return "status"
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
