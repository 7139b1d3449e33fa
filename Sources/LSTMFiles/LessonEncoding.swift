import LSTMCore

/// Writing a lesson, or a model alone, as JSON that lstmviz reads back to the same numbers.
///
/// Every number is written in the shortest form that reads back as exactly the same Double
/// (`0.1`, `1e-05`, `-0.0`), so that `Lesson.load` of the text gives every weight, input and
/// target bit for bit. A model is written in the form it came in: the scalar teaching form, or
/// a PyTorch state_dict under its own names (its module prefix, `_l0` or none for an
/// `nn.LSTMCell`) with its two biases. A vector model made in code is written as an `nn.LSTM`
/// state_dict. The layout is read as `Lesson.load` reads it, one lesson with one layer: a layer
/// above 0 is written as layer 0, with the sequences it was shown (the STM of the layer below).
public enum LessonEncoding {
  /// `lesson` as a lesson file: title, description, model, sequences (with their targets) and
  /// the plain-RNN twin.
  public static func json(for lesson: Lesson) -> String {
    var members: [(String, String)] = [("title", JSONString.literal(lesson.title))]
    if let description = lesson.description {
      members.append(("description", JSONString.literal(description)))
    }
    members.append(("model", json(for: lesson.model, layout: lesson.modelLayout, indent: 1)))
    let sequences = lesson.sequences.map { sequence in
      "  " + json(for: sequence, hiddenSize: lesson.model.hiddenSize)
    }
    members.append(("sequences", "[\n" + sequences.joined(separator: ",\n") + "\n ]"))
    if let rnn = lesson.rnn {
      members.append(("rnn", json(for: rnn, layout: lesson.rnnLayout, indent: 1)))
    }
    return object(members, indent: 0) + "\n"
  }

  /// The model alone, as a lesson's `model` or a `--model` file holds it: the scalar form
  /// when it has no layout and is the scalar cell, else a state_dict.
  ///
  /// - Parameter indent: the depth of the object in the text it goes into, one space a level.
  public static func json(for model: LSTMModel, layout: TorchLayout?, indent: Int = 0) -> String {
    guard let layout = layout ?? (model.isScalar ? nil : TorchLayout()) else {
      return object(
        Gate.allCases.map { gate in
          let weights = model.gates[gate]
          return (
            gate.rawValue,
            scalarGate(weights.stmWeights[0, 0], weights.inputWeights[0, 0], weights.bias[0])
          )
        }, indent: indent)
    }
    func stacked(_ part: KeyPath<GateWeights, Matrix>) -> [[Double]] {
      Gate.pytorchOrder.flatMap { gate in rows(of: model.gates[gate][keyPath: part]) }
    }
    return stateDict(
      layout.agreeing(withBias: model.torchOrderBias), weightIH: stacked(\.inputWeights),
      weightHH: stacked(\.stmWeights), indent: indent)
  }

  /// The plain-RNN twin alone, as a lesson's `rnn` or a `--rnn` file holds it: the scalar form
  /// `{"stmWeight", "inputWeight", "bias"}` when it has no layout and is the scalar twin, else
  /// an `nn.RNN` state_dict.
  public static func json(for twin: RNNModel, layout: TorchLayout?, indent: Int = 0) -> String {
    let weights = twin.weights
    guard var named = layout ?? (twin.isScalar ? nil : TorchLayout()) else {
      return scalarGate(weights.stmWeights[0, 0], weights.inputWeights[0, 0], weights.bias[0])
    }
    named.layered = true
    return stateDict(
      named.agreeing(withBias: weights.bias), weightIH: rows(of: weights.inputWeights),
      weightHH: rows(of: weights.stmWeights), indent: indent)
  }

  /// The name PyTorch gives `parameter` (`weight_ih`, `bias_hh`) in a cell of this layout:
  /// `lstm.weight_ih_l0`, or `weight_ih` for an `nn.LSTMCell`.
  public static func name(of parameter: String, in layout: TorchLayout) -> String {
    layout.prefix + parameter + (layout.layered ? "_l0" : "")
  }

  /// `value` as JSON: the shortest text that reads back as exactly `value`, without a `.0`
  /// after a whole number (`1`, `0.5`, `-0.0`, `1e-05`); `NaN`, `Infinity` and `-Infinity`, as
  /// Python writes them, for a number that is not finite (which no lesson holds).
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity" }
    let text = value.description
    guard text.hasSuffix(".0"), value != 0 || value.sign == .plus else { return text }
    return String(text.dropLast(2))
  }

  /// `[a, b, c]`.
  public static func list(_ values: some Sequence<Double>) -> String {
    "[" + values.map(number).joined(separator: ", ") + "]"
  }

  /// One sequence on one line: name, values (a number a step, or a list of m numbers), target.
  private static func json(for sequence: InputSequence, hiddenSize: Int) -> String {
    var text = "{\"name\": " + JSONString.literal(sequence.name) + ", \"values\": "
    if sequence.inputSize == 1 {
      text += list(sequence.values)
    } else {
      text +=
        "["
        + (1...sequence.count).map { list(sequence.input(at: $0)) }
        .joined(separator: ", ") + "]"
    }
    if let target = sequence.target {
      text += ", \"target\": " + (target.count == 1 ? number(target[0]) : list(target))
    }
    return text + "}"
  }

  /// `{"stmWeight": w, "inputWeight": u, "bias": b}` on one line.
  private static func scalarGate(_ stmWeight: Double, _ inputWeight: Double, _ bias: Double)
    -> String
  {
    let values = [stmWeight, inputWeight, bias]
    return "{"
      + zip(ModelDecoding.weightKeys, values).map { "\"\($0)\": \(number($1))" }
      .joined(separator: ", ") + "}"
  }

  /// A state_dict: `weight_ih`, `weight_hh` (a row a line) and the biases the layout has.
  private static func stateDict(
    _ layout: TorchLayout, weightIH: [[Double]], weightHH: [[Double]], indent: Int
  ) -> String {
    let rowIndent = String(repeating: " ", count: indent + 2)
    func matrix(_ rows: [[Double]]) -> String {
      "[\n" + rows.map { rowIndent + list($0) }.joined(separator: ",\n") + "\n"
        + String(repeating: " ", count: indent + 1) + "]"
    }
    var members = [
      (name(of: "weight_ih", in: layout), matrix(weightIH)),
      (name(of: "weight_hh", in: layout), matrix(weightHH)),
    ]
    if let bias = layout.inputBias { members.append((name(of: "bias_ih", in: layout), list(bias))) }
    if let bias = layout.stmBias { members.append((name(of: "bias_hh", in: layout), list(bias))) }
    return object(members, indent: indent)
  }

  /// An object of `members` (key, JSON text), one member a line, at depth `indent`.
  private static func object(_ members: [(String, String)], indent: Int) -> String {
    let inner = String(repeating: " ", count: indent + 1)
    return "{\n"
      + members.map { inner + JSONString.literal($0.0) + ": " + $0.1 }.joined(separator: ",\n")
      + "\n" + String(repeating: " ", count: indent) + "}"
  }

  /// The rows of `matrix`.
  private static func rows(of matrix: Matrix) -> [[Double]] {
    (0..<matrix.rows).map { row in (0..<matrix.columns).map { matrix[row, $0] } }
  }
}
