import LSTMScreen

/// The terminal as the program loop's backend: the ncurses screen to draw on, its keys decoded
/// by `KeyDecoder`, and a signal that `TerminalSession`'s handlers have stored as the reason to
/// stop.
struct NCursesBackend: Backend {
  /// The open screen.
  let screen: NCursesScreen

  /// The terminal's size now.
  var size: (width: Int, height: Int) { screen.size }

  /// The terminal is drawn only when the frame changes.
  var drawsEveryFrame: Bool { false }

  /// Shows the frame, writing only what changed.
  func draw(_ frame: ShownFrame, replacing previous: Canvas?) {
    screen.draw(frame.canvas, replacing: previous)
  }

  /// The next key, or `.resize` with the terminal's new size; nil if nothing came within
  /// `timeout` (rounded up to a millisecond), a signal cut the wait short, or the key means
  /// nothing to the program.
  func nextEvent(waitingAtMost timeout: Duration) -> TerminalEvent? {
    guard let input = screen.read(timeoutMilliseconds: Self.milliseconds(timeout)) else {
      return nil
    }
    switch KeyDecoder.decode(input) {
    case .key(let key):
      return .key(key)
    case .resize:
      let (width, height) = screen.size
      return .resize(width: width, height: height)
    case nil:
      return nil
    }
  }

  /// `.interrupted` once a signal (SIGINT, SIGTERM, SIGHUP) has come.
  var stopReason: TerminalOutcome? {
    TerminalSession.receivedSignal.map { .interrupted(signal: $0) }
  }

  private static func milliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    let value = (Double(seconds) + Double(attoseconds) / 1e18) * 1000
    return Int32(min(max(value.rounded(.up), 0), 1e6))
  }
}
