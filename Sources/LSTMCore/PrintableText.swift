extension Unicode.Scalar {
  /// Whether this scalar moves the cursor or starts an escape code when printed: C0 and C1
  /// controls (escape, tab, newline, carriage return, delete…), line and paragraph separators.
  ///
  /// Names in a lesson are the user's text; printed raw, such a scalar would break a table's
  /// lines or drive the terminal.
  public var isTerminalControl: Bool {
    switch properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: true
    default: false
    }
  }
}

extension Character {
  /// Whether any scalar of this character is a terminal control (`Unicode.Scalar.isTerminalControl`).
  public var holdsTerminalControl: Bool {
    unicodeScalars.contains(where: \.isTerminalControl)
  }
}

extension String {
  /// The text with each character that holds a terminal control (escape, tab, newline…)
  /// replaced by `�`, so that it prints as it reads and keeps to one line.
  public var printable: String {
    guard unicodeScalars.contains(where: \.isTerminalControl) else { return self }
    return String(map { $0.holdsTerminalControl ? "�" : $0 })
  }
}
