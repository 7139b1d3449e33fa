import Foundation

/// An asciicast as a file holds it: the terminal's size and the output written to it, in order.
/// The bytes are read here (newline-delimited JSON); what the output draws is `AsciicastScreen`'s
/// work, in LSTMScreen.
///
/// Read: asciicast v2 (what `lstmviz --cast` and `asciinema rec` write: a header object with
/// `width` and `height`, then `[seconds, "o", data]` lines), and v3 (`term.cols`/`rows` and
/// times since the event before). Input, marker and other events are skipped; a resize (`"r"`,
/// `"COLSxROWS"`) is kept. Blank lines, CRLF line ends and a byte order mark are fine. A copy cut
/// short inside its last line keeps every whole event before it (`cutOff` says where).
public struct AsciicastFile: Sendable, Equatable {
  /// One event that changes what the terminal shows.
  public enum Event: Sendable, Equatable {
    /// Output written to the terminal.
    case output(String)
    /// The terminal took this size.
    case resize(width: Int, height: Int)
  }

  /// The format's version: 2 or 3.
  public var version: Int
  /// The terminal's columns when the recording started.
  public var width: Int
  /// The terminal's rows when the recording started.
  public var height: Int
  /// The title, if the header has one.
  public var title: String?
  /// The events, each with its seconds since the start, in order.
  public var events: [(seconds: Double, event: Event)]
  /// Where the file stops in the middle of a line (a copy cut short), if it does.
  public var cutOff: String?

  /// The largest width or height taken from a file: larger than any terminal.
  static let largestSide = 1000

  /// Reads the cast in `bytes`, named `file` in errors.
  ///
  /// - Throws: `LessonError` naming the file and the line: not JSON, no header, a version other
  ///   than 2 or 3, a size out of range, an event that is not `[time, "type", "data"]`, or times
  ///   that go backwards.
  public init(parsing bytes: [UInt8], file: String) throws(LessonError) {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
      $0.last == 0x0D ? Array($0.dropLast()) : Array($0)
    }
    if lines.last?.isEmpty ?? false { lines.removeLast() }
    func fail(_ line: Int, _ message: String) -> LessonError {
      LessonError(file: file, location: "line \(line)", message: message)
    }
    guard let first = lines.indices.first(where: { !Self.isBlank(lines[$0]) }) else {
      throw fail(1, "the file is empty; an asciicast starts with a header line")
    }
    let header = try? Self.node(lines[first], line: first + 1, file: file)
    guard let header, case .object = header.value else {
      throw fail(
        first + 1,
        "not an lstmviz recording (it must start with \"lstmviz recording · \") nor "
          + "an asciicast (its first line is a header such as {\"version\": 2, \"width\": 80, "
          + "\"height\": 24})")
    }
    guard case .number(let version)? = header["version"]?.value, version == 2 || version == 3
    else {
      throw fail(first + 1, "\"version\" must be 2 or 3 (asciicast v2 or v3)")
    }
    let v3 = version == 3
    self.version = Int(version)
    let size = v3 ? header["term"] : header
    guard let width = size?[v3 ? "cols" : "width"].flatMap(Self.side),
      let height = size?[v3 ? "rows" : "height"].flatMap(Self.side)
    else {
      let names = v3 ? "\"term\": {\"cols\", \"rows\"}" : "\"width\" and \"height\""
      throw fail(
        first + 1, "the header needs \(names), whole numbers from 1 to \(Self.largestSide)")
    }
    self.width = width
    self.height = height
    if case .string(let title)? = header["title"]?.value { self.title = title }
    events = []
    cutOff = nil
    var clock = 0.0
    for index in lines.indices.dropFirst(first + 1) where !Self.isBlank(lines[index]) {
      let node: JSONNode
      do {
        node = try Self.node(lines[index], line: index + 1, file: file)
      } catch {
        // Only the file's last line, after a whole event, is a copy cut short.
        guard index == lines.count - 1, !events.isEmpty else { throw error }
        cutOff = "line \(index + 1)"
        return
      }
      guard case .array(let parts) = node.value, parts.count >= 3,
        case .number(let time) = parts[0].value, time >= 0,
        case .string(let type) = parts[1].value, case .string(let data) = parts[2].value
      else {
        throw fail(index + 1, "expected an event [seconds, \"o\", \"output\"]")
      }
      let seconds = v3 ? clock + time : time
      guard seconds >= clock else {
        throw fail(index + 1, "the time \(time) is before the event before it (\(clock))")
      }
      clock = seconds
      switch type {
      case "o": events.append((seconds, .output(data)))
      case "r":
        let sides = data.split(separator: "x").compactMap { Int($0) }
        guard sides.count == 2, (1...Self.largestSide).contains(sides[0]),
          (1...Self.largestSide).contains(sides[1])
        else {
          throw fail(index + 1, "a resize event's size must be COLSxROWS, got \(data.quoted)")
        }
        events.append((seconds, .resize(width: sides[0], height: sides[1])))
      default: continue
      }
    }
  }

  /// Two casts are equal when their sizes, titles, events and ends are.
  public static func == (a: AsciicastFile, b: AsciicastFile) -> Bool {
    a.version == b.version && a.width == b.width && a.height == b.height && a.title == b.title
      && a.cutOff == b.cutOff
      && a.events.elementsEqual(b.events) { $0.seconds == $1.seconds && $0.event == $1.event }
  }

  /// Whether `line` holds nothing but spaces.
  private static func isBlank(_ line: [UInt8]) -> Bool {
    line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  /// The JSON value on one line, its errors placed on line `line` of the file.
  private static func node(_ bytes: [UInt8], line: Int, file: String) throws(LessonError)
    -> JSONNode
  {
    do {
      return try JSONParser.parse(bytes, file: file)
    } catch {
      var error = error
      error.location = error.location.map {
        $0.replacingOccurrences(of: "line 1", with: "line \(line)")
      }
      throw error
    }
  }

  /// A whole number of columns or rows, 1 to `largestSide`.
  private static func side(_ node: JSONNode) -> Int? {
    guard case .number(let value) = node.value, value == value.rounded(),
      (1...Double(largestSide)).contains(value)
    else { return nil }
    return Int(value)
  }
}
