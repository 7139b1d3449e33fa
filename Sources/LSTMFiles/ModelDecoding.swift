import LSTMCore

/// Reading a model from JSON: the scalar teaching form or a PyTorch `state_dict`.
enum ModelDecoding {
  /// The keys of the scalar form, one gate each.
  static let gateKeys = Gate.allCases.map(\.rawValue)
  /// The keys of one scalar gate.
  static let weightKeys = ["stmWeight", "inputWeight", "bias"]

  /// Whether `node` looks like a model of either form rather than a lesson.
  static func looksLikeModel(_ node: JSONNode) -> Bool {
    guard case .object(let members) = node.value else { return false }
    return members.contains { gateKeys.contains($0.key) || StateDictKey($0.key) != nil }
  }

  /// The model in `node`, which is the scalar form or a state_dict.
  ///
  /// - Parameter layer: the state_dict layer to take; nil means layer 0, and for the scalar form
  ///   anything but nil or 0 is an error.
  static func model(
    _ node: JSONNode, at path: JSONPath, fields: JSONFields, layer: Int?
  ) throws(LessonError) -> LayeredModel {
    guard case .object(let members) = node.value else {
      throw fields.error(path, node, "expected a model (an object), found \(node.value.kind)")
    }
    if members.contains(where: { gateKeys.contains($0.key) }) {
      if let layer, layer != 0 {
        throw fields.error(
          path, node, "--layer \(layer) needs a PyTorch state_dict, but this is the scalar form")
      }
      return LayeredModel(shown: try scalar(node, at: path, fields: fields))
    }
    if members.contains(where: { StateDictKey($0.key) != nil }) {
      return try stateDict(members, node: node, at: path, fields: fields, layer: layer ?? 0)
    }
    throw fields.error(
      path, node,
      "not a model: expected the gates \(fields.listing(gateKeys)), "
        + "or a PyTorch state_dict with weight_ih_l0 and weight_hh_l0")
  }

  /// The scalar teaching cell: four gates, each with stmWeight, inputWeight and bias.
  static func scalar(
    _ node: JSONNode, at path: JSONPath, fields: JSONFields
  ) throws(LessonError) -> LSTMModel {
    let gates = try fields.object(node, at: path, known: gateKeys, what: "a scalar model")
    var weights = PerGate { _ in GateWeights(stmWeight: 0, inputWeight: 0, bias: 0) }
    for gate in Gate.allCases {
      let gatePath = path.appending(gate.rawValue)
      guard let gateNode = gates[gate.rawValue] else {
        throw fields.error(
          path, node,
          "the model is missing the gate \(gate.rawValue.quoted); "
            + "a scalar model has \(fields.listing(gateKeys))")
      }
      let values = try fields.object(gateNode, at: gatePath, known: weightKeys, what: "a gate")
      var numbers: [Double] = []
      for key in weightKeys {
        let value = try fields.required(
          key, in: values, of: gateNode, at: gatePath, what: "the gate")
        numbers.append(try fields.number(value, at: gatePath.appending(key)))
      }
      weights[gate] = GateWeights(stmWeight: numbers[0], inputWeight: numbers[1], bias: numbers[2])
    }
    do {
      return try LSTMModel(scalar: weights)
    } catch {
      throw fields.error(path, node, error.message)
    }
  }

