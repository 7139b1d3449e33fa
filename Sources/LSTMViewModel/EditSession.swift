import LSTMCore

/// What edit mode asks of the program: one case a key (see `KeyMap.editBindings`).
public enum EditCommand: Sendable, Equatable, Hashable {
  /// Edit mode on or off (e).
  case toggle
  /// The cursor to the next number (Tab, →).
  case nextField
  /// The cursor to the previous number (Shift-Tab, ←).
  case previousField
  /// The cursor to the same number of the next gate, the input or the twin (↓).
  case nextGroup
  /// The cursor to the same number of the previous gate (↑).
  case previousGroup
  /// The number plus one nudge step (+).
  case nudgeUp
  /// The number less one nudge step (-).
  case nudgeDown
  /// The nudge step ten times larger (*).
  case largerStep
  /// The nudge step ten times smaller (/).
  case smallerStep
  /// The value prompt opens in the status line (=).
  case openPrompt
  /// A character typed into the prompt.
  case type(Character)
  /// The prompt's last character removed (Backspace).
  case erase
  /// The prompt's value committed, or its path saved to (Enter).
  case commit
  /// The prompt closed without a change (Esc).
  case cancel
  /// The number back to the lesson's own value (0).
  case reset
  /// The last edit undone (u).
  case undo
  /// The last edit undone, done again (U).
  case redo
  /// The edited lesson saved: the path prompt opens (w).
  case save
}

/// One change of one number, as the undo history keeps it.
public struct Edit: Sendable, Equatable {
  /// How the number was changed.
  public enum Kind: Sendable, Equatable {
    /// Typed, nudged or reset.
    case set
    /// An earlier edit undone.
    case undo
    /// An undone edit done again.
    case redo
  }

  /// The number.
  public var target: EditTarget
  /// Its value before.
  public var from: Double
  /// Its value after.
  public var to: Double
  /// What made the change.
  public var kind: Kind = .set
}

/// What the prompt in the status line is asking for.
public enum EditPrompt: Sendable, Equatable {
  /// A value for the number under the cursor, typed so far.
  case value(String)
  /// The path to save the lesson to, typed so far (it starts as the default).
  case savePath(String)
  /// Whether to overwrite `path`, which exists: `y` does.
  case confirmOverwrite(String)
}

/// What edit mode has to say once, in the status line, until the next key.
public enum EditNotice: Sendable, Equatable {
  /// The text typed is not a number (only digits, `.`, `-`, `+` and `e` are).
  case notANumber(String)
  /// The text typed is a number too large for a Double, or not finite.
  case notFinite(String)
  /// `value` at `target` would make a number of the cell not finite: at step `t` of sequence
  /// `sequence` (an index), in the twin when `inTwin`.
  case overflows(target: EditTarget, value: Double, sequence: Int, t: Int, inTwin: Bool)
  /// Nothing to undo, or to redo.
  case nothingToUndo, nothingToRedo
  /// The prompt's path is empty.
  case noPath
  /// The lesson was saved to the path.
  case saved(String)
  /// The path exists and was kept.
  case kept(String)
  /// Writing the path failed, for the reason given; the edits are all still here.
  case saveFailed(path: String, reason: String)
  /// Quitting would lose this many changes: q again quits.
  case unsavedChanges(Int)
}

/// A save the program is asked to make (it holds the disk): the state's lesson to `path`.
public struct SaveRequest: Sendable, Equatable {
  /// Where to write.
  public var path: String
  /// Whether an existing file there may be replaced (the user said so).
  public var overwrite: Bool
}

/// What came of a save.
public enum SaveOutcome: Sendable, Equatable {
  /// The lesson is in the file.
  case saved(path: String)
  /// The file exists, and the request did not say to replace it: nothing was written.
  case exists(path: String)
  /// The write failed, for `reason`; an existing file is as it was.
  case failed(path: String, reason: String)
}

/// Edit mode: whether it is on, where its cursor is, the nudge step, the prompt, and the history
/// of edits that undo and redo walk.
public struct EditSession: Sendable, Equatable {
  /// The smallest and largest nudge steps, as powers of ten.
  public static let stepExponents = -12...12

