import LSTMScreen

/// The terminal as the program loop's backend: the ncurses screen to draw on, its keys decoded
/// by `KeyDecoder`, and the reason to stop: a signal that `SessionSignals`' handlers have noted,
/// or a terminal that has gone. Ctrl-Z (SIGTSTP) is handled here, between two reads.
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
  /// `timeout` (rounded up to a millisecond), a signal cut the wait short, the terminal has gone,
  /// or the key means nothing to the program.
  ///
  /// After SIGTSTP it first leaves the screen and stops the process; once continued (or after
  /// SIGCONT alone, following a SIGSTOP) it paints the screen again and returns `.resize`, so
  /// that the program lays itself out for the terminal's size now.
  func nextEvent(waitingAtMost timeout: Duration) -> TerminalEvent? {
    if SessionSignals.takeSuspendRequest() {
      screen.suspend()
      return resized()
    }
    if SessionSignals.takeContinued() {
      screen.resume()
      return resized()
    }
    guard let input = screen.read(timeoutMilliseconds: Self.milliseconds(timeout)) else {
      return nil
    }
    switch KeyDecoder.decode(input) {
    case .key(let key):
      return .key(key)
    case .resize:
      return resized()
    case nil:
      return nil
    }
  }

  private func resized() -> TerminalEvent {
    let (width, height) = screen.size
    return .resize(width: width, height: height)
  }

  /// `.interrupted` once a signal that ends the session has come, `.terminalLost` once a read
  /// has found the terminal gone.
  var stopReason: TerminalOutcome? {
    if let signal = SessionSignals.received { return .interrupted(signal: signal) }
    return screen.isGone ? .terminalLost : nil
  }

  private static func milliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    let value = (Double(seconds) + Double(attoseconds) / 1e18) * 1000
    return Int32(min(max(value.rounded(.up), 0), 1e6))
  }
}
