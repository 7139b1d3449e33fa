import ArgumentParser
import Foundation
import LSTMFiles
import LSTMScreen
import LSTMTerminal
import LSTMViewModel

/// `lstmviz replay FILE.txt` (or `FILE.cast`): pages through a recorded session.
struct Replay: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Page through a session recorded with --record, or an asciicast (--cast), in colour.",
    discussion: """
      \(ReplayKeys.bindings.summary()) \
      A frame larger than the terminal is cropped, as the status line says: </> and ↑/↓ pan \
      (or make the terminal larger). \
      Without a terminal (output to a pipe or a file), the recording is printed. \
      A file cut off in the middle of a frame (a copy or upload cut short) shows its whole \
      frames, and says where it was cut on stderr and on the last frame's status line.
      """
  )

  @Argument(
    help: ArgumentHelp(
      "A recording written by --record, or an asciicast v2 or v3 (--cast, asciinema rec).",
      valueName: "recording.txt|class.cast"))
  var file: String

  @Flag(help: "No colour, even where the terminal has it (as does a non-empty NO_COLOR).")
  var noColor = false

  func run() throws {
    // The whole file is read and checked first: a bad file leaves the terminal untouched.
    let bytes = try InputFile.read(file)
    let isCast =
      bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first == 0x7B
    let recording = isCast ? nil : try Self.recording(bytes, file)
    let tape = try recording.map(ReplayTape.init(recording:)) ?? Self.cast(bytes, file)
    if let cutOff = tape.cutOff {
      let whole =
        tape.frames.count == 1
        ? "its 1 whole frame is shown" : "its \(tape.frames.count) whole frames are shown"
      let note = "lstmviz: \(file): \(cutOff): the file is cut off there; \(whole)\n"
      FileHandle.standardError.write(Data(note.utf8))
    }
    guard isatty(STDOUT_FILENO) == 1 else {
      if let recording {
        try Render.write(recording.header.text)
        for frame in recording.frames { try Render.write(frame.text) }
      } else {
        try Render.write("\(tape.title)\n\(tape.details)\n")
        for (index, frame) in tape.frames.enumerated() {
          try Render.write(frame.text(number: index + 1))
        }
      }
      return
    }
    var program = ReplayViewer(tape: tape, width: 80, height: 24)
    do {
      // A signal or a lost terminal ends the process in there, the terminal given back.
      try TerminalSession.run(&program, noColor: noColor)
    } catch {
      throw UsageError(message: error.description)
    }
  }

  /// The text recording in `bytes`, read from `path`.
  ///
  /// - Throws: `UsageError` naming the file and the line where it stops being a recording.
  static func recording(_ bytes: [UInt8], _ path: String) throws -> Recording {
    do {
      return try Recording(parsing: bytes)
    } catch {
      throw UsageError(message: "\(path): \(error)")
    }
  }

  /// The frames the asciicast in `bytes`, read from `path`, draws.
  ///
  /// - Throws: `LessonError` naming the file and the line that is not a cast's.
  static func cast(_ bytes: [UInt8], _ path: String) throws -> ReplayTape {
    let cast = try AsciicastFile(parsing: bytes, file: path)
    let name = URL(fileURLWithPath: path).lastPathComponent
    let outputs = cast.events.filter { if case .output = $0.event { true } else { false } }
    let tape = ReplayTape(
      castOf: (cast.width, cast.height), title: cast.title ?? name,
      details: "asciicast v\(cast.version) · terminal \(cast.width)x\(cast.height) · "
        + "\(outputs.count == 1 ? "1 output event" : "\(outputs.count) output events")",
      events: cast.events.map { seconds, event in
        switch event {
        case .output(let text): (seconds, text, nil)
        case .resize(let width, let height): (seconds, nil, (width, height))
        }
      },
      cutOff: cast.cutOff.map { "\($0): the last event is unfinished" })
    guard !tape.frames.isEmpty else {
      throw UsageError(message: "\(path): the cast draws nothing: it has no output events")
    }
    return tape
  }
}
