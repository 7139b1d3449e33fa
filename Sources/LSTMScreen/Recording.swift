import Foundation
import LSTMViewModel

/// The version of lstmviz, written into every recording and shown by `lstmviz --version`.
public let lstmvizVersion = "0.1.0"

/// A recorded session: what the class saw, frame by frame, as plain text.
///
/// The text format, written by `text` pieces and read by `init(parsing:)` below, side by side:
///
/// ```
/// lstmviz recording · StatQuest stock example
/// recorded 2026-11-24 18:05:12 UTC · terminal 80x24 · lstmviz 0.1.0
/// ──── frame 1 · 0.000 s · key start · Company A · t = 1 / 4 · 80x24 ──────────────
/// <exactly 24 rows, trailing spaces trimmed>
/// ──── frame 2 · 1.520 s · key right · Company A · t = 2 / 4 · 80x24 ──────────────
/// <exactly 24 rows>
/// ```
///
/// The reader takes exactly as many rows as the separator names, so a row that happens to look
/// like a separator is still read as a row. Rows never hold control characters: the writer
/// replaces them (and so any escape code) with `�`.
public struct Recording: Sendable, Equatable {
  /// The lesson title, date, size and version.
  public var header: RecordingHeader
  /// The frames, in the order shown.
  public var frames: [RecordedFrame]
  /// Where the file stops in the middle of a frame, if it does (a copy or upload cut short):
  /// the whole frames before it are kept in `frames`, the cut one is left out.
  public var cutOff: RecordingFormatError?

  /// Makes a recording.
  public init(header: RecordingHeader, frames: [RecordedFrame], cutOff: RecordingFormatError? = nil)
  {
    self.header = header
    self.frames = frames
    self.cutOff = cutOff
  }

  /// The whole recording as text: the header, then every frame.
  public var text: String {
    var text = header.text
    for frame in frames { text += frame.text }
    return text
  }
}

/// The first lines of a recording.
public struct RecordingHeader: Sendable, Equatable {
  /// The lesson title.
  public var title: String
  /// When the recording started, to the second.
  public var date: Date
  /// The terminal's columns when the recording started.
  public var width: Int
  /// The terminal's rows when the recording started.
  public var height: Int
  /// The lstmviz version that wrote it.
  public var version: String

  /// Makes a header; the title loses any control characters and the date its fraction of a
  /// second, as the text keeps them.
  public init(
    title: String, date: Date, width: Int, height: Int, version: String = lstmvizVersion
  ) {
    self.title = RecordingText.printable(title)
    self.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    self.width = max(width, 0)
    self.height = max(height, 0)
    self.version = RecordingText.token(version)
  }

  /// The second line: `recorded 2026-11-24 18:05:12 UTC · terminal 80x24 · lstmviz 0.1.0`.
  public var details: String {
    "recorded \(RecordingText.format(date)) · terminal \(width)x\(height) · lstmviz \(version)"
  }

  /// The header as text, two lines.
  public var text: String {
    "\(RecordingText.magic)\(title)\n\(details)\n"
  }
}

/// One frame as recorded: where it was in the lesson, what led to it, and its rows.
public struct RecordedFrame: Sendable, Equatable {
  /// The frame number, counting from 1.
  public var number: Int
  /// Seconds since the recording started, to the millisecond.
  public var elapsed: Double
  /// The key that led to this frame, such as `right`, or `start`, `resize` or `tick`; for a key
  /// that changed a number, the edit, such as `edit forget.bias = -5.0000`.
  public var key: String
  /// The name of the sequence shown.
  public var sequence: String
  /// The timestep shown, counting from 1.
  public var t: Int
  /// The number of timesteps in the sequence.
  public var steps: Int
  /// In stage mode, the last stage revealed; nil when every stage shows (and in recordings made
  /// before stages were named).
  public var stage: Stage?
  /// The frame's columns.
  public var width: Int
  /// The frame's rows, trailing spaces trimmed, no control characters.
  public var rows: [String]

