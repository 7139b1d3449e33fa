import Foundation
import Testing

/// Every way an interactive session can end, driven in tmux as a user would: each gives the
/// terminal back as it was (`stty -g`, the alternate screen off, the cursor shown), ends with
/// the exit status the README's table documents, and leaves no process behind.
@Suite struct SignalMatrixTests {
  /// One way to end (or interrupt) the session.
  enum Ending: String, CaseIterable, CustomTestStringConvertible {
    case q, ctrlC, ctrlBackslash, sigterm, sighup, sigquit, sigusr1, sigpipe, closedTerminal
    case suspendThenForeground

    var testDescription: String { rawValue }

    /// What the first cell of the README's row for it names.
    var readmeRow: String {
      switch self {
      case .q, .suspendThenForeground: return "`q`"
      case .ctrlC: return "Ctrl-C"
      case .ctrlBackslash: return "Ctrl-\\"
      case .sigterm: return "SIGTERM"
      case .sighup: return "SIGHUP"
      case .sigquit: return "SIGQUIT"
      case .sigusr1: return "SIGUSR1"
      case .sigpipe: return "SIGPIPE"
      case .closedTerminal: return "the terminal closed"
      }
    }

    /// The signal sent to the program with kill(2), if that is how it ends.
    var signal: Int32? {
      switch self {
      case .sigterm: return SIGTERM
      case .sighup: return SIGHUP
      case .sigquit: return SIGQUIT
      case .sigusr1: return SIGUSR1
      case .sigpipe: return SIGPIPE
      default: return nil
      }
    }
  }

