import Foundation
import LSTMScreen

/// Runs a `TerminalProgram` on the terminal: opens the screen and runs the shared `ProgramLoop`
/// over it (`NCursesBackend`, the real clock, the program's long work on a `ThreadJobRunner`),
/// which draws each new frame and feeds keys, resizes and the playback clock to the program;
/// the terminal is always given back.
public enum TerminalSession {
  /// The longest the loop waits for a key before it looks at signals and the clock again.
  static let pollMilliseconds = 100

  /// Runs `program` until it finishes, and returns; or until a signal or a lost terminal ends
  /// the session, and then ends the process, with the terminal given back either way.
  ///
  /// - A signal whose default would end the process (SIGINT, SIGQUIT, SIGTERM, SIGPIPE,
  ///   SIGUSR1, …; see `SessionSignals`) ends it by that signal, with its default action.
  /// - SIGHUP, and a terminal that has gone (the end of its input, a read error), exit 129.
  /// - SIGTSTP (Ctrl-Z) leaves the screen and stops; when continued (`fg`) the screen comes back.
  ///
  /// - Parameters:
  ///   - program: The program; it receives `.resize` with the terminal's size first.
  ///   - noColor: Monochrome even where colour is available (`--no-color`); a non-empty
  ///     `NO_COLOR` in `environment` does the same.
  ///   - theme: The colours for the terminal's background (`--theme`).
  ///   - environment: Where TERM and NO_COLOR are read.
  ///   - frameShown: Called with every frame shown (the first, then each one that differs from
  ///     the one before; its `cause` is the event that led to it), just before it is drawn.
  ///     Return a message to show it in the program's status line (sent to the program as
  ///     `.status`), or nil.
  ///   - afterClosing: Called once the terminal has been given back, however the session
  ///     ended, before the process ends (to finish a recording).
  /// - Throws: `TerminalError` when there is no usable terminal; nothing has been touched then.
  public static func run<Program: TerminalProgram>(
    _ program: inout Program,
    noColor: Bool = false,
    theme: Theme = .dark,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    frameShown: (ShownFrame) -> String? = { _ in nil },
    afterClosing: () -> Void = {}
  ) throws(TerminalError) {
    // Handlers go in before newterm, so that ncurses keeps its own off these signals. They stay
    // in until the process ends or the program has finished: a second signal on the way out
    // (a hangup often brings two SIGHUPs) is only noted.
    SessionSignals.install()
    let outcome: TerminalOutcome
    do throws(TerminalError) {
      let screen = try NCursesScreen(
        noColor: noColor, theme: theme, environment: environment)
      defer { screen.close() }
      var loop = ProgramLoop(
        backend: NCursesBackend(screen: screen),
        clock: ContinuousClock(), pollInterval: .milliseconds(pollMilliseconds),
        runner: ThreadJobRunner())
      outcome = loop.run(&program, frameShown: frameShown)
    } catch {
      SessionSignals.remove()
      throw error
    }
    afterClosing()
    if let ending = SessionSignals.ending(after: outcome, signal: SessionSignals.received) {
      ending.end()
    }
    SessionSignals.remove()
    // A signal that came after the look above, before the handlers went.
    if let ending = SessionSignals.ending(after: .finished, signal: SessionSignals.received) {
      ending.end()
    }
  }
}
