import Foundation
import Testing

/// Running the built `lstmviz` as a user would: as a process, or in a tmux pane.
enum Support {
  /// The package's root folder.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The built executable: next to the test runner, else in `.build/debug`.
  static let executable: URL = {
    let runner = URL(fileURLWithPath: CommandLine.arguments[0])
    let candidates = [
      runner.deletingLastPathComponent().appendingPathComponent("lstmviz"),
      packageRoot.appendingPathComponent(".build/debug/lstmviz"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? candidates[1]
  }()

  /// What a finished process left.
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `lstmviz arguments…` with no terminal, stdin empty, and waits for it.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    merged["SWIFT_BACKTRACE"] = "enable=no"
    merged.merge(environment) { $1 }
    process.environment = merged
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// A fresh folder for one test's files.
  static func scratchFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("lstmviz-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Whether a program is on the PATH.
  static func installed(_ program: String) -> Bool {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
  }
}

/// One tmux server of its own, with one pane running a command; killed by `close()`.
final class TmuxPane {
  let socket = "lstmviz-test-\(UUID().uuidString.prefix(12))"
  let target = "main"

  /// The folder the program runs in; it holds `stderr.txt`, `pid.txt` and `status.txt`.
  let folder: URL

  /// Starts `lstmviz arguments…` in a detached `width`×`height` pane, in `folder`. Its stderr
  /// goes to `stderr.txt`, its process id to `pid.txt` and, once it has exited, its exit status
  /// to `status.txt` (tmux's own pane status is sometimes lost when a program exits at once).
  init(
    _ arguments: [String], in folder: URL, width: Int = 100, height: Int = 30,
    environment: [String: String] = [:]
  ) throws {
    self.folder = folder
    var line = "export SWIFT_BACKTRACE=enable=no TERM=xterm-256color LANG=C.UTF-8; unset NO_COLOR;"
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      line += " export \(name)=\(Self.quoted(value));"
    }
    line += " cd \(Self.quoted(folder.path)) && sh -c 'echo $$ >pid.txt; exec \"$0\" \"$@\"' "
    line += ([Support.executable.path] + arguments).map(Self.quoted).joined(separator: " ")
    line += " 2>stderr.txt; echo $? >status.txt.new; mv status.txt.new status.txt"
    try tmux(
      "-f", "/dev/null", "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
      "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", line)
  }

  /// Quotes `text` for `sh`.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Runs `tmux -L socket arguments…` and returns what it printed (see `spawnAndWait` for
  /// why not through `Process`).
  @discardableResult
  func tmux(_ arguments: String...) throws -> String {
    try tmux(arguments)
  }

  /// Presses keys, in tmux's names (`Right`, `Home`, `q`).
  func send(_ keys: String...) throws {
    for key in keys {
      try tmux(["send-keys", "-t", target, key])
    }
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(socket)-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    _ = try spawnAndWait(["tmux", "-L", socket] + arguments, output: output, keepErrors: false)
    return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
  }

  /// The pane's text now.
  func screen() throws -> String {
    try tmux("capture-pane", "-p", "-t", target)
  }

  /// Waits until the pane shows `text` (up to `seconds`); returns the screen last seen.
  @discardableResult
  func waitFor(
    _ text: String, seconds: Double = 10, pollingEvery interval: Double = 0.05
  ) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var shown = ""
    repeat {
      shown = try screen()
      if shown.contains(text) { return shown }
      Thread.sleep(forTimeInterval: interval)
    } while Date() < deadline
    Issue.record("the pane never showed \"\(text)\"; it showed:\n\(shown)")
    return shown
  }

  /// Waits until the pane shows `text` and then stays the same for a tenth of a second, so
  /// that a frame is seen whole; returns that screen.
  func waitForSteady(_ text: String, seconds: Double = 10) throws -> String {
    var shown = try waitFor(text, seconds: seconds)
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      Thread.sleep(forTimeInterval: 0.1)
      let now = try screen()
      if now == shown { break }
      shown = now
    }
    return shown
  }

  /// The program's process id (waiting up to 10 seconds for it to start).
  func processID() throws -> Int32? {
    Int32(waitForFile("pid.txt", seconds: 10) ?? "")
  }

  /// Waits for the program to exit (up to `seconds`) and returns its exit status: 128 + N
  /// after signal N.
  func exitStatus(seconds: Double = 10) throws -> Int32? {
    Int32(waitForFile("status.txt", seconds: seconds) ?? "")
  }

  /// The trimmed text of `name` in the folder, once it exists.
  private func waitForFile(_ name: String, seconds: Double) -> String? {
    let url = folder.appendingPathComponent(name)
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
      if let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty {
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      Thread.sleep(forTimeInterval: 0.05)
    } while Date() < deadline
    return nil
  }

  /// Kills this tmux server and everything in it.
  func close() {
    _ = try? tmux(["kill-server"])
  }

  deinit { close() }
}
