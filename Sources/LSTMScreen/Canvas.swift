import LSTMCore

/// What a cell of the screen means, so that each backend can choose how to show it.
///
/// Colour is only ever a second cue: every role still reads in monochrome.
public enum StyleRole: Sendable, Equatable, Hashable {
  /// Ordinary text.
  case plain
  /// Headings: the lesson title, gate names.
  case heading
  /// Secondary text: hints, labels, things not yet revealed.
  case dim
  /// A gate's own colour.
  case gate(Gate)
  /// A positive number.
  case positive
  /// A negative number.
  case negative
  /// The long-term memory line and its values.
  case ltm
  /// The short-term memory line and its values.
  case stm
  /// The current step, or whatever is being pointed at.
  case highlight
  /// A warning or an error in a status line.
  case warning
  /// A colour of the terminal's 256 that a recording asked for (a replayed asciicast), not a
  /// meaning of lstmviz's own.
  case color(Int)
}

/// How one cell is drawn: a role, and whether it is bold or reversed.
public struct Style: Sendable, Equatable, Hashable {
  /// What the cell means.
  public var role: StyleRole
  /// Drawn bold.
  public var bold: Bool
  /// Drawn in reverse video.
  public var reverse: Bool

  /// Makes a style.
  public init(_ role: StyleRole = .plain, bold: Bool = false, reverse: Bool = false) {
    self.role = role
    self.bold = bold
    self.reverse = reverse
  }

  /// Ordinary text.
  public static let plain = Style()
}

/// One character cell of the screen.
public struct CanvasCell: Sendable, Equatable {
  /// The character shown. A wide character (CJK, emoji) takes two cells: this one, and a
  /// continuation cell after it.
  public var character: Character
  /// How it is drawn.
  public var style: Style
  /// Whether this cell is the right half of the wide character in the cell before it. Its
  /// `character` is a space, and it adds nothing to a row's text.
  public var isWideContinuation: Bool

  /// Makes a cell.
  public init(_ character: Character, style: Style = .plain) {
    self.character = character
    self.style = style
    isWideContinuation = false
  }

  /// A blank cell.
  public static let blank = CanvasCell(" ")

  /// The right half of a wide character drawn in `style`.
  static func continuation(_ style: Style) -> CanvasCell {
    var cell = CanvasCell(" ", style: style)
    cell.isWideContinuation = true
    return cell
  }
}

/// A grid of styled characters: what is drawn on the terminal, recorded, and rendered.
///
/// Writing outside the grid is clipped, never an error, so no frame can exceed its size.
public struct Canvas: Sendable, Equatable {
  /// The number of columns.
  public let width: Int
  /// The number of rows.
  public let height: Int
  /// The cells, row by row.
  public private(set) var cells: [CanvasCell]
  /// Each cell's character as its one Unicode scalar, or `Canvas.notOneScalar` (then `cells`
  /// holds it). Turning a frame into text reads these: going through `Character` costs about
  /// 20 ns a cell, a fifth of a key press at 120×40.
  private var scalars: [UInt32]
  /// Marks a character of more than one scalar in `scalars`.
  private static let notOneScalar = UInt32.max
  /// Marks the right half of a wide character in `scalars`.
  private static let continuation = UInt32.max - 1

  /// Makes a blank canvas. Negative sizes are taken as 0.
  public init(width: Int, height: Int) {
    self.width = max(width, 0)
    self.height = max(height, 0)
    cells = Array(repeating: .blank, count: self.width * self.height)
    scalars = Array(repeating: 0x20, count: self.width * self.height)
  }

  /// The cell at `row`, `column`, or nil outside the grid.
  public subscript(row: Int, column: Int) -> CanvasCell? {
    guard (0..<height).contains(row), (0..<width).contains(column) else { return nil }
    return cells[row * width + column]
  }

  /// The character at `row`, `column` as its one Unicode scalar; nil outside the grid, when
  /// the character is made of several, or for the right half of a wide character. Cheaper than
  /// the cell's `Character`, for drawing.
  package func scalar(row: Int, column: Int) -> Unicode.Scalar? {
    guard (0..<height).contains(row), (0..<width).contains(column) else { return nil }
    return Unicode.Scalar(scalars[row * width + column])
  }

  /// The columns the character at `row`, `column` takes: 2 for a wide character, 0 for its
  /// right half, 1 otherwise (and outside the grid).
  package func columns(row: Int, column: Int) -> Int {
    guard (0..<height).contains(row), (0..<width).contains(column) else { return 1 }
    let index = row * width + column
    if scalars[index] == Canvas.continuation { return 0 }
    return column + 1 < width && scalars[index + 1] == Canvas.continuation ? 2 : 1
  }

