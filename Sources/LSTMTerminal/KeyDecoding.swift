import CNCurses
import LSTMViewModel

/// One successful read of the keyboard through ncurses' `get_wch`.
enum TerminalInput: Equatable {
  /// `get_wch` returned OK: a character, as a Unicode code point.
  case character(UInt32)
  /// `get_wch` returned KEY_CODE_YES: one of ncurses' KEY_* codes.
  case keyCode(Int32)
}

/// What a read means to the program.
enum DecodedInput: Equatable {
  /// A key the program may act on.
  case key(Key)
  /// The terminal changed size (KEY_RESIZE).
  case resize
}

/// Turns ncurses' key codes and characters into `Key`s, including the several codes terminals
/// send for Home and End.
enum KeyDecoder {
  /// The meaning of `input`, or nil for a key the program has no use for.
  static func decode(_ input: TerminalInput) -> DecodedInput? {
    switch input {
    case .keyCode(let code): return decode(keyCode: code)
    case .character(let value): return decode(character: value)
    }
  }

  private static func decode(keyCode code: Int32) -> DecodedInput? {
    switch code {
    case lv_key_resize(): return .resize
    case lv_key_up(): return .key(.up)
    case lv_key_down(): return .key(.down)
    case lv_key_left(): return .key(.left)
    case lv_key_right(): return .key(.right)
    case lv_key_home(), lv_key_beginning(), lv_key_find(), lv_key_keypad_upper_left():
      return .key(.home)
    case lv_key_end(), lv_key_select(), lv_key_keypad_lower_left(), lv_key_home_down():
      return .key(.end)
    case lv_key_enter(): return .key(.enter)
    case lv_key_back_tab(): return .key(.backTab)
    case lv_key_backspace(): return .key(.backspace)
    default: return nil
    }
  }

  private static let escape: UInt32 = 0x1B

  private static func decode(character value: UInt32) -> DecodedInput? {
    switch value {
    case escape: return .key(.escape)
    case 0x0A, 0x0D: return .key(.enter)
    case 0x09: return .key(.tab)
    case 0x08, 0x7F: return .key(.backspace)
    case 0..<0x20, 0x7F..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .key(.character(Character(scalar)))
    }
  }

  /// Escape sequences for Home, End and Shift-Tab that some terminals send but their terminfo
  /// entry may not name (xterm's normal and application modes, rxvt, the VT220 Find/Select
  /// keys), each with the ncurses code to report for it.
  static var extraSequences: [(sequence: String, code: Int32)] {
    [
      ("\u{1B}[H", lv_key_home()), ("\u{1B}OH", lv_key_home()), ("\u{1B}[1~", lv_key_home()),
      ("\u{1B}[7~", lv_key_home()), ("\u{1B}[F", lv_key_end()), ("\u{1B}OF", lv_key_end()),
      ("\u{1B}[4~", lv_key_end()), ("\u{1B}[8~", lv_key_end()), ("\u{1B}[Z", lv_key_back_tab()),
    ]
  }
}
