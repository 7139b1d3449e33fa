import Foundation

/// Runs a helper program such as `tmux` and waits for it, in a way that suits daemons.
///
/// `Foundation.Process` does not do here, for two reasons. Tests run on worker threads that
/// block nearly every signal, and a child inherits that mask: a tmux server started so never
/// hears SIGCHLD or SIGHUP (it outlives `kill-server`), and a program in its panes never hears
/// Ctrl-C. And `Process` watches for a child's end through a descriptor the child inherits: a
/// daemon the child leaves behind (the tmux server) keeps it open, so `waitUntilExit` never
/// returns. So this spawns with no signal blocked, every signal at its default, and no
/// descriptor but standard input (/dev/null), output (`output`) and error (`output` too if
/// `keepErrors`, else /dev/null).
///
/// - Returns: The exit status, or 128 + the signal that ended the program.
func spawnAndWait(_ arguments: [String], output: URL, keepErrors: Bool = true) throws -> Int32 {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  if keepErrors {
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
  } else {
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  }
  closeDescriptorsFrom3(&actions)
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  startWithDefaultSignals(&attributes)
  let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }
    .map { "\($0.key)=\($0.value)" }
  var argv = arguments.map { strdup($0) } + [nil]
  var envp = environment.map { strdup($0) } + [nil]
  defer {
    for pointer in argv + envp { free(pointer) }
  }
  var pid: pid_t = 0
  let error = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, &envp)
  guard error == 0 else {
    throw SpawnError(program: arguments[0], reason: String(cString: strerror(error)))
  }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  let signal = status & 0x7F
  return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
}

/// A program that could not be started.
struct SpawnError: Error, CustomStringConvertible {
  var program: String
  var reason: String
  var description: String { "cannot run \(program): \(reason)" }
}

/// Adds to `actions` the closing of every descriptor from 3 up: with glibc's
/// `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; Swift does not import it), or else
/// one by one, each descriptor open now.
private func closeDescriptorsFrom3(_ actions: inout posix_spawn_file_actions_t) {
  typealias CloseFrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32)
    -> Int32
  if let symbol = dlsym(
    UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
  {
    _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    return
  }
  let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
  for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
    posix_spawn_file_actions_addclose(&actions, descriptor)
  }
}

/// Sets `attributes` so that the child starts with no signal blocked and every signal at its
/// default action, whatever the test runner's threads had, plus `flags`.
func startWithDefaultSignals(_ attributes: inout posix_spawnattr_t, flags: Int32 = 0) {
  var none = sigset_t()
  sigemptyset(&none)
  var all = sigset_t()
  sigfillset(&all)
  posix_spawnattr_setsigmask(&attributes, &none)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(
    &attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | flags))
}