  /// Layers 0 through `layer` of a PyTorch `nn.LSTM` state_dict, with or without a module
  /// prefix; other modules' keys (`fc.weight`) are left out, and said to be. Every layer is
  /// checked, so a state_dict with a layer missing or broken is refused whichever is shown.
  static func stateDict(
    _ members: [JSONMember], node: JSONNode, at path: JSONPath, fields: JSONFields, layer: Int
  ) throws(LessonError) -> LayeredModel {
    let keys = members.compactMap { member in StateDictKey(member.key).map { (member, $0) } }
    let prefixes = Set(keys.map(\.1.prefix)).sorted()
    guard prefixes.count == 1, let prefix = prefixes.first else {
      throw fields.error(
        path, node,
        "the state_dict holds more than one LSTM (prefixes \(fields.listing(prefixes))); "
          + "save the one to show on its own")
    }
    var ignored: [String] = []
    for member in members where StateDictKey(member.key) == nil {
      let insideLSTM = prefix.isEmpty ? !member.key.contains(".") : member.key.hasPrefix(prefix)
      if !insideLSTM {
        let module = String(member.key.prefix { $0 != "." })
        if !ignored.contains(module) { ignored.append(module) }
      }
      if insideLSTM {
        throw fields.error(
          path.appending(member.key), member.node,
          "unknown key in the LSTM's state_dict; expected \(prefix)weight_ih_l0, "
            + "\(prefix)weight_hh_l0, \(prefix)bias_ih_l0 and \(prefix)bias_hh_l0")
      }
    }
    for (member, key) in keys {
      if key.reverse {
        throw fields.error(
          path.appending(member.key), member.node,
          "a bidirectional LSTM; lstmviz shows a one-directional cell")
      }
      if key.parameter == "weight_hr" {
        throw fields.error(
          path.appending(member.key), member.node,
          "an LSTM with projections (proj_size); lstmviz shows the plain cell")
      }
    }
    let layers = Set(keys.map(\.1.layer)).sorted()
    if let missing = (0..<layers.count).first(where: { layers[$0] != $0 }) {
      throw fields.error(
        path, node,
        "layer \(missing) is missing: the state_dict has layers "
          + layers.map(String.init).joined(separator: ", ")
          + ", and an nn.LSTM numbers its layers from 0 with none left out")
    }
    guard layers.contains(layer) else {
      throw fields.error(
        path, node,
        "no layer \(layer): the state_dict has layer\(layers.count == 1 ? "" : "s") "
          + layers.map(String.init).joined(separator: ", "))
    }
    // Every layer is read, not only those up to the one shown: a state_dict with a broken
    // layer is the wrong file, whichever layer is asked for.
    var models: [LSTMModel] = []
    for k in layers {
      let model = try stateDictLayer(
        k, members, prefix: prefix, node: node, at: path, fields: fields)
      if let below = models.last, model.inputSize != below.hiddenSize {
        let name = "\(prefix)weight_ih_l\(k)"
        let found = members.first { $0.key == name }
        throw fields.error(
          path.appending(name), found?.node,
          "has \(counted(model.inputSize, "column")), but layer \(k - 1)'s hidden size is "
            + "\(below.hiddenSize): layer \(k) takes layer \(k - 1)'s STM as its input")
      }
      models.append(model)
    }
    return LayeredModel(
      lower: Array(models.prefix(layer)), shown: models[layer], layer: layer,
      layerCount: layers.count,
      ignoredModules: ignored)
  }

  /// Layer `layer` of a state_dict whose LSTM keys start with `prefix`.
  private static func stateDictLayer(
    _ layer: Int, _ members: [JSONMember], prefix: String, node: JSONNode, at path: JSONPath,
    fields: JSONFields
  ) throws(LessonError) -> LSTMModel {
    func find(_ parameter: String) -> (JSONNode, JSONPath)? {
      let name = "\(prefix)\(parameter)_l\(layer)"
      return members.first { $0.key == name }.map { ($0.node, path.appending(name)) }
    }
    func require(_ parameter: String) throws(LessonError) -> (JSONNode, JSONPath) {
      guard let found = find(parameter) else {
        throw fields.error(path, node, "the state_dict is missing \(prefix)\(parameter)_l\(layer)")
      }
      return found
    }
    let (hhNode, hhPath) = try require("weight_hh")
    let hhRows = try fields.list(hhNode, at: hhPath, what: "a matrix").count
    guard hhRows > 0, hhRows % 4 == 0 else {
      throw fields.error(
        hhPath, hhNode,
        "has \(counted(hhRows, "row")); an LSTM's weight_hh has 4n rows (blocks i, f, g, o of n units each)"
      )
    }
    let n = hhRows / 4
    let hh = try fields.matrix(
      hhNode, at: hhPath, columns: n, why: "weight_hh needs \(n) (its \(hhRows) rows are 4n)")
    let (ihNode, ihPath) = try require("weight_ih")
    let ih = try fields.matrix(ihNode, at: ihPath, columns: nil, why: "")
    guard ih.rows == 4 * n else {
      throw fields.error(
        ihPath, ihNode,
        "has \(counted(ih.rows, "row")), but weight_hh has \(hhRows): both need 4n rows")
    }
    var bias = Array(repeating: 0.0, count: 4 * n)
    for parameter in ["bias_ih", "bias_hh"] {
      guard let (biasNode, biasPath) = find(parameter) else { continue }
      var values: [Double] = []
      try fields.numbers(biasNode, at: biasPath, into: &values, what: "a bias")
      guard values.count == 4 * n else {
        throw fields.error(
          biasPath, biasNode,
          "has \(counted(values.count, "number")), but the LSTM needs 4n = \(4 * n)")
      }
      for k in bias.indices { bias[k] += values[k] }
      if let k = bias.firstIndex(where: { !$0.isFinite }) {
        throw fields.error(
          biasPath.appending(k), biasNode, "bias_ih + bias_hh overflows a Double")
      }
    }
    var gates = PerGate { _ in GateWeights(stmWeight: 0, inputWeight: 0, bias: 0) }
    for (block, gate) in Gate.pytorchOrder.enumerated() {
      let rows = block * n..<(block + 1) * n
      gates[gate] = GateWeights(
        stmWeights: hh.rows(rows), inputWeights: ih.rows(rows), bias: Array(bias[rows]))
    }
    do {
      return try LSTMModel(inputSize: ih.columns, hiddenSize: n, gates: gates)
    } catch {
      throw fields.error(path, node, error.message)
    }
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
