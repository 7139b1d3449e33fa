import Foundation

/// Why a tmux-driven test could not go on.
struct TmuxShellError: Error, CustomStringConvertible {
  var description: String
}

/// A tmux server of its own (a unique socket), with one detached window running a shell, in
/// which a test types commands and keys as a user would; so it can see what the shell sees
/// before and after the program (`stty -g`, `$?`). `TmuxPane` runs the program alone instead.
final class TmuxShell {
  let socket = "lstmviz-test-\(UUID().uuidString)"
  /// A scratch folder for the files the shell writes (exit statuses, `stty -g`, pids).
  let folder: URL
  private static let target = "lstmviz-test"

  /// Starts tmux with a window of `width` × `height` running a plain shell. Throws, so that the
  /// test fails loudly, when tmux is not installed.
  init(width: Int = 100, height: Int = 30) throws {
    folder = try Support.scratchFolder()
    guard let tmux = Self.tmuxPath else {
      throw TmuxShellError(
        description: "tmux is not installed: the end-to-end tests need it (.ci/run installs it)")
    }
    self.tmux = tmux
    try run([
      "-f", "/dev/null", "new-session", "-d", "-s", Self.target, "-x", "\(width)", "-y",
      "\(height)", "env", "PS1=$ ", "SWIFT_BACKTRACE=enable=no", "bash", "--norc", "--noprofile",
    ])
    try waitUntil("the shell's prompt") { $0.contains("$") }
  }

  private let tmux: String

  deinit {
    _ = try? run(["kill-server"])
    try? FileManager.default.removeItem(at: folder)
  }

  private static var tmuxPath: String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    return paths.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    let output = folder.appendingPathComponent("tmux-output-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let status = try spawnAndWait([tmux, "-L", socket] + arguments, output: output)
    let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    guard status == 0 else {
      throw TmuxShellError(description: "tmux \(arguments.joined(separator: " ")): \(text)")
    }
    return text
  }

  /// Presses keys, in tmux's names: "Right", "Home", "C-c", "Space", "q".
  func press(_ keys: String...) throws {
    try run(["send-keys", "-t", Self.target] + keys)
  }

  /// Types `text` literally, then Enter.
  func type(_ line: String) throws {
    try run(["send-keys", "-t", Self.target, "-l", line])
    try run(["send-keys", "-t", Self.target, "Enter"])
  }

  /// The visible screen as text, or with colour and attribute escape codes.
  func screen(escapes: Bool = false) throws -> String {
    try run(["capture-pane", "-p", "-t", Self.target] + (escapes ? ["-e"] : []))
  }

  /// Resizes the window.
  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", Self.target, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Polls the screen until `condition` holds, and returns it; throws with the last screen seen
  /// after `seconds`.
  @discardableResult
  func waitUntil(
    _ what: String, seconds: Double = 20, _ condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var screen = ""
    while Date() < deadline {
      screen = try self.screen()
      if condition(screen) { return screen }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw TmuxShellError(description: "timed out waiting for \(what); the screen was:\n\(screen)")
  }

  /// Waits until the file `name` in `folder` exists and is not empty, and returns its text.
  func waitForFile(_ name: String, seconds: Double = 20) throws -> String {
    let url = folder.appendingPathComponent(name)
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let text = try? String(contentsOf: url, encoding: .utf8), text.hasSuffix("\n") {
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw TmuxShellError(
      description: "timed out waiting for \(name); the screen was:\n\(try screen())")
  }
}
