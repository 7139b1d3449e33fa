import Foundation
import Testing

/// A terminal that goes away ends the session in every mode, at once and with exit status 129:
/// never a process left spinning, and never killed by the signal.
@Suite struct LostTerminalTests {
  /// What the program is doing when its terminal goes.
  enum Mode: String, CaseIterable, CustomTestStringConvertible {
    case still, playing, recording, replaying
    var testDescription: String { rawValue }
  }

  /// Starts lstmviz in `mode` on a pseudo-terminal and waits for its first frame.
  private func start(_ mode: Mode, controlling: Bool, folder: URL) throws -> PseudoTerminal {
    let recording = folder.appendingPathComponent("class.txt").path
    var arguments: [String] = []
    switch mode {
    case .still, .playing: arguments = []
    case .recording: arguments = ["--record", recording]
    case .replaying:
      let made = try Support.run(["render", "--keys", "right right", "--record", recording])
      try #require(made.status == 0, "render --record: \(made.stderr)")
      arguments = ["replay", recording]
    }
    let terminal = try PseudoTerminal(arguments, controlling: controlling)
    try #require(terminal.waitForOutput("t = 1"), "the first frame never came")
    if mode == .playing || mode == .recording {
      let shown = terminal.bytesRead
      terminal.type(" ")
      try #require(terminal.waitForOutput(beyond: shown), "space drew nothing")
    }
    return terminal
  }

  /// The terminal closes with no signal reaching the program (it is not the program's
  /// controlling terminal any more, as after its shell has exited): the end of input ends it.
  @Test(arguments: Mode.allCases)
  func aClosedTerminalWithoutSIGHUPEndsTheSessionWith129(mode: Mode) throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let terminal = try start(mode, controlling: false, folder: folder)
    terminal.closeTerminal()
    let ended = terminal.waitForEnd(seconds: 3)
    #expect(ended == .exited(129), "\(ended.map(\.description) ?? "still running after 3 s")")
  }

  /// The controlling terminal closes: the kernel's SIGHUP and the end of input both come.
  @Test(arguments: Mode.allCases)
  func aClosedControllingTerminalEndsTheSessionWith129(mode: Mode) throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let terminal = try start(mode, controlling: true, folder: folder)
    terminal.closeTerminal()
    let ended = terminal.waitForEnd(seconds: 3)
    #expect(ended == .exited(129), "\(ended.map(\.description) ?? "still running after 3 s")")
  }

  /// A hangup often brings SIGHUP twice (from the terminal's owner, such as tmux, and from the
  /// kernel), the second while the program is on its way out, finishing its recording: it
  /// still exits 129 and is not killed by the signal. (The moment is short: a few runs, so that
  /// a program that would be killed so is caught.)
  @Test(arguments: 1...4)
  func aSecondSIGHUPOnTheWayOutStillExits129(run: Int) throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let terminal = try start(.recording, controlling: true, folder: folder)
    var ended: ProcessStatus?
    let deadline = Date().addingTimeInterval(3)
    // As fast as they can be sent, so that some come while the program is on its way out.
    while ended == nil && Date() < deadline {
      for _ in 0..<100 { kill(terminal.pid, SIGHUP) }
      ended = terminal.endedYet()
    }
    #expect(ended == .exited(129), "\(ended.map(\.description) ?? "still running after 3 s")")
    let recording = try String(
      contentsOf: folder.appendingPathComponent("class.txt"), encoding: .utf8)
    #expect(recording.contains("t = 1"), "the recording kept no frame")
  }
}
