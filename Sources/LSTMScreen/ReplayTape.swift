import Foundation
import LSTMViewModel

/// What `lstmviz replay` pages through: the frames of a text recording or of an asciicast, each
/// with its styles (none in a text recording, the cast's colours in a cast), and the words the
/// status line and help say about them.
public struct ReplayTape: Sendable, Equatable {
  /// The lesson title, or the cast's.
  public var title: String
  /// A line about the recording: when, on what terminal, by what.
  public var details: String
  /// The frames, in the order shown.
  public var frames: [ReplayFrame]
  /// Where the file was cut short, if it was, such as `line 40: frame 3 ends after 2 of 24 rows`.
  public var cutOff: String?

  /// The frames of a text recording, as plain text.
  public init(recording: Recording) {
    title = recording.header.title
    details = recording.header.details
    cutOff = recording.cutOff?.description
    frames = recording.frames.map { frame in
      ReplayFrame(
        rows: frame.rows.map { Line(stringLiteral: $0) }, width: frame.width, key: frame.key,
        place: "\(frame.sequence) · \(frame.placeText)", elapsed: frame.elapsed,
        lessonPlace: LessonPlace(sequence: frame.sequence, t: frame.t, steps: frame.steps))
    }
  }

  /// The frames an asciicast draws, in its colours: the screen after each output (or resize)
  /// that changes it. `title` names the cast when its header has none.
  public init(
    castOf size: (width: Int, height: Int), title: String, details: String,
    events: [(seconds: Double, output: String?, resize: (width: Int, height: Int)?)],
    cutOff: String?
  ) {
    self.title = title
    self.details = details
    self.cutOff = cutOff
    var screen = AsciicastScreen(width: size.width, height: size.height)
    var frames: [ReplayFrame] = []
    var last: Canvas?
    for event in events {
      if let output = event.output { screen.write(output) }
      if let resize = event.resize { screen.resize(width: resize.width, height: resize.height) }
      guard screen.canvas != last else { continue }
      last = screen.canvas
      frames.append(
        ReplayFrame(canvas: screen.canvas, elapsed: event.seconds, number: frames.count + 1))
    }
    self.frames = frames
  }
}

/// One frame of a `ReplayTape`.
public struct ReplayFrame: Sendable, Equatable {
  /// The rows, each as runs of one style.
  let rows: [Line]
  /// The frame's columns.
  public let width: Int
  /// The key that led to it, in a text recording.
  let key: String?
  /// Where in the lesson it is (`Company A · t = 2 / 4`), in a text recording.
  let place: String?
  /// Seconds since the recording started.
  public let elapsed: Double
  /// The sequence and step it shows, where the recording says.
  public let lessonPlace: LessonPlace

  init(
    rows: [Line], width: Int, key: String?, place: String?, elapsed: Double,
    lessonPlace: LessonPlace
  ) {
    self.rows = rows
    self.width = width
    self.key = key
    self.place = place
    self.elapsed = elapsed
    self.lessonPlace = lessonPlace
  }

  /// The frame that shows `canvas`, from a cast: trailing blanks left out of each row.
  init(canvas: Canvas, elapsed: Double, number: Int) {
    rows = (0..<canvas.height).map { row in
      var spans = canvas.spans(ofRow: row)
      if let last = spans.last, last.style == .plain, last.text.allSatisfy({ $0 == " " }) {
        spans.removeLast()
      }
      return Line(spans)
    }
    width = canvas.width
    key = nil
    place = nil
    self.elapsed = elapsed
    lessonPlace = LessonPlace(sequence: "", t: 0, steps: 0)
  }

  /// The frame's number of rows.
  public var height: Int { rows.count }

  /// `1.520 s`.
  var elapsedText: String { String(format: "%.3f s", elapsed) }

  /// The frame as plain text, after a line naming it, for printing without a terminal:
  /// `──── frame 3 · 1.520 s · 80x24 ────`, then its rows, trailing spaces trimmed.
  public func text(number: Int) -> String {
    let label = "──── frame \(number) · \(elapsedText) · \(width)x\(height) "
    let rule = String(repeating: "─", count: max(width - label.terminalColumns, 4))
    return ([label + rule] + rows.map { RecordingText.trimmed($0.text) }).map { $0 + "\n" }
      .joined()
  }
}
