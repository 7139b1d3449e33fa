import Foundation
import LSTMViewModel

/// Pages through a recording (text, or an asciicast in its colours), frame by frame: what
/// `lstmviz replay` shows. Pure: keys in, canvases out.
public struct ReplayViewer: Sendable, Equatable {
  /// The frames shown.
  public let tape: ReplayTape
  /// The frame shown, an index into `tape.frames`.
  public private(set) var index = 0
  /// Whether the help overlay is showing.
  public private(set) var isShowingHelp = false
  /// Whether the user asked to leave.
  public private(set) var hasQuit = false
  /// The screen's width in columns.
  public private(set) var width: Int
  /// The screen's height in rows.
  public private(set) var height: Int
  /// The frame's column shown at the screen's left edge, when the frame is wider than the
  /// screen (0-based; kept within the frame by `origin`).
  private var panColumn = 0
  /// The frame's row shown at the top, when the frame is taller than the screen.
  private var panRow = 0

  /// Shows the first frame of `tape` on a `width`×`height` screen.
  public init(tape: ReplayTape, width: Int, height: Int) {
    self.tape = tape
    self.width = max(width, 0)
    self.height = max(height, 0)
  }

  /// Shows the first frame of a text recording on a `width`×`height` screen.
  public init(recording: Recording, width: Int, height: Int) {
    self.init(tape: ReplayTape(recording: recording), width: width, height: height)
  }

  /// Reacts to a key, as `ReplayKeys` binds it.
  public mutating func press(_ key: Key) {
    guard let command = ReplayKeys.command(for: key) else { return }
    let last = max(tape.frames.count - 1, 0)
    switch command {
    case .nextFrame: index = min(index + 1, last)
    case .previousFrame: index = max(index - 1, 0)
    case .firstFrame: index = 0
    case .lastFrame: index = last
    case .panLeft: panColumn = origin.column - max(width / 2, 1)
    case .panRight: panColumn = origin.column + max(width / 2, 1)
    case .panUp: panRow = origin.row - max(view.height / 2, 1)
    case .panDown: panRow = origin.row + max(view.height / 2, 1)
    case .toggleHelp: isShowingHelp.toggle()
    case .closeHelp: isShowingHelp = false
    case .quit: hasQuit = true
    }
  }

  /// The screen now has this size.
  public mutating func resize(width: Int, height: Int) {
    self.width = max(width, 0)
    self.height = max(height, 0)
  }

  /// The room for the frame: the screen less the status line.
  private var view: (width: Int, height: Int) { (width, max(height - 1, 0)) }

  /// The frame shown, if the recording holds any.
  private var frame: ReplayFrame? {
    tape.frames.indices.contains(index) ? tape.frames[index] : nil
  }

  /// The rows of the frame that replay shows: all but the last when the last is the recorded
  /// program's own key hints (they end in `q quit`), which do not apply here and give way to the
  /// status line. So a recording replays whole on a terminal of the size it was made on.
  private var shownRows: ArraySlice<Line> {
    guard let frame else { return [] }
    let hints = frame.rows.last.map { RecordingText.trimmed($0.text).hasSuffix("q quit") } ?? false
    return frame.rows.dropLast(hints ? 1 : 0)
  }

  /// Whether the frame shown is wider or taller than the room for it.
  public var isCropped: Bool {
    guard let frame else { return false }
    return frame.width > view.width || shownRows.count > view.height
  }

  /// The frame's column and row shown at the screen's top left: the pan, kept so that the
  /// screen never goes past the frame's right or bottom edge.
  public var origin: (column: Int, row: Int) {
    guard let frame else { return (0, 0) }
    return (
      min(max(panColumn, 0), max(frame.width - view.width, 0)),
      min(max(panRow, 0), max(shownRows.count - view.height, 0))
    )
  }

  /// The status line: `frame k / N · key K`, then whether the file is cut off after it (on the
  /// last frame) and whether the frame is cropped, then
  /// `SEQUENCE · t = k / T · S s`. What matters most comes first, as a narrow screen cuts the end.
  public var status: String {
    guard let frame else { return "frame 0 / 0 · this recording holds no frames" }
    var text = "frame \(index + 1) / \(tape.frames.count)"
    if let key = frame.key { text += " · key \(key)" }
    if tape.cutOff != nil, index == tape.frames.count - 1 {
      text += " · the file is cut off after this frame"
    }
    if isCropped {
      let shown = (min(frame.width, view.width), min(shownRows.count, view.height))
      text += " · \(frame.width)x\(frame.height) cropped to \(shown.0)x\(shown.1)"
      text +=
        origin == (0, 0)
        ? " (< > ↑ ↓ pan)" : " from column \(origin.column + 1), row \(origin.row + 1)"
    }
    return text + (frame.place.map { " · " + $0 } ?? "") + " · \(frame.elapsedText)"
  }

  /// The screen: the frame's rows, then the status line, with help over them on `?`.
  public func render() -> Canvas {
    var canvas = Canvas(width: width, height: height)
    guard height > 0 else { return canvas }
    let origin = origin
    for (row, line) in shownRows.dropFirst(origin.row).prefix(view.height).enumerated() {
      canvas.put(line, row: row, column: -origin.column)
    }
    let bar = Style(.plain, reverse: true)
    canvas.put(String(repeating: " ", count: width), row: height - 1, column: 0, style: bar)
    canvas.put(
      " " + status, row: height - 1, column: 0, style: Style(.plain, bold: true, reverse: true))
    let room = width - status.terminalColumns - 3
    let choices =
      isCropped
      ? ["←/→ frame  </> ↑/↓ pan  ? help  q quit", "</> ↑/↓ pan  ? help", "? help  q quit"]
      : ["←/→ frame  g/G ends  ? help  q quit", "? help  q quit"]
    if let hints = choices.first(where: { $0.count <= room }) {
      canvas.put(hints, row: height - 1, column: width - hints.count - 1, style: bar)
    }
    if isShowingHelp { drawHelp(on: &canvas) }
    return canvas
  }

  /// A box of key help in the middle of the frame, above the status line.
  private func drawHelp(on canvas: inout Canvas) {
    let all =
      ["lstmviz replay: \(tape.title)", ""]
      + ReplayKeys.bindings.map {
        $0.helpKeys.padding(toLength: 14, withPad: " ", startingAt: 0) + $0.help
      }
      + ["", tape.details]
      + (tape.cutOff.map { ["cut off at \($0): the frames before are whole"] } ?? [])
    let lines: [HelpBox.Line] = all.enumerated().map { offset, line in
      [(line, offset == 0 ? Style(.heading, bold: true) : .plain)]
    }
    let box = HelpBox(
      lines: lines, padding: 1, border: Style(.heading), interior: Style(.heading))
    box.draw(on: &canvas, rows: 0..<max(height - 1, 0))
  }
}

extension ReplayViewer: TerminalProgram {
  /// Keys page; a resize fits the frame to the new size. Nothing else happens in a replay.
  public mutating func handle(_ event: TerminalEvent) {
    switch event {
    case .key(let key): press(key)
    case .resize(let width, let height): resize(width: width, height: height)
    case .tick, .status, .workDone: return
    }
  }

  /// A replay has no clock.
  public var tickInterval: Double? { nil }

  /// True once the user has quit.
  public var isFinished: Bool { hasQuit }

  /// The place of the recorded frame shown (empty when the recording holds no frames).
  public var place: LessonPlace {
    frame?.lessonPlace ?? LessonPlace(sequence: "", t: 0, steps: 0)
  }
}
