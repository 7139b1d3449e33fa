import Foundation

/// `lstmviz` on a pseudo-terminal of its own, as in a terminal window that the test can close
/// (as a window closes, or a remote connection drops) and then wait for the program to end.
///
/// The program is spawned in a session of its own, with every signal at its default and none
/// blocked. With `controlling`, the terminal is its controlling terminal, so that closing it
/// sends it SIGHUP; without, it is only its standard input and output (a shell that has exited
/// took the controlling terminal with it), and closing it sends no signal at all.
final class PseudoTerminal {
  /// The program's process id.
  let pid: pid_t
  private var master: Int32
  private var output: [UInt8] = []
  /// How many bytes the program has written so far.
  private(set) var bytesRead = 0
  private var status: Int32?

  /// Starts `lstmviz arguments…` on a new 100×30 pseudo-terminal.
  init(_ arguments: [String], controlling: Bool) throws {
    // posix_openpt and its friends are not imported into Swift: their ioctls, on Linux.
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard master >= 0, ioctl(master, Self.setLock, &unlock) == 0,
      ioctl(master, Self.getNumber, &number) == 0
    else { throw SpawnError(program: "/dev/ptmx", reason: String(cString: strerror(errno))) }
    let path = "/dev/pts/\(number)"
    var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    let slave = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
    defer { if slave >= 0 { close(slave) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if controlling {
      // Opened after setsid, without O_NOCTTY: it becomes the controlling terminal.
      posix_spawn_file_actions_addopen(&actions, 0, path, O_RDWR, 0)
      posix_spawn_file_actions_adddup2(&actions, 0, 1)
    } else {
      posix_spawn_file_actions_adddup2(&actions, slave, 0)
      posix_spawn_file_actions_adddup2(&actions, slave, 1)
    }
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // POSIX_SPAWN_SETSID is 0x80 in glibc; Swift does not import it.
    startWithDefaultSignals(&attributes, flags: 0x80)
    var environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }
    environment["TERM"] = "xterm-256color"
    environment["SWIFT_BACKTRACE"] = "enable=no"
    let program = Support.executable.path
    var argv = ([program] + arguments).map { strdup($0) } + [nil]
    var envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let error = posix_spawn(&pid, program, &actions, &attributes, &argv, &envp)
    guard error == 0 else {
      close(master)
      throw SpawnError(program: program, reason: String(cString: strerror(error)))
    }
    self.pid = pid
  }

  /// TIOCSPTLCK and TIOCGPTN, which Swift cannot import (they are function-like macros).
  private static let setLock: UInt = 0x4004_5431
  private static let getNumber: UInt = 0x8004_5430

  deinit {
    closeTerminal()
    if status == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
  }

  /// Reads what the program writes until `text` has appeared; false if it did not within
  /// `seconds`.
  func waitForOutput(_ text: String, seconds: Double = 20) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    let wanted = Array(text.utf8)
    while !Self.contains(output, wanted) {
      guard Date() < deadline, readSome() else { return false }
    }
    return true
  }

  /// Reads what the program writes until it has written more than `bytes` in all; false if it
  /// did not within `seconds`.
  func waitForOutput(beyond bytes: Int, seconds: Double = 20) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while bytesRead <= bytes {
      guard Date() < deadline, readSome() else { return false }
    }
    return true
  }

  /// Waits up to 50 ms for output and keeps what came; false once the terminal cannot be read.
  private func readSome() -> Bool {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, 50) >= 0 else { return false }
    guard descriptor.revents & Int16(POLLIN) != 0 else { return true }
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = read(master, &buffer, buffer.count)
    guard count > 0 else { return false }
    bytesRead += count
    // Keep only a tail: the text looked for is short, and a playing program writes a lot.
    output = Array((output + buffer[..<count]).suffix(16384))
    return true
  }

  /// Types `text` as keys.
  func type(_ text: String) {
    _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, text.utf8.count) }
  }

  /// Closes the terminal's other end, as a terminal window closes.
  func closeTerminal() {
    if master >= 0 {
      close(master)
      master = -1
    }
  }

  /// How the program ended, once it has within `seconds`; nil if it is still running then.
  func waitForEnd(seconds: Double) -> ProcessStatus? {
    let deadline = Date().addingTimeInterval(seconds)
    while endedYet() == nil && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.01)
    }
    return endedYet()
  }

  /// How the program ended, or nil while it is running.
  func endedYet() -> ProcessStatus? {
    var raw: Int32 = 0
    if status == nil, waitpid(pid, &raw, WNOHANG) == pid { status = raw }
    return status.map(ProcessStatus.init(raw:))
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard haystack.count >= needle.count else { return false }
    var index = haystack.startIndex
    while let start = haystack[index...].firstIndex(of: first) {
      if haystack[start...].starts(with: needle) { return true }
      index = start + 1
    }
    return false
  }
}

/// How a process ended, as `waitpid` tells: an exit status, or the signal that killed it.
enum ProcessStatus: Equatable, CustomStringConvertible {
  case exited(Int32)
  case killed(by: Int32)

  init(raw: Int32) {
    let signal = raw & 0x7F
    self = signal == 0 ? .exited((raw >> 8) & 0xFF) : .killed(by: signal)
  }

  var description: String {
    switch self {
    case .exited(let status): return "exited with status \(status)"
    case .killed(let signal): return "killed by signal \(signal)"
    }
  }
}
