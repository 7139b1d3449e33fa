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
  /// The character shown; every character takes one column.
  public var character: Character
  /// How it is drawn.
  public var style: Style

  /// Makes a cell.
  public init(_ character: Character, style: Style = .plain) {
    self.character = character
    self.style = style
  }

  /// A blank cell.
  public static let blank = CanvasCell(" ")
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

  /// Makes a blank canvas. Negative sizes are taken as 0.
  public init(width: Int, height: Int) {
    self.width = max(width, 0)
    self.height = max(height, 0)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  /// The cell at `row`, `column`, or nil outside the grid.
  public subscript(row: Int, column: Int) -> CanvasCell? {
    guard (0..<height).contains(row), (0..<width).contains(column) else { return nil }
    return cells[row * width + column]
  }

  /// Writes `text` from `row`, `column` rightwards, one character a column, clipping at the
  /// edges. Returns the column after the last character written (even if clipped).
  @discardableResult
  public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain) -> Int {
    var x = column
    guard (0..<height).contains(row) else { return column + text.count }
    for character in text {
      if x >= width { return column + text.count }
      if x >= 0 {
        cells[row * width + x] = CanvasCell(character, style: style)
      }
      x += 1
    }
    return x
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
    text(of: cells[row * width..<(row + 1) * width])
  }

  /// Every row's text with trailing spaces trimmed: the frame as plain text.
  ///
  /// Each row is built once, up to its last non-blank cell (a frame is written on every key).
  public var lines: [String] {
    (0..<height).map { row in
      let rowCells = cells[row * width..<(row + 1) * width]
      let end = rowCells.lastIndex { $0.character != " " }.map { $0 + 1 } ?? rowCells.startIndex
      return text(of: rowCells[..<end])
    }
  }

  /// The characters of `cells` as one string, built in a single buffer.
  private func text(of cells: ArraySlice<CanvasCell>) -> String {
    var text = ""
    text.reserveCapacity(cells.count)
    for cell in cells {
      text.append(cell.character)
    }
    return text
  }
}
