import LSTMCore

/// Reading a model from JSON: the scalar teaching form, or a PyTorch `state_dict` (read by the
/// JSON state_dict container and mapped by `PyTorchLSTMNaming`).
enum ModelDecoding {
  /// The keys of the scalar form, one gate each.
  static let gateKeys = Gate.allCases.map(\.rawValue)
  /// The keys of one scalar gate.
  static let weightKeys = ["stmWeight", "inputWeight", "bias"]

  /// Whether `node` looks like a model of either form rather than a lesson.
  static func looksLikeModel(_ node: JSONNode) -> Bool {
    guard case .object(let members) = node.value else { return false }
    return members.contains { gateKeys.contains($0.key) } || JSONStateDict.holdsStateDict(members)
  }

  /// The model in `node`, which is the scalar form or a state_dict.
  ///
  /// - Parameters:
  ///   - layer: the state_dict layer to take; nil means layer 0, and for the scalar form
  ///     anything but nil or 0 is an error.
  ///   - lstm: which LSTM of a state_dict holding several (`--lstm`).
  static func model(
    _ node: JSONNode, at path: JSONPath, fields: JSONFields, layer: Int?, lstm: String? = nil
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
    if JSONStateDict.holdsStateDict(members) {
      let tensors = JSONStateDict.tensors(members, of: node, at: path, fields: fields)
      return try PyTorchLSTMNaming.model(tensors, layer: layer ?? 0, lstm: lstm)
    }
    throw fields.error(
      path, node,
      "not a model: expected the gates \(listing(gateKeys)), "
        + "or a PyTorch state_dict with weight_ih_l0 and weight_hh_l0")
  }

  /// The scalar teaching cell: four gates, each with stmWeight, inputWeight and bias.
  static func scalar(
    _ node: JSONNode, at path: JSONPath, fields: JSONFields
  ) throws(LessonError) -> LSTMModel {
    let gates = try fields.object(node, at: path, known: gateKeys, what: "a scalar model")
    var weights = PerGate { _ in GateWeights(stmWeight: 0, inputWeight: 0, bias: 0) }
    for gate in Gate.allCases {
      guard let gateNode = gates[gate.rawValue] else {
        throw fields.error(
          path, node,
          "the model is missing the gate \(gate.rawValue.quoted); "
            + "a scalar model has \(listing(gateKeys))")
      }
      weights[gate] = try scalarGate(gateNode, at: path.appending(gate.rawValue), fields: fields)
    }
    do {
      return try LSTMModel(scalar: weights)
    } catch {
      throw fields.error(path, node, error.message)
    }
  }

  /// One gate of the scalar form: stmWeight, inputWeight and bias.
  private static func scalarGate(
    _ node: JSONNode, at path: JSONPath, fields: JSONFields
  ) throws(LessonError) -> GateWeights {
    let values = try fields.object(node, at: path, known: weightKeys, what: "a gate")
    var numbers: [Double] = []
    for key in weightKeys {
      let value = try fields.required(key, in: values, of: node, at: path, what: "the gate")
      numbers.append(try fields.number(value, at: path.appending(key)))
    }
    return GateWeights(stmWeight: numbers[0], inputWeight: numbers[1], bias: numbers[2])
  }
}