  /// Whether edit mode is on.
  public internal(set) var isOn = false
  /// The number under the cursor.
  public internal(set) var cursor = EditField.first
  /// The nudge step is 10 to this power.
  public internal(set) var stepExponent = -1
  /// The prompt open in the status line, if any.
  public internal(set) var prompt: EditPrompt?
  /// What to say in the status line after the last key, if anything.
  public internal(set) var notice: EditNotice?
  /// The edits made, oldest first: what undo walks back.
  public internal(set) var done: [Edit] = []
  /// The edits undone, the most recent last: what redo walks forward.
  public internal(set) var undone: [Edit] = []
  /// The edit the last key made (an edit, an undo or a redo), for the recording; nil after a
  /// key that changed no number.
  public internal(set) var lastEdit: Edit?
  /// How many edits have been made, undone or redone: what tells a new edit from the last one.
  public internal(set) var editCount = 0
  /// `editCount` when the lesson was last saved (0 before any save).
  public internal(set) var savedAt = 0
  /// The save the program is asked to make, if any.
  public internal(set) var saveRequest: SaveRequest?
  /// The path the lesson is saved to by default.
  public internal(set) var defaultPath = "lesson-edited.json"
  /// Whether `q` was pressed once with unsaved changes, so that the next `q` quits.
  public internal(set) var quitAsked = false

  /// The nudge step: 10 to `stepExponent`.
  public var step: Double { EditSession.powerOfTen(stepExponent) }

  /// 10 to the power `exponent`, exactly as a Double reads the decimal `1e<exponent>`.
  static func powerOfTen(_ exponent: Int) -> Double {
    Double("1e\(exponent)") ?? 1
  }
}

/// Adding a nudge step to a number in decimal, so that 1.62 + 0.1 is 1.72 and not
/// 1.7200000000000002: the shortest decimal that reads back as the number, plus the step, read
/// back as the nearest Double.
enum DecimalNudge {
  /// `value + sign · 10^exponent`, added in decimal where the digits fit, else in binary.
  static func add(_ value: Double, exponent: Int, negative: Bool) -> Double {
    let step = EditSession.powerOfTen(exponent)
    let binary = negative ? value - step : value + step
    guard let (digits, scale) = decimal(value) else { return binary }
    // value = digits · 10^scale; the step is 10^exponent: put both on the smaller scale.
    let common = min(scale, exponent)
    guard scale - common <= 18, exponent - common <= 18 else { return binary }
    let (scaled, overflow) = digits.multipliedReportingOverflow(by: power(scale - common))
    guard !overflow else { return binary }
    let stepDigits = negative ? -power(exponent - common) : power(exponent - common)
    let (sum, overflowed) = scaled.addingReportingOverflow(stepDigits)
    guard !overflowed, let result = Double("\(sum)e\(common)") else { return binary }
    return result
  }

  /// 10 to `exponent` (0...18) as an integer.
  private static func power(_ exponent: Int) -> Int64 {
    var result: Int64 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  /// The shortest decimal that reads back as `value`, as digits and a power of ten:
  /// 1.62 is (162, -2). Nil for a value that is not finite.
  static func decimal(_ value: Double) -> (digits: Int64, scale: Int)? {
    guard value.isFinite else { return nil }
    let text = value.description
    let parts = text.split(separator: "e", maxSplits: 1)
    var exponent = 0
    if parts.count == 2 {
      guard let written = Int(parts[1]) else { return nil }
      exponent = written
    }
    var mantissa = String(parts[0])
    let negative = mantissa.hasPrefix("-")
    if negative { mantissa.removeFirst() }
    let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let whole = pieces[0]
    var fraction = pieces.count > 1 ? pieces[1] : ""
    while fraction.hasSuffix("0") { fraction.removeLast() }
    guard let digits = Int64(whole + fraction) else { return nil }
    return (negative ? -digits : digits, exponent - fraction.count)
  }
}
