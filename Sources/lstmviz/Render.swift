import ArgumentParser
import Foundation
import LSTMCore
import LSTMTerminal
import LSTMViewModel

/// `lstmviz render`: the frames the interactive program would show, as plain text.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the screen after a sequence of key presses, as plain text.",
    discussion: """
      Keys are applied exactly as in the interactive program. Key names: \
      \(KeyMap.keyNames.joined(separator: " ")) (or any single character a key does).
      Example: lstmviz render --keys "right right down" --size 120x40
      """)

  @OptionGroup var lessonOptions: LessonOptions

  @Option(help: "Key presses, separated by spaces, such as \"right right down\".")
  var keys = ""

  @Option(help: "The screen size, WIDTHxHEIGHT.")
  var size = "100x30"

  @Flag(help: "Print every frame, not only the last, each after a line naming it.")
  var allFrames = false

  @Option(help: "Decimals shown for every number (0 to 12).")
  var precision = 4

  @Flag(help: "No colour (render always prints plain text; --cast then has none either).")
  var noColor = false

  @OptionGroup var recordingOptions: RecordingOptions

  func run() throws {
    guard let (width, height) = Render.parseSize(size) else {
      Render.fail("--size: expected WIDTHxHEIGHT such as 100x30, got '\(size)'")
    }
    guard (0...12).contains(precision) else {
      Render.fail("--precision: expected 0 to 12, got \(precision)")
    }
    var presses: [(String, Action)] = []
    for name in keys.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
      guard let key = KeyMap.key(named: name), let action = KeyMap.action(for: key) else {
        Render.fail(
          "--keys: unknown key '\(name)'; valid keys: \(KeyMap.keyNames.joined(separator: " "))")
      }
      presses.append((name, action))
    }
    let lesson: Lesson
    do {
      lesson = try lessonOptions.loadLesson()
    } catch {
      Render.fail("\(error)")
    }
    // Recording files open before anything is written: a bad path leaves stdout empty.
    let recorder = try recordingOptions.makeRecorder(title: lesson.title, noColor: noColor)
    defer { recorder?.finish() }
    var state = State(lesson: lesson, width: width, height: height, precision: precision)
    var output = ""
    if allFrames { output += Render.frame(state, number: 1, key: "start") }
    var failure: String?
    /// Records the frame `state` shows; a failure shows in the status line, as it would live.
    func record(_ key: String) {
      let context = FrameContext(state: state, key: key, elapsed: 0)
      guard let message = recorder?.record(Screen.render(state), context: context) else { return }
      failure = message
      reduce(&state, .setStatus(message))
      recorder?.record(Screen.render(state), context: context)
    }
    record("start")
    for (index, press) in presses.enumerated() where !state.hasQuit {
      reduce(&state, press.1)
      if allFrames { output += Render.frame(state, number: index + 2, key: press.0) }
      record(press.0)
    }
    if !allFrames { output += Render.lines(state) }
    FileHandle.standardOutput.write(Data(output.utf8))
    if let failure {
      FileHandle.standardError.write(Data("lstmviz: \(failure)\n".utf8))
      throw ExitCode.failure
    }
  }

  /// A frame after its separator line: `── frame 3 · key right · Company A · t = 2 / 4`.
  static func frame(_ state: State, number: Int, key: String) -> String {
    var header = "── frame \(number) · key \(key)"
    if let run = state.run {
      header += " · \(run.sequence.name) · t = \(state.t) / \(run.count)"
    }
    return header + "\n" + lines(state)
  }

  /// The frame's rows as text, trailing spaces trimmed.
  static func lines(_ state: State) -> String {
    Screen.render(state).lines.map { $0 + "\n" }.joined()
  }

  /// `100x30` (or `100×30`) as a width and a height, or nil.
  static func parseSize(_ text: String) -> (Int, Int)? {
    let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
      (1...10_000).contains(width), (1...10_000).contains(height)
    else { return nil }
    return (width, height)
  }

  /// Prints `lstmviz: message` on stderr and exits with status 2 (bad usage or input).
  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("lstmviz: \(message)\n".utf8))
    Render.exit(withError: ExitCode(2))
  }
}
