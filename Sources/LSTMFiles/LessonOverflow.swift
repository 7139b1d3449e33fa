import LSTMCore

/// Whom to blame when the cell overflows on a sequence: the file and the words for the sequence.
struct OverflowBlame: Sendable {
  /// The file named first: the one that holds the model, or, for the built-in model (which
  /// only overflows on absurd inputs), the one that holds the inputs.
  var file: String?
  /// The sequence, such as `sequences[0] ("Company A")`, or `sequence "a" (from s.csv)` when
  /// it is not in `file`.
  var sequence: String
}

extension Lesson {
  /// Throws at the first number of any step that is not finite: finite weights and inputs can
  /// still overflow a gate's x (`1e308 · 10`), and a trace of `inf` or `nan` teaches nothing.
  /// See `LSTMModel.firstOverflow(on:)`.
  ///
  /// - Parameter blame: for sequence k, the file and location to name.
  func checkFinite(blame: (Int) -> OverflowBlame) throws(LessonError) {
    for (k, sequence) in sequences.enumerated() {
      guard let overflow = model.firstOverflow(on: sequence) else { continue }
      let site = blame(k)
      throw LessonError(
        file: site.file, location: "\(site.sequence), t = \(overflow.t)",
        message: "\(overflow.value.words); the weights or inputs are too large")
    }
  }
}

extension NonFiniteValue {
  /// What is not finite, in words: `the forget gate's x (unit 2) overflows (is too large for a
  /// Double)`, `the new LTM is not finite`.
  var words: String {
    switch self {
    case .gateX(let gate, let unit, let units, let isNaN):
      let what = "the \(gate.rawValue) gate's x" + (units > 1 ? " (unit \(unit + 1))" : "")
      return isNaN
        ? "\(what) is not a number (its terms overflow a Double with opposite signs)"
        : "\(what) overflows (is too large for a Double)"
    case .ltm: return "the new LTM is not finite"
    case .stm: return "the new STM is not finite"
    }
  }
}
