/// What the program loop runs on: a screen to draw on and a source of input. The ncurses
/// terminal is one (LSTMTerminal's `NCursesBackend`); `HeadlessBackend` is another, fed
/// scripted input, for `render` and tests.
public protocol Backend {
  /// The screen's size now, in columns and rows.
  var size: (width: Int, height: Int) { get }
  /// True for a backend that wants the frame of every event, even one that shows no change
  /// (`render --all-frames` prints one frame per key); false to be given only frames that
  /// differ from the one shown.
  var drawsEveryFrame: Bool { get }
  /// Shows `frame`, which replaces `previous` (nil: nothing was shown yet).
  mutating func draw(_ frame: ShownFrame, replacing previous: Canvas?)
  /// Waits at most `timeout` for input and returns it, already decoded: a `.key`, or a
  /// `.resize` with the new size. Nil when nothing came in time.
  mutating func nextEvent(waitingAtMost timeout: Duration) -> TerminalEvent?
  /// Why the session must end now (a signal, input that has run out), or nil to go on.
  var stopReason: TerminalOutcome? { get }
}
