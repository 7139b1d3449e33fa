import LSTMCore

/// One number of a lesson that edit mode can change: an entry of a gate's weights, an entry of
/// the plain-RNN twin's weights, or one input of one step of one sequence.
public enum EditTarget: Sendable, Hashable {
  /// Entry (`row`, `column`) of `part` of `gate` (the bias has column 0).
  case gate(Gate, GateWeights.Part, row: Int, column: Int)
  /// Entry (`row`, `column`) of `part` of the twin's weights.
  case twin(GateWeights.Part, row: Int, column: Int)
  /// Input `component` (from 0) of step `t` (from 1) of sequence `sequence` (an index).
  case input(sequence: Int, t: Int, component: Int)

  /// Whether the target is one of the inputs.
  public var isInput: Bool {
    if case .input = self { return true }
    return false
  }
}

/// Where the edit cursor stands, as the screen shows it: a number of the selected unit's row of
/// a gate or of the twin, or one number of the current step's input. `State.editTarget` says
/// which number of the lesson that is.
public enum EditField: Sendable, Hashable {
  /// Column `column` of `part` of `gate`, in the selected unit's row.
  case gate(Gate, GateWeights.Part, column: Int)
  /// Input `component` of the step shown.
  case input(component: Int)
  /// Column `column` of `part` of the twin's weights, in the selected unit's row.
  case twin(GateWeights.Part, column: Int)

  /// The field the cursor starts on: the first number of the formulas, the forget gate's STM
  /// weight.
  public static let first = EditField.gate(.forget, .stmWeights, column: 0)
}

extension Lesson {
  /// The number `target` stands for, or nil when the lesson has no such number.
  public func value(of target: EditTarget) -> Double? {
    switch target {
    case .gate(let gate, let part, let row, let column):
      let weights = model.gates[gate]
      let (rows, columns) = weights.shape(of: part)
      guard (0..<rows).contains(row), (0..<columns).contains(column) else { return nil }
      return weights[part, row, column]
    case .twin(let part, let row, let column):
      guard let weights = rnn?.weights else { return nil }
      let (rows, columns) = weights.shape(of: part)
      guard (0..<rows).contains(row), (0..<columns).contains(column) else { return nil }
      return weights[part, row, column]
    case .input(let index, let t, let component):
      guard sequences.indices.contains(index) else { return nil }
      let sequence = sequences[index]
      guard (1...max(sequence.count, 1)).contains(t), sequence.count > 0,
        (0..<sequence.inputSize).contains(component)
      else { return nil }
      return sequence.values[(t - 1) * sequence.inputSize + component]
    }
  }
}

extension State {
  /// The fields the cursor walks, in the order they appear on screen: each gate's STM weights,
  /// input weights and bias (the selected unit's row, one entry at a time), gates in the
  /// screen's order (forget, g, i, output); then the step's input; then the twin's weights, if
  /// the lesson has a twin.
  public var editFields: [EditField] {
    editGroups.flatMap { $0 }
  }

  /// `editFields` in the groups ↑ and ↓ move between: one group a gate, the input, the twin.
  var editGroups: [[EditField]] {
    let (n, m) = (lesson.model.hiddenSize, lesson.model.inputSize)
    func row(_ make: (GateWeights.Part, Int) -> EditField, stm: Int, input: Int) -> [EditField] {
      (0..<stm).map { make(.stmWeights, $0) } + (0..<input).map { make(.inputWeights, $0) }
        + [make(.bias, 0)]
    }
    var groups = Gate.seedOrder.map { gate in
      row({ EditField.gate(gate, $0, column: $1) }, stm: n, input: m)
    }
    if stepCount > 0 { groups.append((0..<m).map { EditField.input(component: $0) }) }
    if let twin = lesson.rnn {
      groups.append(
        row({ EditField.twin($0, column: $1) }, stm: twin.hiddenSize, input: twin.inputSize))
    }
    return groups
  }

  /// The number of the lesson `field` stands for here: in the selected unit's row, at the step
  /// shown.
  public func target(of field: EditField) -> EditTarget {
    switch field {
    case .gate(let gate, let part, let column):
      return .gate(gate, part, row: unit, column: part == .bias ? 0 : column)
    case .twin(let part, let column):
      return .twin(part, row: unit, column: part == .bias ? 0 : column)
    case .input(let component):
      return .input(sequence: sequenceIndex, t: t, component: component)
    }
  }

  /// The number under the edit cursor.
  public var editTarget: EditTarget { target(of: edit.cursor) }
}
