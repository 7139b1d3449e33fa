import ArgumentParser
import Foundation
import LSTMFiles
import LSTMScreen
import LSTMTerminal
import LSTMViewModel

/// `lstmviz replay FILE.txt`: pages through a recorded session.
struct Replay: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Page through a session recorded with --record.",
    discussion: """
      \(ReplayKeys.bindings.summary()) \
      A frame larger than the terminal is cropped, as the status line says: </> and ↑/↓ pan \
      (or make the terminal larger). \
      Without a terminal (output to a pipe or a file), the recording is printed. \
      A file cut off in the middle of a frame (a copy or upload cut short) shows its whole \
      frames, and says where it was cut on stderr and on the last frame's status line.
      """
  )

  @Argument(help: ArgumentHelp("A recording written by --record.", valueName: "recording.txt"))
  var file: String

  @Flag(help: "No colour, even where the terminal has it (as does a non-empty NO_COLOR).")
  var noColor = false

  func run() throws {
    // The whole file is read and checked first: a bad file leaves the terminal untouched.
    let recording = try Self.load(file)
    if let cutOff = recording.cutOff {
      let whole =
        recording.frames.count == 1
        ? "its 1 whole frame is shown" : "its \(recording.frames.count) whole frames are shown"
      let note = "lstmviz: \(file): \(cutOff): the file is cut off there; \(whole)\n"
      FileHandle.standardError.write(Data(note.utf8))
    }
    guard isatty(STDOUT_FILENO) == 1 else {
      try Render.write(recording.header.text)
      for frame in recording.frames { try Render.write(frame.text) }
      return
    }
    var program = ReplayViewer(recording: recording, width: 80, height: 24)
    do {
      // A signal or a lost terminal ends the process in there, the terminal given back.
      try TerminalSession.run(&program, noColor: noColor)
    } catch {
      throw UsageError(message: error.description)
    }
  }

  /// The recording in `path`.
  ///
  /// - Throws: `LessonError` for a file that cannot be read, `UsageError` naming the file and the
  ///   line where it stops being a recording.
  static func load(_ path: String) throws -> Recording {
    let bytes = try InputFile.read(path)
    do {
      return try Recording(parsing: bytes)
    } catch {
      throw UsageError(message: "\(path): \(error)")
    }
  }
}