  /// Writes `text` from `row`, `column` rightwards, clipping at the edges. Returns the column
  /// after the last character written (even if clipped).
  ///
  /// A character takes one column, or two if it is wide (`Character.terminalColumns`); a wide
  /// character cut by an edge is left out. A character holding a control (escape, newline,
  /// tab…) is written as `�`, so no frame can carry an escape code to a terminal, a recording
  /// or a cast, whatever a lesson's names hold.
  @discardableResult
  public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain) -> Int {
    guard (0..<height).contains(row) else { return column + text.terminalColumns }
    // The screen's own text (digits, Greek letters, arrows, box drawing, shapes) is one
    // character a scalar: walk the scalars and skip grapheme breaking, a frame's largest cost.
    // At the first scalar that may join its neighbours, start again by characters: they cover
    // the same columns, so nothing written so far is left behind.
    var x = column
    for scalar in text.unicodeScalars {
      guard scalar.isCharacterOnItsOwn else {
        return putCharacters(text, row: row, column: column, style: style)
      }
      if x >= width { return column + text.terminalColumns }
      if x >= 0 {
        let index = row * width + x
        splitWideCharacter(at: index, column: x)
        cells[index] = CanvasCell(Character(scalar), style: style)
        scalars[index] = scalar.value
      }
      x += 1
    }
    return x
  }

  /// Sets the cell at `row`, `column` to `character` (and the cell after it, if the character
  /// is wide), if it is inside the grid.
  public mutating func put(_ character: Character, row: Int, column: Int, style: Style = .plain) {
    guard (0..<height).contains(row), (0..<width).contains(column) else { return }
    set(character, row: row, column: column, style: style)
  }

  /// `put` for any text: character by character.
  private mutating func putCharacters(
    _ text: String, row: Int, column: Int, style: Style
  ) -> Int {
    var x = column
    for character in text {
      if x >= width { return column + text.terminalColumns }
      x += set(character, row: row, column: x, style: style)
    }
    return x
  }

  /// Sets the cell at `row`, `column` (which may be off the left edge) to `character`, and its
  /// scalar; controls become `�`. A wide character also takes the next cell; cut by an edge, it
  /// leaves a blank where its visible half would be. Returns the columns it takes.
  @discardableResult
  private mutating func set(_ character: Character, row: Int, column: Int, style: Style) -> Int {
    // The screen's own characters (plot marks, box drawing) are one scalar, one column and
    // never a control: they skip both lookups.
    let parts = character.unicodeScalars
    let isOwn = parts.count == 1 && parts[parts.startIndex].isCharacterOnItsOwn
    let character: Character = !isOwn && character.holdsTerminalControl ? "�" : character
    let columns = isOwn ? 1 : character.terminalColumns
    let start = row * width
    for x in column..<column + columns where (0..<width).contains(x) {
      splitWideCharacter(at: start + x, column: x)
    }
    guard column >= 0, column + columns <= width else {
      for x in column..<column + columns where (0..<width).contains(x) {
        cells[start + x] = CanvasCell(" ", style: style)
        scalars[start + x] = 0x20
      }
      return columns
    }
    let index = start + column
    cells[index] = CanvasCell(character, style: style)
    let characterScalars = character.unicodeScalars
    scalars[index] =
      characterScalars.count == 1
      ? characterScalars[characterScalars.startIndex].value : Canvas.notOneScalar
    if columns == 2 {
      cells[index + 1] = .continuation(style)
      scalars[index + 1] = Canvas.continuation
    }
    return columns
  }

  /// Before the cell at `index` (at `column` of its row) is overwritten: if it is half of a wide
  /// character, the other half becomes a blank, so no half character is left behind.
  @inline(__always)
  private mutating func splitWideCharacter(at index: Int, column: Int) {
    if scalars[index] == Canvas.continuation {
      cells[index - 1] = CanvasCell(" ", style: cells[index - 1].style)
      scalars[index - 1] = 0x20
    } else if column + 1 < width, scalars[index + 1] == Canvas.continuation {
      cells[index + 1] = CanvasCell(" ", style: cells[index + 1].style)
      scalars[index + 1] = 0x20
    }
  }

  /// Sets the style of `count` cells from `row`, `column`, keeping their characters.
  public mutating func restyle(row: Int, column: Int, count: Int, style: Style) {
    let first = max(column, 0)
    let end = min(column + max(count, 0), width)
    guard (0..<height).contains(row), first < end else { return }
    for x in first..<end {
      cells[row * width + x].style = style
    }
  }

  /// The text of row `row`, trailing spaces included.
  public func text(ofRow row: Int) -> String {
    text(of: row * width..<(row + 1) * width)
  }

  /// Every row's text with trailing spaces trimmed: the frame as plain text.
  ///
  /// Each row is built once, up to its last non-blank cell (a frame is written on every key).
  public var lines: [String] {
    (0..<height).map { row in
      let start = row * width
      var end = start + width
      while end > start, scalars[end - 1] == 0x20 { end -= 1 }
      return text(of: start..<end)
    }
  }

  /// Row `row` as runs of one style, left to right, trailing spaces included.
  func spans(ofRow row: Int) -> [Span] {
    var spans: [Span] = []
    var start = row * width
    let end = start + width
    while start < end {
      let style = cells[start].style
      var next = start + 1
      while next < end, cells[next].style == style { next += 1 }
      spans.append(Span(text(of: start..<next), style))
      start = next
    }
    return spans
  }

  /// The characters of the cells at `indices` as one string, its UTF-8 written straight into
  /// the string's storage (short runs fit in the string itself: nothing is allocated).
  private func text(of indices: Range<Int>) -> String {
    var capacity = 0
    for index in indices {
      let value = scalars[index]
      capacity +=
        value < 0x80
        ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : value <= 0x10FFFF ? 4 : 0
      if value == Canvas.notOneScalar { capacity += cells[index].character.utf8.count }
      // The right half of a wide character adds nothing: `value` is above 0x10FFFF.
    }
    return String(unsafeUninitializedCapacity: capacity) { bytes in
      var count = 0
      for index in indices {
        let value = scalars[index]
        if value < 0x80 {
          bytes[count] = UInt8(truncatingIfNeeded: value)
          count += 1
        } else if value != Canvas.notOneScalar, let scalar = Unicode.Scalar(value) {
          UTF8.encode(scalar) { byte in
            bytes[count] = byte
            count += 1
          }
        } else if value == Canvas.notOneScalar {
          for byte in cells[index].character.utf8 {
            bytes[count] = byte
            count += 1
          }
        }
      }
      return count
    }
  }
}
