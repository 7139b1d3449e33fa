import LSTMCore

extension PyTorchLSTMNaming {
  /// The tensors of layer `layer` of an LSTM whose keys start with `prefix` (nil for an
  /// `nn.LSTMCell`, whose keys have no layer suffix), their shapes checked, their numbers not
  /// yet read.
  static func layerParts(
    layer: Int?, prefix: String, in tensors: TensorSet
  ) throws(LessonError) -> LSTMLayerParts {
    let suffix = layer.map { "_l\($0)" } ?? ""
    func require(_ parameter: String) throws(LessonError) -> TensorSet.Entry {
      guard let entry = tensors["\(prefix)\(parameter)\(suffix)"] else {
        throw tensors.error("the state_dict is missing \(prefix)\(parameter)\(suffix)")
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
    let hh = try tensors.matrixTensor(
      hhEntry, columns: n, why: "weight_hh needs \(n) (its \(hhRows) rows are 4n)")
    let ihEntry = try require("weight_ih")
    let ih = try tensors.matrixTensor(ihEntry, columns: nil, why: "")
    guard ih.shape[0] == 4 * n else {
      throw tensors.error(
        at: ihEntry.origin.location,
        "has \(counted(ih.shape[0], "row")), but weight_hh has \(hhRows): both need 4n rows")
    }
    let biases = try biases(suffix: suffix, prefix: prefix, units: n, in: tensors)
    return LSTMLayerParts(
      hh: hh, ih: ih,
      layout: TorchLayout(
        prefix: prefix, layered: layer != nil, inputBias: biases.input, stmBias: biases.stm))
  }

  /// `bias_ih` and `bias_hh` of the layer whose keys end in `suffix` (`_l0`, or empty for an
  /// `nn.LSTMCell`), 4n numbers each, nil for one the file leaves out; refused if their sum
  /// overflows a Double.
  static func biases(
    suffix: String, prefix: String, units n: Int, in tensors: TensorSet
  ) throws(LessonError) -> (input: [Double]?, stm: [Double]?) {
    var found: [[Double]?] = []
    var last: TensorSet.Entry?
    for parameter in ["bias_ih", "bias_hh"] {
      guard let entry = tensors["\(prefix)\(parameter)\(suffix)"] else {
        found.append(nil)
        continue
      }
      let values = try tensors.vector(entry, what: "a bias")
      guard values.count == 4 * n else {
        throw tensors.error(
          at: entry.origin.location,
          "has \(counted(values.count, "number")), but the LSTM needs 4n = \(4 * n)")
      }
      found.append(values)
      last = entry
    }
    let sum = TorchLayout.summedBias(inputBias: found[0], stmBias: found[1], count: 4 * n)
    if let last, let k = sum.firstIndex(where: { !$0.isFinite }) {
      throw tensors.error(
        at: last.origin.location(ofElement: k), "bias_ih + bias_hh overflows a Double")
    }
    return (found[0], found[1])
  }
}

/// A state_dict key of an `nn.LSTM`, `[prefix]parameter_l<layer>[_reverse]`, or of an
/// `nn.LSTMCell`, `[prefix]parameter` with no layer suffix.
struct StateDictKey: Equatable {
  /// The module prefix, such as `lstm.` or empty.
  var prefix: String
  /// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` or `weight_hr`.
  var parameter: String
  /// The layer number; nil for an `nn.LSTMCell`.
  var layer: Int?
  /// Whether it is the reverse direction of a bidirectional LSTM.
  var reverse: Bool

  /// The parameters an `nn.LSTM` may hold.
  static let parameters = ["weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_hr"]
  /// The parameters of an `nn.LSTMCell`.
  static let cellParameters = ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]

  /// Reads `key`, or nil when it is not an LSTM parameter.
  init?(_ key: String) {
    if let cell = Self.cellParameters.first(where: { key.hasSuffix($0) }) {
      let prefix = key.dropLast(cell.count)
      guard prefix.isEmpty || prefix.hasSuffix(".") else { return nil }
      (self.prefix, parameter, layer, reverse) = (String(prefix), cell, nil, false)
      return
    }
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

  /// The LSTM's name as `--lstm` takes it: the prefix without its last dot.
  static func lstmName(_ prefix: String) -> String {
    prefix.isEmpty ? "" : String(prefix.dropLast())
  }
}

/// One layer's tensors, checked for shape: `weight_hh` (4n×n), `weight_ih` (4n×m), and the
/// names and two biases (4n each) of its layout.
struct LSTMLayerParts {
  /// `weight_hh`.
  var hh: NamedTensor
  /// `weight_ih`.
  var ih: NamedTensor
  /// The module prefix, the layer suffix and `bias_ih` and `bias_hh`.
  var layout: TorchLayout

  /// `bias_ih + bias_hh`.
  var bias: [Double] {
    TorchLayout.summedBias(
      inputBias: layout.inputBias, stmBias: layout.stmBias, count: 4 * hiddenSize)
  }

  /// n.
  var hiddenSize: Int { hh.shape[1] }
  /// m.
  var inputSize: Int { ih.shape[1] }

  /// The layer as a model: each gate's block widened straight from the file into its matrix,
  /// once, and refused if a weight is not finite.
  func model(in tensors: TensorSet) throws(LessonError) -> LSTMModel {
    let (n, m) = (hiddenSize, inputSize)
    var gates = PerGate { _ in GateWeights(stmWeight: 0, inputWeight: 0, bias: 0) }
    let bias = self.bias
    for (block, gate) in PyTorchLSTMNaming.gateOrder.enumerated() {
      let rows = block * n..<(block + 1) * n
      gates[gate] = GateWeights(
        stmWeights: Matrix(
          rows: n, columns: n, storage: try tensors.finiteValues(of: hh, rows: rows)),
        inputWeights: Matrix(
          rows: n, columns: m, storage: try tensors.finiteValues(of: ih, rows: rows)),
        bias: Array(bias[rows]))
    }
    do {
      return try LSTMModel(inputSize: m, hiddenSize: n, gates: gates)
    } catch {
      throw tensors.error(error.message)
    }
  }

  /// Refuses a weight that is not finite, reading the numbers where they lie and keeping none.
  func checkFinite(in tensors: TensorSet) throws(LessonError) {
    for tensor in [hh, ih] {
      guard let k = tensor.data.firstNonFinite(shape: tensor.shape) else { continue }
      let (row, _) = k.quotientAndRemainder(dividingBy: tensor.shape[1])
      _ = try tensors.finiteValues(of: tensor, rows: row..<row + 1)
    }
  }
}
