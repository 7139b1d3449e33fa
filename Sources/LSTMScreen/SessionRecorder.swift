import Foundation

/// Where a recording's text goes: a file on disk (LSTMTerminal's `RecordingFile`), or memory in
/// tests. Once an append fails, the sink says why in `failure` and takes nothing more.
public protocol RecordingSink: AnyObject {
  /// The path shown when the sink fails, as the user named it.
  var path: String { get }
  /// Why the last append failed, such as "No space left on device"; nil while all is well.
  var failure: String? { get }
  /// Appends `text`, written through at once; false if it could not be written.
  @discardableResult func append(_ text: String) -> Bool
  /// Closes the sink; later appends fail.
  func close()
}

/// Records a session to a text recording, an asciicast, or both: every frame that differs from
/// the one before, written as soon as it is shown.
///
/// A file that fails stops on its own; the other one, and the session, go on. `record` then
/// returns the status message to show, once.
public final class SessionRecorder {
  private let title: String
  private let date: Date
  private let color: Bool
  private let theme: Theme
  private var text: (any RecordingSink)?
  private var cast: (any RecordingSink)?
  private var last: Canvas?
  private var lastElapsed: Double = 0
  /// The number of frames recorded so far.
  public private(set) var frameCount = 0

  /// Records to `text` (the text format of `Recording`) and `cast` (asciicast v2), either of
  /// which may be nil. The lesson's `title` and the start `date` go into the headers; the cast
  /// uses `theme`'s colours unless `color` is false.
  public init(
    text: (any RecordingSink)?, cast: (any RecordingSink)?, title: String, date: Date,
    color: Bool, theme: Theme = .dark
  ) {
    self.theme = theme
    self.text = text
    self.cast = cast
    self.title = title
    self.date = date
    self.color = color
  }

  /// Whether any file is still being written.
  public var isRecording: Bool { text != nil || cast != nil }

  /// Records `frame` if its canvas differs from the last frame recorded, numbering the frames
  /// recorded 1, 2, … Returns `"recording stopped: reason (path)"` when a file has just failed,
  /// else nil.
  @discardableResult
  public func record(_ frame: ShownFrame) -> String? {
    let canvas = frame.canvas
    guard isRecording, canvas != last else { return nil }
    let previous = last
    last = canvas
    frameCount += 1
    // Times never go backwards, whatever the clock did.
    let elapsed = max(frame.elapsed.isFinite ? frame.elapsed : 0, lastElapsed)
    lastElapsed = elapsed
    var failures: [String] = []
    if let file = text {
      var shown = frame
      shown.elapsed = elapsed
      let recorded = RecordedFrame(number: frameCount, shown: shown)
      let header =
        previous == nil
        ? RecordingHeader(title: title, date: date, width: canvas.width, height: canvas.height)
          .text : ""
      if !file.append(header + recorded.text) {
        failures.append("\(file.failure ?? "write failed") (\(file.path))")
        text = nil
      }
    }
    if let file = cast {
      let header =
        previous == nil
        ? Asciicast.header(
          width: canvas.width, height: canvas.height, timestamp: date, title: title) + "\n"
        : ""
      let resized = previous.map { $0.width != canvas.width || $0.height != canvas.height }
      let drawing = Asciicast.drawing(
        canvas, color: color, theme: theme, clear: resized ?? true)
      if !file.append(header + Asciicast.event(seconds: elapsed, data: drawing) + "\n") {
        failures.append("\(file.failure ?? "write failed") (\(file.path))")
        cast = nil
      }
    }
    return failures.isEmpty ? nil : "recording stopped: " + failures.joined(separator: "; ")
  }

  /// Ends the recording and closes the files. The cast ends as a session does: the cursor
  /// shown again, below the last frame.
  public func finish() {
    if let cast, let last {
      cast.append(
        Asciicast.event(seconds: lastElapsed, data: Asciicast.ending(height: last.height)) + "\n")
    }
    text?.close()
    cast?.close()
    text = nil
    cast = nil
  }
}
