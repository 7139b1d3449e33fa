import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A text file written whole or not at all: what an edited lesson is saved to.
///
/// The text goes to a new file beside the target, which is then linked in as the target (or, to
/// replace it, renamed over it), so that a failed write (a full disk, a folder that cannot be
/// written) leaves the target as it was, whether or not it existed.
public enum WholeFile {
  /// What came of a write.
  public enum Outcome: Sendable, Equatable {
    /// The file holds the text.
    case written
    /// The file exists and `overwrite` was false: nothing was written.
    case exists
    /// Writing failed, for this reason (lower case: `permission denied`).
    case failed(String)
  }

  /// Writes `text` to `path`, replacing an existing file only when `overwrite` is true.
  public static func write(_ text: String, to path: String, overwrite: Bool) -> Outcome {
    var status = stat()
    if stat(path, &status) == 0 {
      if status.st_mode & S_IFMT == S_IFDIR { return .failed("it is a folder") }
      if !overwrite { return .exists }
    } else if errno != ENOENT {
      return .failed(describe(errno))
    }
    let folder = (path as NSString).deletingLastPathComponent
    let temporary =
      (folder.isEmpty ? "" : folder + "/")
      + ".\((path as NSString).lastPathComponent).\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return .failed(describe(errno)) }
    let bytes = Array(text.utf8)
    var written = 0
    var failure: Int32?
    bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let count = Foundation.write(
          descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
        if count < 0, errno == EINTR { continue }
        if count <= 0 {
          failure = count < 0 ? errno : ENOSPC
          return
        }
        written += count
      }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == nil { failure = errno }

    if let failure {
      unlink(temporary)
      return .failed(describe(failure))
    }
    return place(temporary, at: path, overwrite: overwrite)
  }

  /// Puts the written file `temporary` at `path`: a new file is linked in, which fails if one
  /// appeared meanwhile (on a file system without links, renamed in if none is there); a
  /// replaced one is renamed over the old in one step.
  private static func place(_ temporary: String, at path: String, overwrite: Bool) -> Outcome {
    if overwrite {
      guard rename(temporary, path) == 0 else {
        let code = errno
        unlink(temporary)
        return .failed(describe(code))
      }
      return .written
    }
    if link(temporary, path) == 0 {
      unlink(temporary)
      return .written
    }
    let code = errno
    if code != EEXIST, access(path, F_OK) != 0, rename(temporary, path) == 0 { return .written }
    unlink(temporary)
    return code == EEXIST ? .exists : .failed(describe(code))
  }

  /// The system's words for `code`, starting lower case: `no space left on device`.
  private static func describe(_ code: Int32) -> String {
    guard let text = strerror(code).map({ String(cString: $0) }), let first = text.first else {
      return "error \(code)"
    }
    return first.lowercased() + text.dropFirst()
  }
}
