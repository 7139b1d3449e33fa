import ArgumentParser
import Foundation
import LSTMScreen
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

  @Option(
    help: ArgumentHelp(
      "The screen size, WIDTHxHEIGHT.",
      discussion: """
        80x24 shows the whole cell; 100x30 adds the σ and tanh curves and a history plot; \
        120x40 puts the three stages side by side. Smaller says the terminal is too small.
        """))
  var size = "100x30"

  @Flag(
    help: ArgumentHelp(
      "Print every frame, not only the last, each after a line naming it.",
      discussion: """
        One frame per key pressed, even when the key changes nothing (such as left at t = 1, \
        or q), so that each key's effect shows; --record keeps only the frames that change. \
        The frames are written as in a recording.
        """))
  var allFrames = false

  @OptionGroup var precision: PrecisionOption

  @Flag(help: "No colour (render always prints plain text; --cast then has none either).")
  var noColor = false

  @OptionGroup var recordingOptions: RecordingOptions

  func run() throws {
    guard let (width, height) = Render.parseSize(size) else {
      throw UsageError(
        message:
          "--size: expected WIDTHxHEIGHT such as 100x30, each 1 to \(Render.largestSide), got '\(size)'"
      )
    }
    let presses = try Render.parseKeys(keys)
    let lesson = try lessonOptions.loadLesson()
    // Recording files open before anything is written: a bad path leaves stdout empty.
    let recorder = try recordingOptions.makeRecorder(title: lesson.title, noColor: noColor)
    defer { recorder?.finish() }
    var state = State(lesson: lesson, width: width, height: height, precision: precision.decimals)
    var failure: String?
    /// Prints and records the frame `state` shows; a recording failure shows in the status line,
    /// as it would live.
    func show(_ number: Int, _ key: String) throws {
      let context = FrameContext(state: state, key: key, elapsed: 0)
      let canvas = Screen.render(state)
      if allFrames {
        try Render.write(RecordedFrame(number: number, context: context, canvas: canvas).text)
      }
      guard let message = recorder?.record(canvas, context: context) else { return }
      failure = message
      reduce(&state, .setStatus(message))
      recorder?.record(Screen.render(state), context: context)
    }
    try show(1, "start")
    for (index, press) in presses.enumerated() where !state.hasQuit {
      reduce(&state, press.action)
      try show(index + 2, press.name)
    }
    if !allFrames { try Render.write(Render.lines(state)) }
    if let failure { throw RuntimeError(failure) }
  }

  /// The key presses named in `keys`, separated by spaces, with their actions.
  ///
  /// - Throws: `UsageError` for a name that is not a key that does something, listing the names.
  static func parseKeys(_ keys: String) throws -> [(name: String, action: Action)] {
    try keys.split(whereSeparator: \.isWhitespace).map(String.init).map { name in
      guard let key = KeyMap.key(named: name), let action = KeyMap.action(for: key) else {
        throw UsageError(
          message:
            "--keys: unknown key '\(name)'; valid keys: \(KeyMap.keyNames.joined(separator: " "))")
      }
      return (name, action)
    }
  }

  /// Writes `text` to standard output.
  static func write(_ text: String) throws {
    try Array(text.utf8).withUnsafeBufferPointer { try StandardOutput.write($0) }
  }

  /// The frame's rows as text, trailing spaces trimmed.
  static func lines(_ state: State) -> String {
    Screen.render(state).lines.map { $0 + "\n" }.joined()
  }

  /// The largest width or height `--size` accepts: larger than any terminal.
  static let largestSide = 1000

  /// `100x30` (or `100×30`) as a width and a height, each 1...`largestSide`, or nil.
  static func parseSize(_ text: String) -> (Int, Int)? {
    let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
      (1...Render.largestSide).contains(width), (1...Render.largestSide).contains(height)
    else { return nil }
    return (width, height)
  }
}
