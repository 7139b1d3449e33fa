import ArgumentParser
import Foundation
import LSTMScreen
import LSTMTerminal

/// `--record`, `--cast` and `--force`: where a session is recorded, for the commands that show
/// frames.
struct RecordingOptions: ParsableArguments {
  @Option(
    name: .customLong("record"),
    help: ArgumentHelp(
      "Record every frame shown to this plain text file, for printing or `lstmviz replay`.",
      valueName: "file.txt"))
  var recordPath: String?

  @Option(
    name: .customLong("cast"),
    help: ArgumentHelp(
      "Record the session as asciicast v2, for `asciinema play`.", valueName: "file.cast"))
  var castPath: String?

  @Flag(help: "Overwrite the --record and --cast files if they exist.")
  var force = false

  /// Opens the files before anything is shown. Nil when nothing is recorded.
  ///
  /// The cast is in `theme`'s colours unless `noColor` (`--no-color`) or a non-empty `NO_COLOR` says not.
  ///
  /// - Throws: `UsageError` (exit 2) for a file that exists without `--force`, a path that
  ///   cannot be written, or the same file given twice.
  func makeRecorder(
    title: String, noColor: Bool, theme: Theme = .dark,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> SessionRecorder? {
    let color = !noColor && (environment["NO_COLOR"] ?? "").isEmpty
    guard recordPath != nil || castPath != nil else { return nil }
    if let recordPath, recordPath == castPath {
      throw UsageError(message: "--record and --cast name the same file: \(recordPath)")
    }
    do {
      let text = try recordPath.map { path throws(RecordingFileError) in
        try RecordingFile(path: path, force: force)
      }
      let cast = try castPath.map { path throws(RecordingFileError) in
        try RecordingFile(path: path, force: force)
      }
      return SessionRecorder(
        text: text, cast: cast, title: title, date: Date(), color: color, theme: theme)
    } catch {
      throw UsageError(message: error.description)
    }
  }
}