  /// Makes a frame. Fields lose what the text could not keep: control characters become `�`,
  /// any `·` in the key `.` (it separates the fields) and the time is rounded to the millisecond
  /// (and is never negative).
  public init(
    number: Int, elapsed: Double, key: String, sequence: String, t: Int, steps: Int,
    stage: Stage? = nil, width: Int, rows: [String]
  ) {
    self.number = number
    self.elapsed = elapsed.isFinite ? (max(elapsed, 0) * 1000).rounded() / 1000 : 0
    self.key = RecordingText.keyField(key)
    self.sequence = RecordingText.printable(sequence)
    self.t = t
    self.steps = steps
    self.stage = stage
    self.width = max(width, 0)
    self.rows = rows.map { RecordingText.trimmed(RecordingText.printable($0)) }
  }

  /// Makes the frame that shows `canvas`.
  public init(
    number: Int, elapsed: Double, key: String, sequence: String, t: Int, steps: Int,
    stage: Stage? = nil, canvas: Canvas
  ) {
    self.init(
      number: number, elapsed: elapsed, key: key, sequence: sequence, t: t, steps: steps,
      stage: stage, width: canvas.width, rows: canvas.lines)
  }

  /// The frame's number of rows.
  public var height: Int { rows.count }

  /// The elapsed time as the separator shows it: `1.520 s`.
  public var elapsedText: String { String(format: "%.3f s", elapsed) }

  /// Where in the lesson the frame is: `t = 3 / 4`, and in stage mode the stage revealed,
  /// `t = 3 / 4 · stage 2 / 3 input gate`.
  public var placeText: String {
    let place = "t = \(t) / \(steps)"
    guard let stage else { return place }
    return place + " · " + RecordingText.stageField(stage)
  }

  /// The separator line that opens the frame, without its newline: `──── frame 3 · 1.520 s ·
  /// key s · Company A · t = 3 / 4 · stage 2 / 3 input gate · 80x24 ────…`, the stage only in
  /// stage mode.
  public var separator: String {
    let label =
      "──── frame \(number) · \(elapsedText) · key \(key) · \(sequence)"
      + " · \(placeText) · \(width)x\(height) "
    let rule = max(width - label.terminalColumns, 4)
    return label + String(repeating: "─", count: rule)
  }

  /// The frame as text: its separator, then its rows, each ending in a newline.
  public var text: String {
    ([separator] + rows).map { $0 + "\n" }.joined()
  }
}

/// Why a file is not a recording, and where.
public struct RecordingFormatError: Error, Equatable, CustomStringConvertible {
  /// The line, counting from 1.
  public var line: Int
  /// What is wrong there.
  public var reason: String

  /// Makes an error.
  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  /// `line N: reason`.
  public var description: String { "line \(line): \(reason)" }
}

extension Recording {
  /// Reads a recording from the bytes of a file, exactly as `text` wrote it.
  ///
  /// Throws the first line that does not fit: wrong header, a separator that is not one, a frame
  /// that ends early, bytes that are not UTF-8. A file cut short after at least one whole frame
  /// is read up to the cut, which `cutOff` names: the frame it ends in, a separator cut in two,
  /// or the file's last character cut in two.
  public init(parsing bytes: some Collection<UInt8>) throws(RecordingFormatError) {
    let bytes = Array(bytes)
    var (lines, endsInACharacter) = try RecordingText.lines(of: bytes)
    let endsInALine = bytes.last != 0x0A
    if lines.last == "" { lines.removeLast() }
    guard let first = lines.first, first.hasPrefix(RecordingText.magic) else {
      throw RecordingFormatError(
        line: 1, reason: "not an lstmviz recording (it must start with \"lstmviz recording · \")")
    }
    guard lines.count >= 2 else {
      throw RecordingFormatError(line: 2, reason: "the header ends early")
    }
    header = try RecordingText.header(
      title: String(first.dropFirst(RecordingText.magic.count)),
      details: lines[1])
    frames = []
    cutOff = nil
    var index = 2
    while index < lines.count {
      var frame: RecordedFrame
      do {
        frame = try RecordingText.separator(lines[index], line: index + 1)
      } catch {
        // Only the file's last line, unfinished, after a whole frame, is a cut separator.
        guard index == lines.count - 1, endsInALine, !frames.isEmpty else { throw error }
        cutOff = RecordingFormatError(line: index + 1, reason: "the file ends inside a separator")
        return
      }
      let height = frame.rows.count
      guard index + height < lines.count else {
        let error = RecordingFormatError(
          line: lines.count + 1,
          reason: "frame \(frame.number) ends after \(lines.count - index - 1) of \(height) rows")
        guard !frames.isEmpty else { throw error }
        cutOff = error
        return
      }
      frame.rows = lines[index + 1..<index + 1 + height].map {
        RecordingText.trimmed(RecordingText.printable($0))
      }
      frames.append(frame)
      index += height + 1
    }
    if endsInACharacter {
      cutOff = RecordingFormatError(
        line: lines.count,
        reason: "the file ends inside a character of frame \(frames.count)'s last row")
    }
  }
}

