import LSTMCore

extension PyTorchLSTMNaming {
  /// Layer `layer` of an LSTM whose keys start with `prefix`: its weights in blocks i, f, g, o,
  /// and its two biases summed.
  static func cell(
    layer: Int, prefix: String, in tensors: TensorSet
  ) throws(LessonError) -> LSTMModel {
    func require(_ parameter: String) throws(LessonError) -> TensorSet.Entry {
      guard let entry = tensors["\(prefix)\(parameter)_l\(layer)"] else {
        throw tensors.error("the state_dict is missing \(prefix)\(parameter)_l\(layer)")
      }
      return entry
    }
    let hhEntry = try require("weight_hh")
    let hhRows = try tensors.rowCount(of: hhEntry, what: "a matrix")
    guard hhRows > 0, hhRows % 4 == 0 else {
      throw tensors.error(
        at: hhEntry.origin.location,
        "has \(counted(hhRows, "row")); an LSTM's weight_hh has 4n rows (blocks i, f, g, o of n units each)"
      )
    }
    let n = hhRows / 4
    let hh = try tensors.matrix(
      hhEntry, columns: n, why: "weight_hh needs \(n) (its \(hhRows) rows are 4n)")
    let ihEntry = try require("weight_ih")
    let ih = try tensors.matrix(ihEntry, columns: nil, why: "")
    guard ih.rows == 4 * n else {
      throw tensors.error(
        at: ihEntry.origin.location,
        "has \(counted(ih.rows, "row")), but weight_hh has \(hhRows): both need 4n rows")
    }
    let bias = try summedBias(layer: layer, prefix: prefix, units: n, in: tensors)
    var gates = PerGate { _ in GateWeights(stmWeight: 0, inputWeight: 0, bias: 0) }
    for (block, gate) in gateOrder.enumerated() {
      let rows = block * n..<(block + 1) * n
      gates[gate] = GateWeights(
        stmWeights: hh.rows(rows), inputWeights: ih.rows(rows), bias: Array(bias[rows]))
    }
    do {
      return try LSTMModel(inputSize: ih.columns, hiddenSize: n, gates: gates)
    } catch {
      throw tensors.error(error.message)
    }
  }

  /// `bias_ih + bias_hh` of layer `layer`, 4n numbers; a bias left out counts as zeros.
  static func summedBias(
    layer: Int, prefix: String, units n: Int, in tensors: TensorSet
  ) throws(LessonError) -> [Double] {
    var bias = Array(repeating: 0.0, count: 4 * n)
    for parameter in ["bias_ih", "bias_hh"] {
      guard let entry = tensors["\(prefix)\(parameter)_l\(layer)"] else { continue }
      let values = try tensors.vector(entry, what: "a bias")
      guard values.count == 4 * n else {
        throw tensors.error(
          at: entry.origin.location,
          "has \(counted(values.count, "number")), but the LSTM needs 4n = \(4 * n)")
      }
      for k in bias.indices { bias[k] += values[k] }
      if let k = bias.firstIndex(where: { !$0.isFinite }) {
        throw tensors.error(
          at: entry.origin.location(ofElement: k), "bias_ih + bias_hh overflows a Double")
      }
    }
    return bias
  }
}

/// A state_dict key of an `nn.LSTM`: `[prefix]parameter_l<layer>[_reverse]`.
struct StateDictKey: Equatable {
  /// The module prefix, such as `lstm.` or empty.
  var prefix: String
  /// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` or `weight_hr`.
  var parameter: String
  /// The layer number.
  var layer: Int
  /// Whether it is the reverse direction of a bidirectional LSTM.
  var reverse: Bool

  /// The parameters an `nn.LSTM` may hold.
  static let parameters = ["weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_hr"]

  /// Reads `key`, or nil when it is not an LSTM parameter.
  init?(_ key: String) {
    var rest = Substring(key)
    reverse = rest.hasSuffix("_reverse")
    if reverse { rest = rest.dropLast("_reverse".count) }
    let digits = rest.reversed().prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 6, let layer = Int(String(digits.reversed())) else {
      return nil
    }
    rest = rest.dropLast(digits.count)
    guard rest.hasSuffix("_l") else { return nil }
    rest = rest.dropLast(2)
    guard let parameter = Self.parameters.first(where: { rest.hasSuffix($0) }) else { return nil }
    let prefix = rest.dropLast(parameter.count)
    guard prefix.isEmpty || prefix.hasSuffix(".") else { return nil }
    self.prefix = String(prefix)
    self.parameter = parameter
    self.layer = layer
  }
}
