import CNCurses
import Foundation
import LSTMScreen

/// The ncurses screen: the only code that talks to ncurses. It opens and restores the terminal,
/// draws Canvases and reads keys; everything else is decided elsewhere.
final class NCursesScreen {
  private var screen: OpaquePointer?
  /// The colour mode in use, settled when the screen opens.
  let colorMode: ColorMode
  /// The colours for the terminal's background.
  let theme: Theme
  private var background: Int16 = -1
  private var pairs: [Int: Int16] = [:]
  private var characters: [wchar_t] = []
  /// True once a read has found the terminal gone: hung up, closed, or failing.
  private(set) var isGone = false
  /// Reads in a row that failed long before their timeout, with no reason seen.
  private var earlyFailures = 0

  /// Opens the terminal on standard input and output, or throws without having touched it.
  init(noColor: Bool, theme: Theme, environment: [String: String]) throws(TerminalError) {
    self.theme = theme
    guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "standard input") }
    guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "standard output") }
    try TerminalError.checkTermType(environment)
    setlocale(LC_ALL, "")
    CrashRestore.saveTerminalSettings()
    // newterm, unlike initscr, returns nil (printing nothing) when terminfo does not know TERM.
    guard let screen = newterm(nil, lv_stdout(), lv_stdin()) else {
      throw .unknownTermType(environment["TERM"] ?? "")
    }
    self.screen = screen
    cbreak()
    noecho()
    nonl()
    intrflush(lv_stdscr(), false)
    keypad(lv_stdscr(), true)
    leaveok(lv_stdscr(), true)
    curs_set(0)
    set_escdelay(25)
    for (sequence, code) in KeyDecoder.extraSequences {
      define_key(sequence, code)
    }
    // Colour is started only when it may be used, so that monochrome sends no colour codes.
    let colorWanted =
      ColorMode.choose(noColor: noColor, environment: environment, terminalColors: 256)
      != .monochrome
    var colors = 0
    if colorWanted, has_colors(), start_color() == OK {
      background = use_default_colors() == OK ? -1 : 0
      colors = Int(lv_colors())
    }
    colorMode = ColorMode.choose(
      noColor: noColor, environment: environment, terminalColors: colors)
    CrashRestore.arm()
  }

  deinit { close() }

  /// Gives the terminal back as it was. Safe to call more than once.
  func close() {
    guard let screen else { return }
    self.screen = nil
    CrashRestore.disarm()
    curs_set(1)
    endwin()
    delscreen(screen)
  }

  /// The terminal's size now.
  var size: (width: Int, height: Int) {
    (Int(lv_columns()), Int(lv_lines()))
  }

  /// Leaves the screen (the terminal as it was before, the cursor shown), stops the process as
  /// Ctrl-Z does, and once it is continued, comes back and paints the screen again.
  func suspend() {
    guard screen != nil else { return }
    SessionSignals.stopUntilContinued {
      curs_set(1)
      endwin()
    }
    // The next refresh comes back from endwin: the program's terminal modes, the alternate
    // screen, then the whole screen painted.
    _ = lv_repaint_all()
    curs_set(0)
  }

  /// Sets the terminal up for the screen again and paints all of it, after the process was
  /// stopped and continued behind the program's back (SIGSTOP, then SIGCONT).
  func resume() {
    guard screen != nil else { return }
    reset_prog_mode()
    _ = lv_repaint_all()
    curs_set(0)
  }

  /// Waits at most `milliseconds` for one key, and returns it, or nil if none came, a signal
  /// interrupted the wait, or the terminal has gone (`isGone` then says so).
  ///
  /// ncurses answers a timeout, an interrupted wait, the end of input and a read error alike;
  /// the terminal has gone if it is hung up or closed (`poll`), a read failed with EIO or
  /// EBADF, or reads keep failing at once (a guard against spinning on any other failure).
  func read(timeoutMilliseconds milliseconds: Int32) -> TerminalInput? {
    lv_set_input_timeout(milliseconds)
    var value: wint_t = 0
    errno = 0
    let start = ContinuousClock.now
    let status = lv_read_key(&value)
    if status == OK || status == lv_key_code_yes() {
      earlyFailures = 0
      return status == OK ? .character(UInt32(value)) : .keyCode(Int32(bitPattern: value))
    }
    let failure = errno
    if lv_terminal_is_gone() != 0 || failure == EIO || failure == EBADF {
      isGone = true
    } else if milliseconds >= 10, failure != EINTR,
      ContinuousClock.now - start < .milliseconds(Int(milliseconds) / 2)
    {
      earlyFailures += 1
      isGone = earlyFailures >= Self.earlyFailureLimit
    } else {
      earlyFailures = 0
    }
    return nil
  }

  /// How many reads in a row may fail at once, for no reason seen, before the terminal counts as
  /// gone: at most a few milliseconds of spinning.
  static let earlyFailureLimit = 100

  /// Shows `canvas`, which replaces `previous` (nil: whatever was there). Only rows that differ
  /// are written, and ncurses sends only the changes, so nothing flickers.
  func draw(_ canvas: Canvas, replacing previous: Canvas?) {
    let sameSize = previous.map { $0.width == canvas.width && $0.height == canvas.height } ?? false
    if !sameSize { werase(lv_stdscr()) }
    let (width, height) = size
    for row in 0..<min(canvas.height, height) {
      if sameSize, let previous, rowsEqual(canvas, previous, row) { continue }
      drawRow(row, of: canvas, width: min(canvas.width, width))
    }
    wnoutrefresh(lv_stdscr())
    doupdate()
  }

  private func rowsEqual(_ a: Canvas, _ b: Canvas, _ row: Int) -> Bool {
    let range = row * a.width..<(row + 1) * a.width
    return a.cells[range] == b.cells[range]
  }

  private func drawRow(_ row: Int, of canvas: Canvas, width: Int) {
    var column = 0
    while column < width {
      let style = canvas.cells[row * canvas.width + column].style
      var end = column
      characters.removeAll(keepingCapacity: true)
      while end < width, canvas.cells[row * canvas.width + end].style == style {
        // Most cells are one scalar one column wide: take it without going through Character.
        let columns = canvas.columns(row: row, column: end)
        if columns == 1, let scalar = canvas.scalar(row: row, column: end),
          lv_character_width(wchar_t(bitPattern: scalar.value)) == 1
        {
          characters.append(wchar_t(bitPattern: scalar.value))
        } else if columns > 0 {
          Self.append(
            canvas.cells[row * canvas.width + end].character, columns: columns, to: &characters)
        }
        end += 1
      }
      let (attributes, pair) = attributes(
        of: Palette.appearance(of: style, in: colorMode, theme: theme))
      lv_set_attributes(attributes, pair)
      characters.withUnsafeBufferPointer { buffer in
        _ = lv_draw(Int32(row), Int32(column), buffer.baseAddress, Int32(buffer.count))
      }
      column = end
    }
    lv_set_attributes(lv_attribute_normal(), 0)
  }

  /// Appends the wide characters of `character`, which takes `columns` columns on the canvas.
  /// If the terminal's library counts it otherwise, a row must not shift: an emoji asked for as
  /// a picture becomes its text form and a space, anything else (a control character, a
  /// character the library does not know as wide) `?` and spaces.
  private static func append(
    _ character: Character, columns: Int, to characters: inout [wchar_t]
  ) {
    let scalars = character.unicodeScalars
    let fits = scalars.enumerated().allSatisfy { index, scalar in
      let width = lv_character_width(wchar_t(bitPattern: scalar.value))
      return index == 0 ? Int(width) == columns : width == 0
    }
    if fits {
      characters.append(contentsOf: scalars.map { wchar_t(bitPattern: $0.value) })
    } else if let first = scalars.first, character.isEmojiAskedForAsAPicture,
      lv_character_width(wchar_t(bitPattern: first.value)) == 1
    {
      // ncurses counts ⚠️ one column and the terminal draws it two: the text form ⚠ and a
      // space keep the row in place.
      characters.append(wchar_t(bitPattern: first.value))
      characters.append(contentsOf: repeatElement(wchar_t(UInt8(ascii: " ")), count: columns - 1))
    } else {
      characters.append(wchar_t(UInt8(ascii: "?")))
      characters.append(contentsOf: repeatElement(wchar_t(UInt8(ascii: " ")), count: columns - 1))
    }
  }

  private func attributes(of appearance: Appearance) -> (attr_t, Int16) {
    var attributes = lv_attribute_normal()
    if appearance.attributes.contains(.bold) { attributes |= lv_attribute_bold() }
    if appearance.attributes.contains(.reverse) { attributes |= lv_attribute_reverse() }
    if appearance.attributes.contains(.dim) { attributes |= lv_attribute_dim() }
    if appearance.attributes.contains(.underline) { attributes |= lv_attribute_underline() }
    guard let foreground = appearance.foreground else { return (attributes, 0) }
    return (attributes, pair(for: foreground))
  }

  /// The colour pair for `foreground` on the terminal's background, made on first use; 0 (the
  /// terminal's own colours) if the terminal has too few colours or pairs.
  private func pair(for foreground: Int) -> Int16 {
    if let pair = pairs[foreground] { return pair }
    let next = pairs.count + 1
    guard foreground < Int(lv_colors()), next < Int(lv_color_pairs()), next <= Int(Int16.max)
    else { return 0 }
    let pair = Int16(next)
    guard init_pair(pair, Int16(foreground), background) == OK else { return 0 }
    pairs[foreground] = pair
    return pair
  }
}