  @Test(arguments: Ending.allCases.filter { $0 != .suspendThenForeground })
  func theTerminalIsGivenBackAndTheStatusIsTheDocumentedOne(ending: Ending) throws {
    let documented = try Self.documentedStatus(row: ending.readmeRow)
    #expect(
      [0, 1, 2].contains(documented) || (129...192).contains(documented),
      "the README documents \(documented), neither 0, 1, 2 nor 128 + a signal")
    let tmux = try TmuxShell()
    let folder = tmux.folder.path
    // A plain sh notes the settings before and after, its pid and the status; it outlives the
    // keys that signal the whole job (Ctrl-C, Ctrl-\\) and, for a closed terminal, the hangup.
    let hangup = ending == .closedTerminal ? "trap \"\" HUP; " : ""
    try tmux.type(
      "sh -c '\(hangup)trap : INT QUIT; ulimit -c 0; stty -g > \(folder)/stty-before; "
        + "echo $$ > \(folder)/shell-pid; \"$0\"; echo $? > \(folder)/status; "
        + "stty -g > \(folder)/stty-after' '\(Support.executable.path)'")
    try tmux.waitUntil("the lesson") { $0.contains("t = 1 / 4") }
    let program = try Self.child(of: try tmux.waitForFile("shell-pid"))
    try end(ending, tmux: tmux, program: program)
    let status = Int32(try tmux.waitForFile("status")) ?? -1
    #expect(status == documented)
    if ending != .closedTerminal {
      #expect(try tmux.waitForFile("stty-after") == (try tmux.waitForFile("stty-before")))
      #expect(try Self.cursorAndScreen(tmux) == "0 1", "alternate screen on, or cursor hidden")
    }
    #expect(Self.hasEnded(program), "lstmviz (pid \(program)) is still running")
  }

  /// Ctrl-Z gives the terminal back and stops the program; `fg` paints the screen again, and
  /// the keys work. lstmviz is the shell's job itself here, as when a user types its name, so
  /// that the shell takes the terminal back only once lstmviz has stopped; the interactive
  /// shell keeps the settings a job leaves when it exits, so `stty -g` at its prompt tells.
  @Test func ctrlZStopsWithTheTerminalGivenBackAndFgPaintsTheScreenAgain() throws {
    let documented = try Self.documentedStatus(row: Ending.suspendThenForeground.readmeRow)
    let tmux = try TmuxShell()
    let folder = tmux.folder.path
    try tmux.type("ulimit -c 0; stty -g > \(folder)/stty-before; echo $$ > \(folder)/shell-pid")
    let shell = try tmux.waitForFile("shell-pid")
    try tmux.type("'\(Support.executable.path)'")
    try tmux.waitUntil("the lesson") { $0.contains("t = 1 / 4") }
    let program = try Self.child(of: shell)
    try tmux.press("C-z")
    try tmux.waitUntil("the shell's word that the job stopped") { $0.contains("Stopped") }
    #expect(try Self.cursorAndScreen(tmux) == "0 1", "alternate screen on, or cursor hidden")
    #expect(!Self.hasEnded(program, within: 0), "Ctrl-Z ended lstmviz instead of stopping it")
    try tmux.type("fg")
    try tmux.waitUntil("the lesson painted again") { $0.contains("t = 1 / 4") }
    try tmux.press("Right")
    try tmux.waitUntil("the keys to work again") { $0.contains("t = 2 / 4") }
    try tmux.press("q")
    try tmux.type("echo $? > \(folder)/status; stty -g > \(folder)/stty-after")
    #expect(Int32(try tmux.waitForFile("status")) == documented)
    #expect(try tmux.waitForFile("stty-after") == (try tmux.waitForFile("stty-before")))
    #expect(try Self.cursorAndScreen(tmux) == "0 1", "alternate screen on, or cursor hidden")
    #expect(Self.hasEnded(program), "lstmviz (pid \(program)) is still running")
  }

  /// Without a screen, SIGPIPE keeps its default: `trace | head` ends as any filter does.
  @Test func traceIntoAPipeClosedEarlyIsKilledBySIGPIPE() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = (0...3000).map { String(Double($0) / 1000) }.joined(separator: ",")
    let output = folder.appendingPathComponent("statuses")
    let status = try spawnAndWait(
      [
        "bash", "-c",
        "\"$0\" trace --format csv --input \"$1\" | head -c 1 > /dev/null; "
          + "echo \"${PIPESTATUS[0]} ${PIPESTATUS[1]}\"",
        Support.executable.path, input,
      ], output: output)
    #expect(status == 0)
    let statuses = try String(contentsOf: output, encoding: .utf8)
    #expect(statuses == "\(128 + SIGPIPE) 0\n", "lstmviz and head ended with \(statuses)")
  }

  /// Ends the session running as `program` in `tmux` the way `ending` says.
  private func end(_ ending: Ending, tmux: TmuxShell, program: pid_t) throws {
    switch ending {
    case .q: try tmux.press("q")
    case .ctrlC: try tmux.press("C-c")
    case .ctrlBackslash: try Self.tmux(tmux, "send-keys", "-t", Self.target, "-H", "1c")
    case .closedTerminal: try Self.tmux(tmux, "kill-pane", "-t", Self.target)
    case .sigterm, .sighup, .sigquit, .sigusr1, .sigpipe, .suspendThenForeground:
      if let signal = ending.signal { kill(program, signal) }
    }
  }

  /// tmux's `#{alternate_on} #{cursor_flag}` for the pane: "0 1" when the alternate screen is
  /// off and the cursor shown.
  private static func cursorAndScreen(_ shell: TmuxShell) throws -> String {
    try tmux(shell, "display-message", "-p", "-t", target, "#{alternate_on} #{cursor_flag}")
  }

  private static let target = "lstmviz-test"

  /// Runs a tmux command on `shell`'s server and returns its output, trimmed.
  @discardableResult
  private static func tmux(_ shell: TmuxShell, _ arguments: String...) throws -> String {
    let output = shell.folder.appendingPathComponent("tmux-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let status = try spawnAndWait(["tmux", "-L", shell.socket] + arguments, output: output)
    let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    guard status == 0 else { throw TmuxShellError(description: "tmux \(arguments): \(text)") }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The pid of the program that the process `parent` started.
  private static func child(of parent: String) throws -> pid_t {
    let children = try String(
      contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)
    return try #require(children.split(separator: " ").first.flatMap { Int32($0) })
  }

  /// Whether `pid` is gone (it may take a moment after the status is written) within `seconds`.
  private static func hasEnded(_ pid: pid_t, within seconds: Double = 2) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
      if kill(pid, 0) != 0 && errno == ESRCH { return true }
      Thread.sleep(forTimeInterval: 0.02)
    } while Date() < deadline
    return false
  }

  /// The exit status in the README's table of how a session ends, in the first row whose first
  /// cell names `row`.
  static func documentedStatus(row: String) throws -> Int32 {
    let readme = try String(
      contentsOf: Support.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(
      readme.components(separatedBy: "\n## Exit codes and signals").dropFirst().first,
      "the README has no section \"Exit codes and signals\"")
    for line in section.split(separator: "\n") where line.hasPrefix("| ") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 2, cells[0].contains(row) else { continue }
      return try #require(Int32(cells[1]), "the README's status for \(row) is \(cells[1])")
    }
    throw TmuxShellError(description: "the README's table has no row for \(row)")
  }
}
