import ArgumentParser
import Foundation
import LSTMScreen
import LSTMTerminal
import LSTMViewModel

/// How `lstmviz render` writes frames.
enum FrameFormat: String, CaseIterable, ExpressibleByArgument {
  /// Plain text, as a recording holds it.
  case text
  /// One SVG image of the last frame, in the screen's colours.
  case svg
  /// One HTML page: the last frame (or with --all-frames every frame) as inline SVG.
  case html
}

/// `lstmviz render`: the frames the interactive program would show, as plain text, SVG or HTML.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the screen after a sequence of key presses, as plain text, SVG or HTML.",
    discussion: """
      Keys are applied exactly as in the interactive program. Key names: \
      \(KeyMap.keyNames.joined(separator: " ")) (or any single character, which edit mode's \
      prompt types).
      Example: lstmviz render --keys "right right down" --size 120x40
      The forget bias to -5: lstmviz render --keys "e tab tab = - 5 enter"
      For slides: lstmviz render --keys "end" --format svg --theme light > frame.svg
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

  @OptionGroup var plotOptions: PlotOptions

  @Option(
    help: ArgumentHelp(
      "text, svg or html.",
      discussion: """
        svg is the last frame as an image whose text stays text; html is a page of it, or with         --all-frames of every frame. Both are self-contained, in the screen's colours.
        """))
  var format: FrameFormat = .text

  @OptionGroup var themeOption: ThemeOption

  @Flag(help: "No colour in svg, html and --cast (as does a non-empty NO_COLOR).")
  var noColor = false

  @OptionGroup var recordingOptions: RecordingOptions

  @OptionGroup var editOptions: EditOptions

  func run() throws {
    guard let (width, height) = Render.parseSize(size) else {
      throw UsageError(
        message:
          "--size: expected WIDTHxHEIGHT such as 100x30, each 1 to \(Render.largestSide), got '\(size)'"
      )
    }
    if allFrames, format == .svg {
      throw UsageError(
        message: "--all-frames: an SVG holds one frame; use --format html for every frame")
    }
    let presses = try Render.parseKeys(keys)
    let lesson = try lessonOptions.loadLesson()
    let comparison = try editOptions.comparison(to: lesson, options: lessonOptions)
    // Recording files open before anything is written: a bad path leaves stdout empty.
    let recorder = try recordingOptions.makeRecorder(
      title: lesson.title, noColor: noColor, theme: themeOption.theme)
    defer { recorder?.finish() }
    // The same loop as the interactive program, on a headless screen of the given size, at
    // time 0 throughout, its work done before each frame. It draws every key's frame, so that
    // --all-frames prints one per key. `w` saves as the interactive program does.
    var program = LessonProgram(
      lesson: lesson, precision: precision.decimals, options: plotOptions.screenOptions,
      compare: comparison?.0, compareName: comparison?.1, saver: LessonFileSaver(),
      defaultPath: EditOptions.defaultSavePath(lessonOptions))
    let clock = ManualClock()
    let inputs = presses.map { HeadlessInput.key($0.key) }
    // Each frame is named after the key as typed: "start", then one name per key (a key that
    // changed a number by the edit, `edit forget.bias = -5.0000`); the status frame after a
    // recorder failure keeps the name of the frame it follows.
    let names = ["start"] + presses.map(\.name)
    var shownIndex = -1
    var pageFrames: [(caption: String?, canvas: Canvas)] = []
    func named(_ frame: ShownFrame) -> ShownFrame {
      var frame = frame
      if names.indices.contains(shownIndex) { frame.key = names[shownIndex] }
      return frame
    }
    let backend = HeadlessBackend(
      width: width, height: height, inputs: inputs, clock: clock, drawsEveryFrame: true
    ) { frame in
      guard allFrames, !frame.showsStatus else { return }
      let recorded = RecordedFrame(number: shownIndex + 1, shown: named(frame))
      if format == .text {
        try Render.write(recorded.text)
      } else {
        pageFrames.append((recorded.separator, frame.canvas))
      }
    }
    var loop = ProgramLoop(backend: backend, clock: clock)
    var failure: String?
    _ = loop.run(&program) { frame in
      if !frame.showsStatus { shownIndex += 1 }
      // A recording failure shows in the status line, as it would live.
      guard let message = recorder?.record(named(frame)) else { return nil }
      if !frame.showsStatus { failure = message }
      return message
    }
    if let error = loop.backend.drawFailure { throw error }
    try writeFrames(last: program.render(), all: pageFrames, title: lesson.title)
    if let failure { throw RuntimeError(failure) }
  }

  /// Writes the last frame as `format` asks (text with --all-frames is written already), or
  /// with --all-frames every frame as a page.
  private func writeFrames(
    last: Canvas, all: [(caption: String?, canvas: Canvas)], title: String
  ) throws {
    let color = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    switch format {
    case .text:
      if !allFrames { try Render.write(Render.lines(last)) }
    case .svg:
      try Render.write(
        FrameSVG(theme: themeOption.theme, color: color).document(last, title: title))
    case .html:
      let frames = allFrames ? all : [(nil, last)]
      try Render.write(
        FrameHTML(theme: themeOption.theme, color: color).document(title: title, frames: frames))
    }
  }

  /// The key presses named in `keys`, separated by spaces: the names of `KeyMap.keyNames`, and
  /// any single character (the prompt of edit mode types it).
  ///
  /// - Throws: `UsageError` for a name that is not a key that does something, listing the names.
  static func parseKeys(_ keys: String) throws -> [(name: String, key: Key)] {
    try keys.split(whereSeparator: \.isWhitespace).map(String.init).map { name in
      guard let key = KeyMap.key(named: name), KeyMap.isKnown(key) else {
        throw UsageError(
          message:
            "--keys: unknown key '\(name)'; valid keys: \(KeyMap.keyNames.joined(separator: " "))"
            + " (or any single character)")
      }
      return (name, key)
    }
  }

  /// Writes `text` to standard output.
  static func write(_ text: String) throws {
    try Array(text.utf8).withUnsafeBufferPointer { try StandardOutput.write($0) }
  }

  /// The frame's rows as text, trailing spaces trimmed.
  static func lines(_ canvas: Canvas) -> String {
    canvas.lines.map { $0 + "\n" }.joined()
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
