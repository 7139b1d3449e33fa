extension Unicode.Scalar {
  /// Whether this scalar moves the cursor or starts an escape code when printed: C0 and C1
  /// controls (escape, tab, newline, carriage return, delete…), line and paragraph separators.
  ///
  /// Names in a lesson are the user's text; printed raw, such a scalar would break a table's
  /// lines or drive the terminal.
  ///
  /// These are the scalars of general category Cc, Zl and Zp, listed by value: Unicode's
  /// stability policy fixes the Cc set, and asking for the category costs a table lookup that
  /// was a fifth of writing a recording's frame.
  public var isTerminalControl: Bool {
    switch value {
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: true
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