/// The pieces of the text format that both the writer and the reader use.
enum RecordingText {
  static let magic = "lstmviz recording · "

  /// `text` with every control character (escape, newline, tab…) replaced by `�`.
  static func printable(_ text: String) -> String { text.printable }

  /// `text` printable, without `·` and without runs of spaces or spaces at its ends, so that it
  /// stays one field of a separator.
  static func keyField(_ text: String) -> String {
    let words = printable(text).replacingOccurrences(of: "·", with: ".")
      .map { $0.isWhitespace ? " " : $0 }.split(separator: " ")
    return words.isEmpty ? "_" : words.map { String($0) }.joined(separator: " ")
  }

  /// `text` printable and without spaces, so it stays one word.
  static func token(_ text: String) -> String {
    let word = printable(text).map { $0.isWhitespace ? "_" : $0 }
    return word.isEmpty ? "_" : String(word)
  }

  static func trimmed(_ text: String) -> String {
    var text = text
    while text.last == " " { text.removeLast() }
    return text
  }

  /// The lines of the file, split at each newline (a CR before it is dropped), and whether
  /// the file ends inside a character: an unfinished last line whose last one to three bytes
  /// start a character that is not there, which are left out.
  static func lines(of bytes: [UInt8]) throws(RecordingFormatError) -> (
    lines: [String], endsInACharacter: Bool
  ) {
    var lines: [String] = []
    var endsInACharacter = false
    let slices = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    for (number, slice) in slices.enumerated() {
      let bytes = slice.last == 0x0D ? slice.dropLast() : slice
      if let line = String(validating: bytes, as: UTF8.self) {
        lines.append(line)
      } else if number == slices.count - 1,
        let line = (1...3).lazy.compactMap({
          String(validating: bytes.dropLast($0), as: UTF8.self)
        }).first
      {
        lines.append(line)
        endsInACharacter = true
      } else {
        throw RecordingFormatError(line: number + 1, reason: "not UTF-8 text")
      }
    }
    return (lines, endsInACharacter)
  }

  private static let utc = TimeZone(secondsFromGMT: 0) ?? .current

