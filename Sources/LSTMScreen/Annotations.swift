import LSTMCore
import LSTMViewModel

/// What the forward view marks beyond its numbers: the number under the edit cursor, in reverse
/// video, and beside every number that differs from the ghost's (the lesson as opened, or the
/// `--compare` lesson), the ghost's number, dimmed: `0.4839 (was 0.6434)`.
struct Annotations {
  /// The ghost's numbers of the step shown, when they can differ; nil when nothing was changed.
  var ghost: StepTrace?
  /// The word before a ghost's number: `was`, or `vs` for another lesson.
  var word = "was"
  /// The number under the edit cursor, in edit mode.
  var cursor: EditField?

  /// No marks.
  static let none = Annotations()

  /// The marks of `state`'s forward view.
  init(state: State) {
    ghost = state.ghostStep
    word = state.ghost.isComparison ? "vs" : "was"
    cursor = state.edit.isOn ? state.edit.cursor : nil
  }

  /// No marks.
  init() {}

  /// ` (was 0.6434)`, dimmed, when `value` and `ghost` differ as `numbers` write them; else nil.
  func note(_ value: Double, _ ghost: Double?, numbers: NumberStyle) -> Span? {
    guard let ghost, numbers.plain(value) != numbers.plain(ghost) else { return nil }
    return Span(" (\(word) \(numbers.plain(ghost)))", .dim)
  }

  /// The ghost's value of `pick` for unit `unit`, when there is a ghost.
  func ghostValue(_ pick: (StepTrace) -> [Double], unit: Int) -> Double? {
    guard let ghost else { return nil }
    let values = pick(ghost)
    return values.indices.contains(unit) ? values[unit] : nil
  }

  /// Whether `field` is under the cursor.
  func marks(_ field: EditField) -> Bool { cursor == field }

  /// `span` in reverse video when `field` is under the cursor.
  func cursor(_ span: Span, at field: EditField) -> Span {
    guard marks(field) else { return span }
    var style = span.style
    style.reverse = true
    style.bold = true
    return Span(span.text, style)
  }
}
