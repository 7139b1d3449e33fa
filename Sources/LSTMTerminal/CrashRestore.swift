import CNCurses
import Glibc

/// The last resort: if the program crashes while the screen is open (a trap, a bad access, an
/// abort), the terminal is given back before the crash is reported.
///
/// The handler does only what is safe in a signal handler: it puts back the terminal settings
/// saved before the screen opened (`tcsetattr`), writes the terminal's own reset sequences
/// (worked out from terminfo beforehand), puts back the handler it replaced (such as Swift's
/// crash reporter) and raises the signal again, which then ends the program as it would have.
/// When that handler is Swift's backtracer, it prints its report on the restored terminal (the
/// tests of a crash set `SWIFT_BACKTRACE=enable=no`, which leaves the signal's default action:
/// killed by it).
///
/// The handler runs on an alternate signal stack (one is made if the thread has none), so that
/// a stack overflow is caught too.
package enum CrashRestore {
  /// The signals of a crash: faults, traps and aborts.
  package static let signals: [Int32] = [
    SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGSYS,
  ]
  private static let alternateStackBytes = 64 * 1024
  private static let resetCapacity = 512

  // Memory the handler touches: allocated once, before any handler is installed, never freed.
  nonisolated(unsafe) private static let savedSettings = UnsafeMutablePointer<termios>.allocate(
    capacity: 1)
  nonisolated(unsafe) private static let previousActions =
    UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
  nonisolated(unsafe) private static let resetBytes = UnsafeMutablePointer<UInt8>.allocate(
    capacity: resetCapacity)
  nonisolated(unsafe) private static var resetCount = 0
  nonisolated(unsafe) private static var hasSettings = false
  nonisolated(unsafe) private static var isArmed = false

  /// Saves the terminal's settings; call before the screen opens.
  static func saveTerminalSettings() {
    hasSettings = tcgetattr(STDIN_FILENO, savedSettings) == 0
  }

  /// Works out the reset sequences from terminfo and installs the handlers; call once the
  /// screen is open.
  static func arm() {
    resetCount = 0
    // Attributes off, cursor shown, keypad back to normal, out of the alternate screen.
    for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      guard let text = tigetstr(capability), Int(bitPattern: text) != -1 else { continue }
      for byte in String(cString: text).utf8 where resetCount < resetCapacity {
        resetBytes[resetCount] = byte
        resetCount += 1
      }
    }
    lv_ensure_alternate_signal_stack(alternateStackBytes)
    for signal in signals {
      lv_install_crash_handler(
        signal, { signal in CrashRestore.restore(signal) },
        previousActions + Int(signal))
    }
    isArmed = true
  }

  /// Puts back the handlers that were there before `arm`; call before the screen closes.
  static func disarm() {
    guard isArmed else { return }
    isArmed = false
    for signal in signals {
      lv_restore_signal_action(signal, previousActions + Int(signal))
    }
  }

  private static func restore(_ signal: Int32) {
    if hasSettings { tcsetattr(STDIN_FILENO, TCSANOW, savedSettings) }
    _ = write(STDOUT_FILENO, resetBytes, resetCount)
    lv_restore_signal_action(signal, previousActions + Int(signal))
    raise(signal)
  }
}