  /// `2026-11-24 18:05:12 UTC`.
  static func format(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = utc
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ value: Int?) -> String {
      let value = value ?? 0
      return value < 10 ? "0\(value)" : "\(value)"
    }
    return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) "
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) UTC"
  }

  static func date(_ text: Substring) -> Date? {
    let fields = text.split(whereSeparator: { "-: ".contains($0) })
    guard fields.count == 7, fields[6] == "UTC" else { return nil }
    let numbers = fields.prefix(6).compactMap { Int($0) }
    guard numbers.count == 6 else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = utc
    let parts = DateComponents(
      year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4],
      second: numbers[5])
    guard parts.isValidDate(in: calendar) else { return nil }
    return calendar.date(from: parts)
  }

  /// `80x24` as (80, 24).
  static func size(_ text: Substring) -> (width: Int, height: Int)? {
    let parts = text.split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
      width >= 0, height >= 0, width <= 100_000, height <= 100_000
    else { return nil }
    return (width, height)
  }

  static func header(title: String, details: String) throws(RecordingFormatError)
    -> RecordingHeader
  {
    let fields = details.components(separatedBy: " · ")
    guard fields.count == 3, fields[0].hasPrefix("recorded "),
      let date = date(fields[0].dropFirst("recorded ".count)),
      fields[1].hasPrefix("terminal "), let size = size(fields[1].dropFirst("terminal ".count)),
      fields[2].hasPrefix("lstmviz "), !fields[2].contains(" ", after: "lstmviz ")
    else {
      throw RecordingFormatError(
        line: 2,
        reason: "expected \"recorded YYYY-MM-DD HH:MM:SS UTC · terminal WxH · lstmviz VERSION\"")
    }
    return RecordingHeader(
      title: title, date: date, width: size.width, height: size.height,
      version: String(fields[2].dropFirst("lstmviz ".count)))
  }

  /// Reads a separator line into a frame with as many empty rows as it names.
  static func separator(_ text: String, line: Int) throws(RecordingFormatError) -> RecordedFrame {
    let wrong = RecordingFormatError(
      line: line,
      reason: "expected a frame separator "
        + "\"──── frame N · S s · key K · SEQUENCE · t = k / T · WxH ────\"" + " (with "
        + "\"· stage k / 3 NAME\" after t in stage mode)")
    guard text.hasPrefix("──── frame ") else { throw wrong }
    var fields = text.dropFirst("──── ".count).components(separatedBy: " · ")
    // The last field is `WxH ────`: the size, then the rule.
    guard fields.count >= 6, let last = fields.popLast() else { throw wrong }
    // Then, in stage mode, the stage: recordings from before it was named have none.
    var stage: Stage?
    if fields.count >= 6, let named = fields.last.flatMap(stageNamed) {
      stage = named
      fields.removeLast()
    }
    let sizeAndRule = last.split(separator: " ", maxSplits: 1)
    guard sizeAndRule.count == 2, sizeAndRule[1].allSatisfy({ $0 == "─" }),
      let size = size(sizeAndRule[0]),
      let steps = fields.popLast().flatMap({ field -> (Int, Int)? in
        let parts = field.components(separatedBy: " ")
        guard parts.count == 5, parts[0] == "t", parts[1] == "=", parts[3] == "/",
          let t = Int(parts[2]), let steps = Int(parts[4])
        else { return nil }
        return (t, steps)
      }),
      fields[0].hasPrefix("frame "), let number = Int(fields[0].dropFirst("frame ".count)),
      fields[1].hasSuffix(" s"), let elapsed = Double(fields[1].dropLast(2)), elapsed.isFinite,
      elapsed >= 0,
      fields[2].hasPrefix("key "), fields[2].count > "key ".count
    else { throw wrong }
    return RecordedFrame(
      number: number, elapsed: elapsed, key: String(fields[2].dropFirst("key ".count)),
      sequence: fields[3...].joined(separator: " · "), t: steps.0, steps: steps.1, stage: stage,
      width: size.width, rows: Array(repeating: "", count: size.height))
  }

  /// `stage 2 / 3 input gate`: the stage revealed, as a separator names it.
  static func stageField(_ stage: Stage) -> String {
    "stage \(stage.number) / \(Stage.allCases.count) \(stage.title.lowercased())"
  }

  /// The stage a separator's field names, or nil if it names none.
  static func stageNamed(_ field: String) -> Stage? {
    Stage.allCases.first { stageField($0) == field }
  }
}

extension String {
  /// Whether `character` occurs after the prefix `prefix`.
  fileprivate func contains(_ character: Character, after prefix: String) -> Bool {
    dropFirst(prefix.count).contains(character)
  }
}
