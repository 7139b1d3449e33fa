import CNCurses
import Foundation
import LSTMScreen
import Synchronization

/// The signal that asked the session to end, or 0. Signal handlers only store into it; the
/// program loop reads it (through `NCursesBackend.stopReason`) at least every
/// `TerminalSession.pollMilliseconds`.
private let pendingSignal = Atomic<Int32>(0)

/// The signals that end a session with the terminal restored.
private let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

/// Runs a `TerminalProgram` on the terminal: opens the screen and runs the shared `ProgramLoop`
/// over it (`NCursesBackend`, the real clock), which draws each new frame and feeds keys,
/// resizes and the playback clock to the program; the terminal is always given back.
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
  ///   - frameShown: Called with every frame shown (the first, then each one that differs from
  ///     the one before; its `cause` is the event that led to it), just before it is drawn.
  ///     Return a message to show it in the program's status line (sent to the program as
  ///     `.status`), or nil.
  /// - Returns: How the session ended; the terminal is restored in every case.
  /// - Throws: `TerminalError` when there is no usable terminal; nothing has been touched then.
  public static func run<Program: TerminalProgram>(
    _ program: inout Program,
    noColor: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    frameShown: (ShownFrame) -> String? = { _ in nil }
  ) throws(TerminalError) -> TerminalOutcome {
    // Handlers go in before newterm, so that ncurses keeps its own off these signals.
    installSignalHandlers()
    defer { removeSignalHandlers() }
    let screen = try NCursesScreen(noColor: noColor, environment: environment)
    defer { screen.close() }
    var loop = ProgramLoop(
      backend: NCursesBackend(screen: screen),
      clock: ContinuousClock(), pollInterval: .milliseconds(pollMilliseconds))
    return loop.run(&program, frameShown: frameShown)
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

  /// The signal that asked the session to end, or nil.
  static var receivedSignal: Int32? {
    let signal = pendingSignal.load(ordering: .relaxed)
    return signal == 0 ? nil : signal
  }
}
