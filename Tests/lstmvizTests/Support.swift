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

  /// Starts `lstmviz arguments…` in a detached `width`×`height` pane, in `folder`, its stderr
  /// going to `folder/stderr.txt`. The pane stays after the program exits, so that its exit
  /// status can be read.
  init(
    _ arguments: [String], in folder: URL, width: Int = 100, height: Int = 30,
    environment: [String: String] = [:]
  ) throws {
    var line = "export SWIFT_BACKTRACE=enable=no TERM=xterm-256color LANG=C.UTF-8; unset NO_COLOR;"
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      line += " export \(name)=\(Self.quoted(value));"
    }
    line += " cd \(Self.quoted(folder.path)) && exec "
    line += ([Support.executable.path] + arguments).map(Self.quoted).joined(separator: " ")
    line += " 2>stderr.txt"
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
  func waitFor(_ text: String, seconds: Double = 10) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var shown = ""
    repeat {
      shown = try screen()
      if shown.contains(text) { return shown }
      Thread.sleep(forTimeInterval: 0.05)
    } while Date() < deadline
    Issue.record("the pane never showed \"\(text)\"; it showed:\n\(shown)")
    return shown
  }

  /// The pane's process id, or nil once it has exited.
  func processID() throws -> Int32? {
    let dead = try tmux("display-message", "-p", "-t", target, "#{pane_dead}")
    guard dead.trimmingCharacters(in: .whitespacesAndNewlines) == "0" else { return nil }
    return Int32(
      try tmux("display-message", "-p", "-t", target, "#{pane_pid}")
        .trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Waits for the command to exit (up to `seconds`) and returns its exit status.
  func exitStatus(seconds: Double = 10) throws -> Int32? {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
      let dead = try tmux("display-message", "-p", "-t", target, "#{pane_dead}")
      if dead.trimmingCharacters(in: .whitespacesAndNewlines) == "1" {
        return Int32(
          try tmux("display-message", "-p", "-t", target, "#{pane_dead_status}")
            .trimmingCharacters(in: .whitespacesAndNewlines))
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
