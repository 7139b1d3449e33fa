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
  ///
  /// A sequence whose largest input `LSTMModel.neverOverflows` clears costs one pass over its
  /// inputs. Any other is run through the cell (the allocation-free step every trace takes), to
  /// find the step that overflows, if one does.
  ///
  /// - Parameter blame: for sequence k, the file and location to name.
  func checkFinite(blame: (Int) -> OverflowBlame) throws(LessonError) {
    for (k, sequence) in sequences.enumerated() {
      let largestInput = sequence.values.reduce(0) { max($0, $1.magnitude) }
      if model.neverOverflows(inputsWithin: largestInput) { continue }
      var trace = StepTrace(t: 0, inputSize: model.inputSize, hiddenSize: model.hiddenSize)
      for t in stride(from: 1, through: sequence.count, by: 1) {
        model.advance(&trace, input: sequence.input(at: t))
        guard let problem = Self.firstNonFinite(in: trace) else { continue }
        let site = blame(k)
        throw LessonError(
          file: site.file, location: "\(site.sequence), t = \(t)",
          message: "\(problem); the weights or inputs are too large")
      }
    }
  }

  /// What is not finite in `trace`, in words, or nil when every number is finite.
  ///
  /// Only a gate's x can overflow (activations are bounded, so the memories grow at most by 1 a
  /// step); the rest is checked so that nothing non-finite is ever written.
  static func firstNonFinite(in trace: StepTrace) -> String? {
    for gate in Gate.allCases {
      for (j, x) in trace.gates[gate].x.enumerated() where !x.isFinite {
        let unit = trace.gates[gate].x.count > 1 ? " (unit \(j + 1))" : ""
        let what = "the \(gate.rawValue) gate's x\(unit)"
        return x.isNaN
          ? "\(what) is not a number (its terms overflow a Double with opposite signs)"
          : "\(what) overflows (is too large for a Double)"
      }
    }
    let memories: [(String, [Double])] = [("LTM", trace.ltm), ("STM", trace.stm)]
    for (name, values) in memories where values.contains(where: { !$0.isFinite }) {
      return "the new \(name) is not finite"
    }
    return nil
  }
}

extension LSTMModel {
  /// Whether no step can give a number that is not finite while every input is within
  /// ±`inputBound`.
  ///
  /// Every STM is `o · tanh(c)`, within ±1, so a gate's |x| is at most `Σ|U| + Σ|W|·inputBound +
  /// |b|` along its row; the sums a step adds up stay below that bound (give or take rounding).
  /// When every row's bound is below 1e300, every x is finite, so every activation is, and the
  /// LTM grows by at most 1 a step. The bound is loose: a model that fails it may still never
  /// overflow, which only running it tells.
  func neverOverflows(inputsWithin inputBound: Double) -> Bool {
    for gate in Gate.allCases {
      let weights = gates[gate]
      for row in 0..<hiddenSize {
        var bound = weights.bias[row].magnitude
        for column in 0..<hiddenSize { bound += weights.stmWeights[row, column].magnitude }
        for column in 0..<inputSize {
          bound += weights.inputWeights[row, column].magnitude * inputBound
        }
        guard bound <= 1e300 else { return false }
      }
    }
    return true
  }
}
