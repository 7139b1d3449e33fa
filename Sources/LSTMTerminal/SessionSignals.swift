import CNCurses
import LSTMScreen
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The first signal that asked the session to end, or 0. Signal handlers only store into it;
/// the program loop reads it (through `NCursesBackend.stopReason`) at least every
/// `TerminalSession.pollMilliseconds`.
private let pendingSignal = Atomic<Int32>(0)
/// Set by SIGTSTP (Ctrl-Z): the session is to leave the screen and stop.
private let suspendAsked = Atomic<Bool>(false)
/// Set by SIGCONT: the process has been continued, so the screen must be set up and painted
/// again (a shell may have written over it, or changed the terminal's settings).
private let continuedSignal = Atomic<Bool>(false)

// The handlers: each only stores, which is safe in a signal handler.
private func noteEnding(_ signal: Int32) {
  _ = pendingSignal.compareExchange(expected: 0, desired: signal, ordering: .relaxed)
}
private func noteSuspend(_ signal: Int32) { suspendAsked.store(true, ordering: .relaxed) }
private func noteContinued(_ signal: Int32) { continuedSignal.store(true, ordering: .relaxed) }

/// The signals of a terminal session, and how the process ends after one.
///
/// While the screen is open, every signal whose default action would end the process is caught
/// by a handler that only notes it; the loop then ends the session, the terminal is given back,
/// and the process ends as the signal would have ended it (`ProcessEnding`). SIGTSTP (Ctrl-Z)
/// leaves the screen and stops; SIGCONT paints it again. The crash signals are
/// `CrashRestore`'s. A signal that was ignored when the session started (as `nohup` does to
/// SIGHUP) stays ignored.
package enum SessionSignals {
  /// Every signal the session catches whose default action ends the process (on Linux), by
  /// terminating it or with a core dump; the crash signals are `CrashRestore.signals`.
  package static var endingSignals: [Int32] {
    [
      SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2, SIGSTKFLT, SIGIO,
      SIGPROF, SIGVTALRM, SIGXCPU, SIGXFSZ, SIGPWR,
    ] + Array(lv_first_realtime_signal()...lv_last_realtime_signal())
  }

  /// The stop and continue signals the session handles itself.
  package static let jobControlSignals: [Int32] = [SIGTSTP, SIGCONT]

  // Touched by `install` and `remove` on the thread that runs the session, never by a handler.
  nonisolated(unsafe) private static let previousActions =
    UnsafeMutablePointer<sigaction>.allocate(capacity: Int(lv_last_realtime_signal()) + 1)
  nonisolated(unsafe) private static var installed: [Int32] = []

  /// Installs the handlers (before the screen opens, so that ncurses keeps its own off these
  /// signals), keeping the actions they replace for `remove`.
  static func install() {
    pendingSignal.store(0, ordering: .relaxed)
    suspendAsked.store(false, ordering: .relaxed)
    continuedSignal.store(false, ordering: .relaxed)
    installed = []
    for signal in endingSignals where lv_signal_is_ignored(signal) == 0 {
      if lv_install_signal_handler_saving(signal, noteEnding, previousActions + Int(signal)) == 0 {
        installed.append(signal)
      }
    }
    if lv_signal_is_ignored(SIGTSTP) == 0,
      lv_install_signal_handler_saving(SIGTSTP, noteSuspend, previousActions + Int(SIGTSTP)) == 0
    {
      installed.append(SIGTSTP)
    }
    if lv_install_signal_handler_saving(SIGCONT, noteContinued, previousActions + Int(SIGCONT))
      == 0
    {
      installed.append(SIGCONT)
    }
    // A parent may have blocked them (threads of a test runner do); ncurses needs SIGWINCH too.
    for signal in endingSignals + jobControlSignals + [SIGWINCH] {
      lv_unblock_signal(signal)
    }
  }

  /// Puts back the actions that `install` replaced.
  static func remove() {
    for signal in installed {
      lv_restore_signal_action(signal, previousActions + Int(signal))
    }
    installed = []
  }

  /// The signal that asked the session to end, or nil.
  static var received: Int32? {
    let signal = pendingSignal.load(ordering: .relaxed)
    return signal == 0 ? nil : signal
  }

  /// True once after SIGTSTP asked the session to stop.
  static func takeSuspendRequest() -> Bool {
    suspendAsked.exchange(false, ordering: .relaxed)
  }

  /// True once after SIGCONT continued the process.
  static func takeContinued() -> Bool {
    continuedSignal.exchange(false, ordering: .relaxed)
  }

  /// Stops the process as SIGTSTP would have, until it is continued (at once if the kernel
  /// will not stop it, as for an orphaned process group); then catches SIGTSTP again.
  ///
  /// - Parameter leave: What to do just before stopping (give the terminal back). If the process
  ///   is stopped and continued meanwhile, it does not stop again: a shell that has taken the
  ///   terminal back already (it saw another process of the job stop first) stops it with
  ///   SIGTTOU while it gives the terminal back, and continues it on `fg`.
  static func stopUntilContinued(leaving leave: () -> Void) {
    _ = takeContinued()
    leave()
    if !takeContinued() {
      lv_raise_with_default_action(SIGTSTP)
    }
    lv_install_signal_handler(SIGTSTP, noteSuspend)
    _ = takeContinued()
  }

  /// How the process must end after a session that ended with `outcome`, given the signal
  /// noted (if any): nil when the program finished and no signal came.
  ///
  /// A lost terminal (its end of input, a read error) and SIGHUP (the terminal hung up) exit
  /// 129, whichever comes first: the two usually come together, and the status must not depend
  /// on which. Any other signal ends the process by that signal, with its default action.
  package static func ending(after outcome: TerminalOutcome, signal: Int32?) -> ProcessEnding? {
    let signal = signal ?? outcome.signal
    if outcome == .terminalLost || signal == SIGHUP { return .exit(128 + SIGHUP) }
    return signal.map { .signal($0) }
  }
}

extension TerminalOutcome {
  /// The signal that ended the session, if one did.
  fileprivate var signal: Int32? {
    if case .interrupted(let signal) = self { return signal }
    return nil
  }
}

/// How the process ends once a session is over and the terminal has been given back.
package enum ProcessEnding: Equatable, Sendable {
  /// Exits with this status.
  case exit(Int32)
  /// Ends by this signal, with its default action: the shell sees 128 + its number.
  case signal(Int32)

  /// The status a shell shows as `$?`.
  package var shellStatus: Int32 {
    switch self {
    case .exit(let status): return status
    case .signal(let signal): return 128 + signal
    }
  }

  /// Ends the process so.
  func end() -> Never {
    switch self {
    case .exit(let status):
      // A hangup often brings a second SIGHUP (from the terminal's owner and from the kernel):
      // it must not end the process by the signal on the way out.
      lv_ignore_signal(SIGHUP)
      endProcess(status)
    case .signal(let signal):
      lv_raise_with_default_action(signal)
      // Only if the signal's default did not end the process.
      endProcess(128 + signal)
    }
  }
}

/// exit(3), which the case `ProcessEnding.exit` hides inside the enum.
private func endProcess(_ status: Int32) -> Never {
  exit(status)
}
