import CNCurses
import Foundation
import LSTMScreen
import Synchronization

/// The signal that asked the session to end, or 0. Signal handlers only store into it; the
/// event loop reads it at least every `TerminalSession.pollMilliseconds`.
private let pendingSignal = Atomic<Int32>(0)

/// The signals that end a session with the terminal restored.
private let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

/// Runs a `TerminalProgram` on the terminal: opens the screen, draws each new frame, feeds keys,
/// resizes and the playback clock to the program, and always gives the terminal back.
public enum TerminalSession {
  /// The longest the loop waits for a key before it looks at signals and the clock again.
  static let pollMilliseconds = 100

  /// Runs `program` until it finishes or a signal (SIGINT, SIGTERM, SIGHUP) arrives.
  ///
  /// - Parameters:
  ///   - program: The program; it receives `.resize` with the terminal's size first.
  ///   - noColor: Monochrome even where colour is available (`--no-color`); a non-empty
  ///     `NO_COLOR` in `environment` does the same.
  ///   - environment: Where TERM and NO_COLOR are read.
  ///   - frameDrawn: Called with every frame drawn (the first, then each one that differs from
  ///     the one before; its `cause` is the event that led to it), just before it is drawn, and
  ///     the program as it is drawn. Return a message to show it in the program's status line (sent to the
  ///     program as `.status`), or nil.
  /// - Returns: How the session ended; the terminal is restored in every case.
  /// - Throws: `TerminalError` when there is no usable terminal; nothing has been touched then.
  public static func run<Program: TerminalProgram>(
    _ program: inout Program,
    noColor: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    frameDrawn: (DrawnFrame, Program) -> String? = { _, _ in nil }
  ) throws(TerminalError) -> TerminalOutcome {
    // Handlers go in before newterm, so that ncurses keeps its own off these signals.
    installSignalHandlers()
    defer { removeSignalHandlers() }
    let screen = try NCursesScreen(noColor: noColor, environment: environment)
    defer { screen.close() }
    return withoutActuallyEscaping(frameDrawn) { frameDrawn in
      var loop = EventLoop<Program>(screen: screen, frameDrawn: frameDrawn)
      return loop.run(&program)
    }
  }

  private static func installSignalHandlers() {
    pendingSignal.store(0, ordering: .relaxed)
    for signal in endingSignals {
      lv_install_signal_handler(signal) { received in
        pendingSignal.store(received, ordering: .relaxed)
      }
    }
    // A parent may have blocked them (threads of a test runner do); ncurses needs SIGWINCH too.
    for signal in endingSignals + [SIGWINCH] {
      lv_unblock_signal(signal)
    }
  }

  private static func removeSignalHandlers() {
    for signal in endingSignals {
      lv_default_signal_handler(signal)
    }
  }

  fileprivate static var receivedSignal: Int32? {
    let signal = pendingSignal.load(ordering: .relaxed)
    return signal == 0 ? nil : signal
  }
}

/// The loop of one session: wait for a key or the next tick, update the program, draw.
private struct EventLoop<Program: TerminalProgram> {
  let screen: NCursesScreen
  let frameDrawn: (DrawnFrame, Program) -> String?
  let clock = ContinuousClock()
  var shown: Canvas?
  var framesDrawn = 0
  var firstFrameTime: ContinuousClock.Instant?
  /// When the current playback interval started: at the last tick, or when playing began.
  var tickBase: ContinuousClock.Instant?

  init(screen: NCursesScreen, frameDrawn: @escaping (DrawnFrame, Program) -> String?) {
    self.screen = screen
    self.frameDrawn = frameDrawn
  }

  mutating func run(_ program: inout Program) -> TerminalOutcome {
    let (width, height) = screen.size
    program.handle(.resize(width: width, height: height))
    present(&program, cause: nil)
    while !program.isFinished {
      if let signal = TerminalSession.receivedSignal { return .interrupted(signal: signal) }
      var wait = Duration.milliseconds(TerminalSession.pollMilliseconds)
      if let interval = program.tickInterval {
        let now = clock.now
        let due = (tickBase ?? now) + .seconds(max(interval, 0.001))
        if tickBase == nil { tickBase = now }
        if now >= due {
          tickBase = now
          update(&program, .tick)
          continue
        }
        wait = min(wait, due - now)
      } else {
        tickBase = nil
      }
      guard let input = screen.read(timeoutMilliseconds: Self.milliseconds(wait)) else { continue }
      switch KeyDecoder.decode(input) {
      case .key(let key):
        update(&program, .key(key))
      case .resize:
        let (width, height) = screen.size
        update(&program, .resize(width: width, height: height))
      case nil:
        continue
      }
    }
    return .finished
  }

  private mutating func update(
    _ program: inout Program, _ event: TerminalEvent
  ) {
    program.handle(event)
    present(&program, cause: event)
  }

  /// Draws the program's frame if it differs from the one on screen, telling `frameDrawn` first.
  private mutating func present(
    _ program: inout Program, cause: TerminalEvent?
  ) {
    var cause = cause
    // A status message from `frameDrawn` makes one more frame, reported like any other; a
    // message about that frame is not taken, so this cannot loop.
    for attempt in 0..<2 {
      let canvas = program.render()
      guard canvas != shown else { return }
      framesDrawn += 1
      let now = clock.now
      let start = firstFrameTime ?? now
      firstFrameTime = start
      let frame = DrawnFrame(
        canvas: canvas, number: framesDrawn, elapsed: Self.seconds(now - start), cause: cause)
      // `frameDrawn` hears of the frame just before it reaches the terminal, so that a recorder
      // has written it before anyone can see it: a session killed at any moment has recorded
      // every frame shown.
      let message = frameDrawn(frame, program)
      screen.draw(canvas, replacing: shown)
      shown = canvas
      guard let message, attempt == 0 else { return }
      cause = .status(message)
      program.handle(.status(message))
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  private static func milliseconds(_ duration: Duration) -> Int32 {
    Int32(min(max((seconds(duration) * 1000).rounded(.up), 0), 1e6))
  }
}
