import LSTMScreen

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a recording file cannot be opened.
public struct RecordingFileError: Error, Equatable, CustomStringConvertible {
  /// The path as given.
  public var path: String
  /// What is wrong, in words a user can act on.
  public var reason: String

  /// Makes an error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `path: reason`.
  public var description: String { "\(path): \(reason)" }
}

/// A file a recording is written to, piece by piece, straight to the operating system.
///
/// Every `append` is handed to write(2) at once, with no buffer in the program, so whatever was
/// appended survives the program being killed. If a write fails (a full disk, say), the file is
/// cut back to the end of the last complete piece, closed, and `failure` says why: the file then
/// holds only whole pieces.
public final class RecordingFile: RecordingSink {
  /// The path as given.
  public let path: String
  /// Why writing stopped, or nil while it goes on.
  public private(set) var failure: String?
  /// The bytes written so far.
  public private(set) var length = 0
  private var descriptor: Int32
  private let created: Bool
  private let regular: Bool

  /// Opens `path` for a new recording, before anything is shown.
  ///
  /// An existing regular file is replaced only with `force`; a device such as `/dev/null` is
  /// written to as it is. A path that cannot be written throws at once.
  public init(path: String, force: Bool) throws(RecordingFileError) {
    self.path = path
    let (exists, kind) = try Self.check(path: path, force: force)
    let flags: Int32
    if !exists {
      flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
    } else if kind == S_IFREG {
      flags = O_WRONLY | O_TRUNC | O_CLOEXEC
    } else {
      // A FIFO without a reader would block here for ever: refuse it instead.
      flags = O_WRONLY | O_CLOEXEC | O_NONBLOCK
    }
    let descriptor = open(path, flags, 0o644)
    guard descriptor >= 0 else {
      throw RecordingFileError(path: path, reason: "cannot write: \(Self.lastError())")
    }
    if flags & O_NONBLOCK != 0 {
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    }
    self.descriptor = descriptor
    created = !exists
    regular = !exists || kind == S_IFREG
  }

  deinit {
    close()
  }

  /// Writes `text` in full, or, if that fails, stops for good and returns false.
  @discardableResult
  public func append(_ text: String) -> Bool {
    guard failure == nil, descriptor >= 0 else { return false }
    let bytes = Array(text.utf8)
    var written = 0
    let result: Int = bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let count = write(
          descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return count < 0 ? Int(errno) : Int(ENOSPC) }
        written += count
      }
      return 0
    }
    guard result != 0 else {
      length += written
      return true
    }
    failure = Self.describe(Int32(result))
    if regular && written > 0 {
      _ = ftruncate(descriptor, off_t(length))
    }
    closeDescriptor()
    return false
  }

  /// Closes the file. A file this program created and never wrote to is removed again, so that
  /// a session that never started leaves nothing behind.
  public func close() {
    guard descriptor >= 0 else { return }
    closeDescriptor()
    if created && length == 0 && failure == nil {
      unlink(path)
    }
  }

  private func closeDescriptor() {
    if descriptor >= 0 {
      _ = closeFile(descriptor)
      descriptor = -1
    }
  }

  /// Checks that `path` may be written (and, being an existing regular file, replaced only
  /// with `force`) without touching it, so that a command can refuse before its work starts.
  ///
  /// - Returns: whether something is at `path`, and its kind (`S_IFREG`, `S_IFCHR`, ...).
  @discardableResult
  public static func check(
    path: String, force: Bool
  ) throws(RecordingFileError) -> (exists: Bool, kind: mode_t) {
    var status = stat()
    let exists = stat(path, &status) == 0
    if !exists && errno != ENOENT {
      throw RecordingFileError(path: path, reason: "cannot write: \(Self.lastError())")
    }
    let kind = status.st_mode & S_IFMT
    if exists && kind == S_IFDIR {
      throw RecordingFileError(path: path, reason: "is a directory")
    }
    if exists && kind == S_IFREG && !force {
      throw RecordingFileError(
        path: path, reason: "already exists; add --force to overwrite it")
    }
    return (exists, kind)
  }

  private static func lastError() -> String { describe(errno) }

  /// The system's words for `code`, starting lower case: `no space left on device`.
  private static func describe(_ code: Int32) -> String {
    guard let text = strerror(code).map({ String(cString: $0) }), let first = text.first else {
      return "error \(code)"
    }
    return first.lowercased() + text.dropFirst()
  }
}

/// close(2), which `RecordingFile.close()` hides inside the class.
private func closeFile(_ descriptor: Int32) -> Int32 {
  close(descriptor)
}
