import CNCurses
import Glibc
import Testing

@testable import LSTMScreen
@testable import LSTMTerminal

@Suite struct SessionSignalsTests {
  /// The signals whose default action on Linux does not end the process (it ignores, stops or
  /// continues it), and the two that cannot be caught.
  private static let notEnding: Set<Int32> = [
    SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH,
  ]
  private static let uncatchable: Set<Int32> = [SIGKILL, SIGSTOP]

  @Test func everySignalThatWouldEndTheProgramIsCaughtWhileTheScreenIsOpen() {
    let caught = Set(SessionSignals.endingSignals).union(CrashRestore.signals)
    // 32 and 33 lie between the classic and the real-time signals: glibc keeps them for itself.
    let classic = Array(1...31).map(Int32.init)
    let realtime = Array(lv_first_realtime_signal()...lv_last_realtime_signal())
    let missed = (classic + realtime).filter {
      !Self.notEnding.contains($0) && !Self.uncatchable.contains($0) && !caught.contains($0)
    }
    #expect(missed == [], "signals that would end lstmviz with the screen open: \(missed)")
    #expect(caught.isDisjoint(with: Self.notEnding.union(Self.uncatchable)))
    #expect(Set(SessionSignals.endingSignals).isDisjoint(with: CrashRestore.signals))
  }

  @Test func aSignalEndsTheProgramByThatSignal() {
    for signal in SessionSignals.endingSignals where signal != SIGHUP {
      let ending = SessionSignals.ending(after: .interrupted(signal: signal), signal: signal)
      #expect(ending == .signal(signal))
      #expect(ending?.shellStatus == 128 + signal)
    }
  }

  @Test func aHangupAndALostTerminalBothExit129() {
    #expect(SessionSignals.ending(after: .terminalLost, signal: nil) == .exit(129))
    #expect(
      SessionSignals.ending(after: .interrupted(signal: SIGHUP), signal: SIGHUP) == .exit(129))
    // The hangup's SIGHUP may come just after the read that found the terminal gone, or before.
    #expect(SessionSignals.ending(after: .terminalLost, signal: SIGHUP) == .exit(129))
    #expect(SessionSignals.ending(after: .finished, signal: SIGHUP) == .exit(129))
    #expect(TerminalOutcome.terminalLost.exitStatus == 129)
  }

  @Test func aProgramThatFinishedGoesOnUnlessASignalCameOnTheWayOut() {
    #expect(SessionSignals.ending(after: .finished, signal: nil) == nil)
    #expect(SessionSignals.ending(after: .finished, signal: SIGTERM) == .signal(SIGTERM))
  }

  @Test func everyStatusIs128PlusTheSignal() {
    let statuses = (SessionSignals.endingSignals + [SIGHUP]).compactMap {
      SessionSignals.ending(after: .interrupted(signal: $0), signal: $0)?.shellStatus
    }
    #expect(statuses.allSatisfy { (129...(128 + lv_last_realtime_signal())).contains($0) })
  }
}
